import GRDB
import KehuCore

/// A supervisor's comment on one of my follow-ups that I have not opened yet.
public struct UnreadComment: Hashable, Sendable {
    public let customerID: Int64
    public let customerCode: String
    public let customerName: String
    public let signerName: String
    public let text: String
}

extension KehuDatabase {
    /// The supervisors' comments on the viewer's follow-ups not yet read, newest first.
    public func unreadComments(limit: Int = 20) throws -> [UnreadComment] {
        guard let me = viewer?.userID else { return [] }
        let (visibleSQL, visibleArguments) = visible()
        return try read { db in
            try StoreRow.fetchAll(db, sql: """
                SELECT c.id, c.code, c.name, u.displayName AS signer, a.supervisorComment AS text
                FROM activities a INDEXED BY activities_unseenComments
                JOIN customers c ON c.id = a.customerID
                LEFT JOIN users u ON u.id = a.commentSignerID
                WHERE a.handlerID = ? AND a.commentSeen = 0 AND a.supervisorComment IS NOT NULL AND \(visibleSQL)
                ORDER BY a.commentAt DESC LIMIT ?
                """, arguments: [me] + visibleArguments + [limit]).map {
                UnreadComment(customerID: $0["id"], customerCode: $0["code"], customerName: $0["name"],
                              signerName: $0["signer"] ?? "", text: $0["text"])
            }
        }
    }
}
