import Foundation
import GRDB
import KehuCore

extension KehuDatabase {
    /// Corrects a follow-up, keeping it as it was: the row before the correction goes into
    /// `activityCorrections` with who, when and why; the row is updated field by field in
    /// the audit history and says it was corrected. A row the supervisor had signed goes
    /// back to the evening queue (`recheck`) until signed again. When it is its card's
    /// latest follow-up, the card's level and next visit follow the correction.
    /// Its author, the supervisor of the author's team and admins only.
    /// - Returns: false when the correction changes nothing (nothing is written).
    @discardableResult
    public func correct(activityID: Int64, _ correction: ActivityCorrection, correctorID: Int64, by actor: Actor) throws -> Bool {
        let now = actor.clock.now
        return try write { db in
            let activity = try existingActivity(db, activityID)
            if let viewer {
                let authorsTeam = try Int64.fetchOne(db, sql: "SELECT teamID FROM users WHERE id = ?", arguments: [activity.handlerID])
                guard ActivityCorrection.mayCorrect(role: viewer.role, userID: viewer.userID, teamID: viewer.teamID,
                                                    author: activity.handlerID, authorsTeam: authorsTeam) else {
                    throw StoreError.refused(.roleMayNot)
                }
            }
            var fields = correction.fields
            fields.content = fields.content.trimmingWhitespace()
            fields.impression = fields.impression.trimmingWhitespace()
            fields.bottleneckPlan = fields.bottleneckPlan.trimmingWhitespace()
            let problems = ActivityCorrection(fields: fields, reason: correction.reason).validate(for: activity)
            guard problems.isEmpty else { throw StoreError.invalid(problems) }
            let before = ActivityFields(activity)
            guard fields != before else { return false }
            var corrected = fields.applied(to: activity)
            corrected.correctedAt = now
            corrected.correctedByID = correctorID
            let signed = activity.supervisorComment != nil
            if signed { corrected.recheck = true }
            try RecordWriter.update(db, table: "activities", id: activityID, original: activity.columnValues, edited: corrected.columnValues,
                                    actor: actor.login, at: now)
            let snapshot = String(decoding: try JSONEncoder().encode(before), as: UTF8.self)
            try db.execute(sql: """
                INSERT INTO activityCorrections(activityID, correctedAt, correctedByID, reason, before, afterSignature) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [activityID, now.description, correctorID, correction.reason.trimmingWhitespace(), snapshot, signed])
            // The card reads what its latest follow-up judged.
            if let cardID = activity.cardID, fields.levelJudged != before.levelJudged || fields.nextVisitOn != before.nextVisitOn {
                let latest = try Int64.fetchOne(db, sql: """
                    SELECT id FROM activities INDEXED BY activities_card WHERE cardID = ? ORDER BY occurredAt DESC, id DESC LIMIT 1
                    """, arguments: [cardID])
                let card = try existingCard(db, cardID)
                if latest == activityID, !card.state.isClosed {
                    var followed = card
                    if let level = fields.levelJudged { followed.level = level }
                    followed.nextVisitOn = fields.nextVisitOn
                    if fields.nextVisitOn != before.nextVisitOn { followed.nextVisitTime = nil }
                    try RecordWriter.update(db, table: "intentCards", id: cardID, original: card.columnValues, edited: followed.columnValues,
                                            actor: actor.login, at: now)
                }
            }
            return true
        }
    }

    /// The corrections of the given activities, as the timeline shows them: the latest
    /// one's who, when and why, with the row as first logged.
    static func correctionNotes(_ db: StoreConnection, activityIDs: [Int64]) throws -> [Int64: CorrectionNote] {
        guard !activityIDs.isEmpty else { return [:] }
        var notes: [Int64: CorrectionNote] = [:]
        let decoder = JSONDecoder()
        for chunk in stride(from: 0, to: activityIDs.count, by: 500).map({ Array(activityIDs[$0..<min($0 + 500, activityIDs.count)]) }) {
            let marks = chunk.map { _ in "?" }.joined(separator: ",")
            let rows = try StoreRow.fetchAll(db, sql: """
                SELECT x.activityID, x.correctedAt, x.reason, u.displayName AS correctorName,
                       (SELECT f.before FROM activityCorrections f WHERE f.activityID = x.activityID ORDER BY f.id LIMIT 1) AS original,
                       (SELECT MAX(g.afterSignature) FROM activityCorrections g WHERE g.activityID = x.activityID) AS afterSignature
                FROM activityCorrections x JOIN users u ON u.id = x.correctedByID
                WHERE x.id IN (SELECT MAX(id) FROM activityCorrections WHERE activityID IN (\(marks)) GROUP BY activityID)
                """, arguments: SQLArguments(chunk))
            for row in rows {
                guard let at = LocalDateTime(column: row["correctedAt"]),
                      let original = try? decoder.decode(ActivityFields.self, from: Data((row["original"] as String).utf8)) else { continue }
                notes[row["activityID"]] = CorrectionNote(correctorName: row["correctorName"], at: at, reason: row["reason"],
                                                          original: original, afterSignature: row["afterSignature"])
            }
        }
        return notes
    }
}
