import KehuStore

/// What a colleague just changed for me, said once in the status line.
extension Strings {
    public func news(_ changes: [ChangeForMe]) -> String {
        guard let first = changes.first else { return "" }
        let more = changes.count > 1 ? (language == .zh ? "（另有 \(changes.count - 1) 项）" : " (+\(changes.count - 1) more)") : ""
        return news(first) + more
    }

    func news(_ change: ChangeForMe) -> String {
        let zh = language == .zh
        let name = change.customerName
        switch change.kind {
        case .comment(let by): return zh ? "✉ \(by) 批示 \(name)" : "✉ \(by) commented on \(name)"
        case .customerGiven: return zh ? "\(name) 已分配给你" : "\(name) is yours now"
        case .customerTaken: return zh ? "\(name) 已不再由你负责" : "\(name) is no longer yours"
        case .defeatApproved: return zh ? "战败申请已批准：\(name)" : "Defeat approved: \(name)"
        case .defeatReturned: return zh ? "战败申请被退回：\(name)" : "Defeat application returned: \(name)"
        }
    }
}
