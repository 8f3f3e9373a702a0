/// PostgreSQL's errors as kehu's own, so every screen and command says them as it says
/// SQLite's (and exits with the same codes).
enum PostgresErrors {
    static func translate(_ error: Error, address: String) -> Error {
        guard let failure = error as? PostgresLink.Failure else { return error }
        switch failure {
        case .cannotConnect(let detail):
            return StoreError.cannotOpen(path: address, detail: detail)
        case .server(let state, let message, _):
            switch state {
            case "53100": return StoreError.diskFull(path: address)
            case "25006": return StoreError.readOnly(path: address)
            // StoreRow-level security refused a row, or the role lacks a right: kehu's refusal.
            case "42501": return StoreError.refused(.roleMayNot)
            case "55P03", "57014": return StoreError.locked(path: address)
            case "XX001", "XX002": return StoreError.damaged(path: address, detail: message)
            // The server ended the connection: said as a lost connection, as when kehu
            // sees the closed socket first.
            case _ where failure.endsConnection:
                return StoreError.cannotOpen(path: address, detail: message)
            default: return failure
            }
        }
    }
}
