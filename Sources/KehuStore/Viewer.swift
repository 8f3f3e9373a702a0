import GRDB
import KehuCore

/// Who is looking, and so which customers they may see (SPEC "Archive views and access"):
/// a salesperson their own, those they are attached to, and their team's pool; a
/// supervisor or assistant the team; a manager their region (all regions when none is
/// set); an admin and the general manager everything.
public struct Viewer: Hashable, Sendable {
    public let userID: Int64
    public let login: String
    public let role: Role
    public let teamID: Int64?
    public let region: String

    public init(_ user: User) {
        userID = user.id ?? 0
        login = user.login
        role = user.role
        teamID = user.teamID
        region = user.region
    }

    public enum Scope: Hashable, Sendable {
        case everything
        case region(String)
        case team(Int64)
        case own(userID: Int64, teamID: Int64?)
    }

    public var scope: Scope {
        switch role {
        case .admin, .generalManager: return .everything
        case .salesManager, .marketingManager: return region.isEmpty ? .everything : .region(region)
        case .supervisor, .assistant: return teamID.map(Scope.team) ?? .own(userID: userID, teamID: nil)
        case .salesperson: return .own(userID: userID, teamID: teamID)
        }
    }

    /// A condition on the customers table aliased `c`, with its arguments.
    func condition(_ alias: String = "c") -> (sql: String, arguments: SQLArguments) {
        switch scope {
        case .everything:
            return ("TRUE", [])
        case .region(let region):
            return ("\(alias).region = ?", [region])
        case .team(let team):
            return ("\(alias).teamID = ?", [team])
        case .own(let user, let team):
            return ("(\(alias).ownerID = ? OR \(alias).id IN (SELECT customerID FROM customerMembers WHERE userID = ?)"
                    + " OR (\(alias).ownerID IS NULL AND \(alias).teamID IS ?))", [user, user, team])
        }
    }
}

extension KehuDatabase {
    /// The same database seen by `viewer`: every customer query of the returned store
    /// shows only what that person may see. Internal: outside the store the only way to a
    /// scoped store is the door (`open(path:as:)`), which takes the viewer from the kernel.
    func scoped(to viewer: Viewer) -> KehuDatabase {
        KehuDatabase(path: path, engine: engine, viewer: viewer, lockWait: lockWait, damage: damage, readPlace: readPlace)
    }

    /// The visibility condition for this store's viewer (everything when unscoped).
    func visible(_ alias: String = "c") -> (sql: String, arguments: SQLArguments) {
        viewer?.condition(alias) ?? ("TRUE", [])
    }

    /// Refuses a write on a customer this store's viewer may not see, as if it did not
    /// exist: nothing about it is revealed.
    func requireVisible(_ db: StoreConnection, customerID: Int64) throws {
        guard try isVisible(db, customerID: customerID) else { throw StoreError.notFound(table: "customers", rowID: customerID) }
    }

    /// Whether this store's viewer may see one customer.
    func isVisible(_ db: StoreConnection, customerID: Int64) throws -> Bool {
        guard viewer != nil else { return true }
        let (sql, arguments) = visible()
        return try Bool.fetchOne(try db.cachedStatement(sql: "SELECT EXISTS(SELECT 1 FROM customers c WHERE c.id = ? AND \(sql))"),
                                 arguments: [customerID] + arguments) ?? false
    }
}
