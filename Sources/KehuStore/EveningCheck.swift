import GRDB
import KehuCore

/// A follow-up in the supervisor's evening queue, with the card context the supervisor
/// reads before commenting (SPEC §2 "Daily rhythm").
public struct EveningFollowUp: Hashable, Sendable {
    public let activity: Activity
    public let handlerName: String
    public let customerCode: String
    public let customerName: String
    /// Levels judged on the card's follow-ups, oldest first: C → B → A.
    public let levelHistory: [IntentLevel]
    /// From an earlier day: left unchecked then (it may be signed tonight).
    public let isCarriedOver: Bool
    /// In the spot check, checked means reviewed by the manager, not signed by the supervisor.
    public let isSpotCheck: Bool
    /// Set when the follow-up was corrected: who, when, why, and what it said first.
    public var correction: CorrectionNote?
    /// The card it was written for: its score and analysis are what the supervisor guides on.
    public var card: IntentCard?
    /// A row corrected after it was signed waits to be signed again.
    public var isChecked: Bool { isSpotCheck ? activity.managerReview != nil : activity.supervisorComment != nil && !activity.recheck }
}

/// A card in the evening queue that needs a decision or a push.
public struct EveningCard: Hashable, Sendable {
    public let card: IntentCard
    public let customerCode: String
    public let customerName: String
    public let ownerName: String?
}

/// The supervisor's evening queue for one team.
public struct EveningQueue: Hashable, Sendable {
    public init(followUps: [EveningFollowUp], overdueCards: [EveningCard], pendingDefeats: [EveningCard]) {
        self.followUps = followUps; self.overdueCards = overdueCards; self.pendingDefeats = pendingDefeats
    }

    /// Grouped by salesperson (in name order), each group oldest first.
    public let followUps: [EveningFollowUp]
    public let overdueCards: [EveningCard]
    public let pendingDefeats: [EveningCard]

    public var checkedCount: Int { followUps.filter(\.isChecked).count }
    /// Carried over and still waiting.
    public var carriedOverCount: Int { followUps.filter { $0.isCarriedOver && !$0.isChecked }.count }
}

extension KehuDatabase {
    /// Today's card follow-ups by the team, plus unchecked ones from the last
    /// `carryOverDays` days (and those signed tonight, so progress counts them); then the
    /// team's overdue cards; then defeat applications.
    /// Only for those who look after the team: its supervisor and assistant, the region's
    /// managers, the general manager and admins.
    public func eveningQueue(teamID: Int64, today: LocalDate, carryOverDays: Int = 14, overdueLimit: Int = 200) throws -> EveningQueue {
        guard try looksAfter(teamID: teamID) else { return EveningQueue(followUps: [], overdueCards: [], pendingDefeats: []) }
        return try read { db in
            let since = today.adding(days: -carryOverDays).description
            // Three small index ranges instead of two weeks of every team's visits: today's,
            // the unchecked since `since`, and those signed tonight.
            let rows = db.isPostgres
                ? try Self.queueOnPostgres(db, teamID: teamID, since: since, today: today.description)
                : try StoreRow.fetchAll(db, sql: """
                WITH queue(id) AS (
                    SELECT id FROM activities INDEXED BY activities_day WHERE occurredAt >= ?3 AND cardID IS NOT NULL
                    UNION SELECT id FROM activities INDEXED BY activities_unchecked
                          WHERE occurredAt >= ?2 AND cardID IS NOT NULL AND supervisorComment IS NULL
                    UNION SELECT id FROM activities INDEXED BY activities_commentAt WHERE commentAt >= ?3 AND occurredAt >= ?2
                    UNION SELECT id FROM activities INDEXED BY activities_recheck WHERE recheck = 1
                )
                SELECT a.*, h.displayName AS handlerName, c.code AS customerCode, c.name AS customerName
                FROM queue q
                JOIN activities a ON a.id = q.id
                JOIN users h ON h.id = a.handlerID
                JOIN customers c ON c.id = a.customerID
                WHERE h.teamID = ?1
                ORDER BY h.displayName, a.occurredAt, a.id
                """, arguments: [teamID, since, today.description])
            let followUps = try Self.followUps(db, rows: rows, today: today)
            // Sorted and cut in SQL: a big team has thousands of late cards, the queue
            // shows the longest-waiting ones.
            func teamCards(_ condition: String, order: String, limit: Int, _ arguments: SQLArguments) throws -> [EveningCard] {
                try StoreRow.fetchAll(db, sql: """
                    SELECT k.*, c.code AS customerCode, c.name AS customerName, u.displayName AS ownerName
                    FROM intentCards k INDEXED BY intentCards_due
                    JOIN customers c ON c.id = k.customerID
                    LEFT JOIN users u ON u.id = c.ownerID
                    WHERE c.teamID = ? AND \(condition)
                    ORDER BY \(order) LIMIT \(limit)
                    """, arguments: [teamID] + arguments).map {
                    EveningCard(card: IntentCard(row: $0), customerCode: $0["customerCode"], customerName: $0["customerName"], ownerName: $0["ownerName"])
                }
            }
            let overdue = try teamCards("k.state = 'open' AND k.nextVisitOn < ?", order: "k.nextVisitOn, k.id", limit: overdueLimit,
                                        [today.description])
            let defeats = try teamCards("k.state = 'defeatPending'", order: "k.defeatAppliedOn, k.id", limit: 1_000, [])
            return EveningQueue(followUps: followUps, overdueCards: overdue, pendingDefeats: defeats)
        }
    }

    /// The queue's rows on PostgreSQL: the four ranges' ids first, then those rows by id.
    /// Asked as one query, PostgreSQL guesses the ranges hold thousands of rows more than
    /// they do and reads every visit of the team's people instead (850 ms at 100,000
    /// customers); given the ids, it reads just those.
    private static func queueOnPostgres(_ db: StoreConnection, teamID: Int64, since: String, today: String) throws -> [StoreRow] {
        let ids = try Int64.fetchAll(db, sql: """
            SELECT id FROM activities WHERE occurredAt >= ?2 AND cardID IS NOT NULL
            UNION SELECT id FROM activities WHERE occurredAt >= ?1 AND cardID IS NOT NULL AND supervisorComment IS NULL
            UNION SELECT id FROM activities WHERE commentAt >= ?2 AND occurredAt >= ?1
            UNION SELECT id FROM activities WHERE recheck = 1
            """, arguments: [since, today])
        guard !ids.isEmpty else { return [] }
        // At most 65,535 values go in one statement; a queue is a few thousand.
        var rows: [StoreRow] = []
        for start in stride(from: 0, to: ids.count, by: 60_000) {
            let chunk = Array(ids[start..<min(start + 60_000, ids.count)])
            rows += try StoreRow.fetchAll(db, sql: """
                SELECT a.*, h.displayName AS handlerName, c.code AS customerCode, c.name AS customerName
                FROM activities a
                JOIN users h ON h.id = a.handlerID
                JOIN customers c ON c.id = a.customerID
                WHERE a.id IN (\(chunk.map { _ in "?" }.joined(separator: ","))) AND h.teamID = ?
                ORDER BY h.displayName, a.occurredAt, a.id
                """, arguments: SQLArguments(chunk) + [teamID])
        }
        guard ids.count > 60_000 else { return rows }
        return rows.sorted { a, b in
            let (one, two): (String, String) = (a["handlerName"], b["handlerName"])
            if one != two { return Array(one.utf8).lexicographicallyPrecedes(two.utf8) }
            let (at, bt): (String, String) = (a["occurredAt"], b["occurredAt"])
            return at != bt ? at < bt : (a["id"] as Int64) < (b["id"] as Int64)
        }
    }

    /// Follow-up rows (activities joined with handler and customer names) with the
    /// course of levels on their cards.
    static func followUps(_ db: StoreConnection, rows: [StoreRow], today: LocalDate, spotCheck: Bool = false) throws -> [EveningFollowUp] {
        let cardIDs = Array(Set(rows.compactMap { $0["cardID"] as Int64? }))
        var levels: [Int64: [IntentLevel]] = [:]
        var cards: [Int64: IntentCard] = [:]
        // The cards' level course in one query for the whole queue, not one per follow-up.
        for chunk in stride(from: 0, to: cardIDs.count, by: 500).map({ Array(cardIDs[$0..<min($0 + 500, cardIDs.count)]) }) {
            let marks = chunk.map { _ in "?" }.joined(separator: ",")
            // One row per card: its judged levels in order, as one string ("CCBA").
            // (SQLite's group_concat follows the rows' order; PostgreSQL's string_agg is told it.)
            for row in try StoreRow.fetchAll(db, sql: db.sql(sqlite: """
                SELECT cardID, group_concat(levelJudged, '') AS levels FROM (
                SELECT cardID, levelJudged FROM activities INDEXED BY activities_card
                WHERE cardID IN (\(marks)) AND levelJudged IS NOT NULL ORDER BY cardID, occurredAt, id)
                GROUP BY cardID
                """, postgres: """
                SELECT cardID, string_agg(levelJudged, '' ORDER BY occurredAt, id) AS levels FROM activities
                WHERE cardID IN (\(marks)) AND levelJudged IS NOT NULL GROUP BY cardID
                """), arguments: SQLArguments(chunk)) {
                let text: String = row["levels"]
                levels[row["cardID"]] = text.compactMap { IntentLevel(rawValue: String($0)) }
            }
            for row in try StoreRow.fetchAll(db, sql: "SELECT * FROM intentCards WHERE id IN (\(marks))", arguments: SQLArguments(chunk)) {
                cards[row["id"]] = IntentCard(row: row)
            }
        }
        let notes = try correctionNotes(db, activityIDs: rows.compactMap { row in
            (row["correctedAt"] as String?) == nil ? nil : row["id"] as Int64 })
        let followUps = rows.map { row -> EveningFollowUp in
            let activity = Activity(row: row)
            let history = activity.cardID.flatMap { levels[$0] } ?? []
            // Repeated levels say nothing new: C C B B A reads C → B → A.
            let steps = history.reduce(into: [IntentLevel]()) { if $0.last != $1 { $0.append($1) } }
            var item = EveningFollowUp(activity: activity, handlerName: row["handlerName"], customerCode: row["customerCode"],
                                       customerName: row["customerName"], levelHistory: steps,
                                       isCarriedOver: !spotCheck && activity.occurredAt.date < today, isSpotCheck: spotCheck)
            item.correction = activity.id.flatMap { notes[$0] }
            item.card = activity.cardID.flatMap { cards[$0] }
            return item
        }
        return followUps
    }

    /// The spot check: a sample of the cards followed up this week (or today, with a daily
    /// check) in the viewer's part of the archive (a manager's region), each shown with its
    /// latest follow-up.
    public func spotCheck(today: LocalDate, size: SpotCheckSize, period: SpotCheckPeriod = .standard) throws -> [EveningFollowUp] {
        let week = period.start(of: today)
        let (condition, arguments) = visible()
        return try read { db in
            let candidates = try Int64.fetchAll(db, sql: """
                SELECT DISTINCT a.cardID FROM activities a INDEXED BY activities_day
                JOIN customers c ON c.id = a.customerID
                WHERE a.occurredAt >= ? AND a.cardID IS NOT NULL AND \(condition)
                """, arguments: [week.description] + arguments)
            let chosen = SpotCheckSampler.sample(candidates, week: week, size: size)
            guard !chosen.isEmpty else { return [] }
            let marks = chosen.map { _ in "?" }.joined(separator: ",")
            let rows = try StoreRow.fetchAll(db, sql: """
                SELECT a.*, h.displayName AS handlerName, c.code AS customerCode, c.name AS customerName
                FROM activities a
                JOIN users h ON h.id = a.handlerID
                JOIN customers c ON c.id = a.customerID
                WHERE a.id IN (SELECT (SELECT id FROM activities x INDEXED BY activities_card WHERE x.cardID = k.id
                                       ORDER BY x.occurredAt DESC, x.id DESC LIMIT 1)
                               FROM intentCards k WHERE k.id IN (\(marks)))
                ORDER BY h.displayName, a.occurredAt, a.id
                """, arguments: SQLArguments(chosen))
            return try Self.followUps(db, rows: rows, today: today, spotCheck: true)
        }
    }

    /// Who checks follow-ups and decides defeats in the evening (000 §4): the supervisors
    /// and those above them. A salesperson's own store refuses, whatever screen asks.
    static let checkingRoles: Set<Role> = [.supervisor, .salesManager, .marketingManager, .generalManager, .admin]
    /// Who writes the managers' spot-check review.
    static let reviewingRoles: Set<Role> = [.salesManager, .marketingManager, .generalManager, .admin]

    /// 主管批示: the comment, signed with the signer and time, in the audit history; the
    /// salesperson sees a "new comment" mark until they open the customer.
    /// `seen` is the comment the signer saw when they began (nil: none); a different one
    /// signed by a colleague meanwhile is a conflict, not overwritten.
    public func signComment(activityID: Int64, text: String, signerID: Int64, replacing seen: String? = nil, by actor: Actor) throws {
        try require(Self.checkingRoles)
        try sign(activityID, text: text, signerID: signerID, seen: seen, column: "supervisorComment", by: actor,
                 reading: { $0.supervisorComment }, into: { $0.supervisorComment = $1 })
    }

    /// The sales manager's spot-check review of a follow-up, signed and in the audit history;
    /// the supervisor's comment stays as it was.
    public func signReview(activityID: Int64, text: String, reviewerID: Int64, replacing seen: String? = nil, by actor: Actor) throws {
        try require(Self.reviewingRoles)
        try sign(activityID, text: text, signerID: reviewerID, seen: seen, column: "managerReview", by: actor,
                 reading: { $0.managerReview }, into: { $0.managerReview = $1 })
    }

    private func sign(_ activityID: Int64, text: String, signerID: Int64, seen: String?, column: String, by actor: Actor,
                      reading stored: (Activity) -> SupervisorComment?,
                      into field: (inout Activity, SupervisorComment) -> Void) throws {
        let words = text.trimmingWhitespace()
        guard !words.isEmpty else { throw StoreError.invalid([.required(field: .supervisorComment)]) }
        try write { db in
            let activity = try existingActivity(db, activityID)
            try StillAsSeen.text(stored(activity)?.text, seen: seen, mine: words, table: "activities", rowID: activityID, column: column)
            var signed = activity
            field(&signed, SupervisorComment(text: words, signerID: signerID, signedAt: actor.clock.now))
            _ = try RecordWriter.update(db, table: "activities", id: activityID, original: activity.columnValues,
                                        edited: signed.columnValues, actor: actor.login, at: actor.clock.now)
            // Signed again after a correction: off the queue again. (A manager's review does
            // not stand for the supervisor's signature.)
            try db.execute(sql: "UPDATE activities SET commentSeen = 0\(column == "supervisorComment" ? ", recheck = 0" : "") WHERE id = ?",
                           arguments: [activityID])
        }
    }

    /// Flags (or unflags) a follow-up for guidance at the evening meeting.
    public func setNeedsGuidance(activityID: Int64, _ flag: Bool, by actor: Actor) throws {
        try require(Self.checkingRoles)
        try flagActivity(activityID, by: actor) { $0.needsGuidance = flag }
    }

    /// Marks (or clears) a follow-up as doubtful (虚假跟进): it is raised at the meeting and
    /// counted against its author in the KPIs. Audited like every change.
    public func setDoubtful(activityID: Int64, _ flag: Bool, by actor: Actor) throws {
        try require(Self.checkingRoles)
        try flagActivity(activityID, by: actor) { $0.doubtful = flag }
    }

    /// Marks (or clears) a defeat application, pending or decided, as doubtful (虚假战败).
    public func setDefeatDoubtful(cardID: Int64, _ flag: Bool, by actor: Actor) throws {
        try require(Self.checkingRoles)
        try write { db in
            let card = try existingCard(db, cardID)
            var marked = card
            marked.defeatDoubtful = flag
            try RecordWriter.update(db, table: "intentCards", id: cardID, original: card.columnValues, edited: marked.columnValues,
                                    actor: actor.login, at: actor.clock.now)
        }
    }

    private func flagActivity(_ activityID: Int64, by actor: Actor, _ change: (inout Activity) -> Void) throws {
        try write { db in
            let activity = try existingActivity(db, activityID)
            var flagged = activity
            change(&flagged)
            _ = try RecordWriter.update(db, table: "activities", id: activityID, original: activity.columnValues,
                                        edited: flagged.columnValues, actor: actor.login, at: actor.clock.now)
        }
    }

    /// The supervisor's decision on a defeat application: approved, the card is lost and
    /// closed; returned, it is open again with the reason, for the salesperson to go on.
    public func decideDefeat(cardID: Int64, approve: Bool, note: String, by actor: Actor) throws {
        try require(Self.checkingRoles)
        if !approve, note.trimmingWhitespace().isEmpty { throw StoreError.invalid([.required(field: .defeatDecision)]) }
        try write { db in
            let card = try existingCard(db, cardID)
            // Another supervisor (or a second window) may have decided it meanwhile.
            try StillAsSeen.card(card, isIn: [.defeatPending], becoming: approve ? .lost : .open)
            var decided = card
            decided.state = approve ? .lost : .open
            decided.closedOn = approve ? actor.clock.today : nil
            decided.defeatDecisionNote = note.trimmingWhitespace()
            if !approve { decided.defeatReturnedAt = actor.clock.now }
            try RecordWriter.update(db, table: "intentCards", id: cardID, original: card.columnValues, edited: decided.columnValues,
                                    actor: actor.login, at: actor.clock.now)
        }
    }

    func existingActivity(_ db: StoreConnection, _ id: Int64) throws -> Activity {
        guard let row = try StoreRow.fetchOne(db, sql: "SELECT * FROM activities WHERE id = ?", arguments: [id]) else {
            throw StoreError.notFound(table: "activities", rowID: id)
        }
        let activity = Activity(row: row)
        try requireVisible(db, customerID: activity.customerID)
        return activity
    }
}
