import GRDB
import KehuCore

extension KehuDatabase {
    /// Everything due for one salesperson on `today`: card follow-ups whose date has come
    /// (overdue included), birthdays of their customers' contacts in the next `days`
    /// days, and the big holidays coming up — ordered as the Today list shows them.
    public func todayAgenda(ownerID: Int64, today: LocalDate, lookAheadDays days: Int = 3,
                            maintenanceFor user: User? = nil) throws -> [TodayItem] {
        // Someone's Today is theirs and their superiors': nobody else's business.
        guard try knowsOf(userID: ownerID) else { return [] }
        let rules = try poolRules()   // read before the transaction: store reads do not nest
        let maintenance = try user.map { try maintenanceDue(for: $0, today: today) } ?? []
        let churn = try churnWarnings(ownerID: ownerID, today: today)
        let reasons = try churnReasonsDue(ownerID: ownerID)
        return try read { db in
            var items: [TodayItem] = []
            // Only customers whose earliest open card is due (the v6 key, by the owner's
            // index), and columns read by position: a large salesperson has thousands.
            // PostgreSQL is asked for the same order, each of those customers' due cards by
            // its own index (a LATERAL read that OFFSET 0 keeps apart): left to itself it read
            // every due card of the company and matched them to the owner's customers, 13,000
            // cards for 800 customers at 100,000 (7 ms against 1.5).
            let due = try StoreRow.fetchCursor(db, sql: db.isPostgres ? """
                SELECT k.id AS cardID, k.level, k.nextVisitOn, k.nextVisitTime, c.id AS customerID, c.code, c.name
                FROM customers c
                CROSS JOIN LATERAL (SELECT k.id, k.level, k.nextVisitOn, k.nextVisitTime FROM intentCards k
                                    WHERE k.customerID = c.id AND k.state IN ('open', 'defeatPending') AND k.nextVisitOn <= ?3
                                    OFFSET 0) k
                WHERE c.ownerID = ?1 AND c.nextFollowUpOn <= ?2
                """ : """
                SELECT k.id AS cardID, k.level, k.nextVisitOn, k.nextVisitTime, c.id AS customerID, c.code, c.name
                FROM customers c INDEXED BY customers_owner_nextFollowUp
                JOIN intentCards k INDEXED BY intentCards_customer_due ON k.customerID = c.id
                WHERE c.ownerID = ?1 AND c.nextFollowUpOn <= ?2 AND k.state IN ('open', 'defeatPending') AND k.nextVisitOn <= ?3
                """, arguments: [ownerID, today.description, today.description])
            while let row = try due.next() {
                guard let date = LocalDate(column: row[2] as String?) else { continue }
                items.append(TodayItem(kind: .followUp(cardID: row[0], level: IntentLevel(rawValue: row[1]) ?? .c, time: row[3]),
                                       due: date, customerID: row[4], customerCode: row[5], customerName: row[6]))
            }
            // Defeat applications returned to them and not followed up since (by the partial
            // index of returned cards: few).
            let returned = try StoreRow.fetchCursor(db, sql: """
                SELECT k.id, k.defeatDecisionNote, k.defeatReturnedAt, c.id, c.code, c.name
                FROM intentCards k INDEXED BY intentCards_returned JOIN customers c ON c.id = k.customerID
                WHERE k.defeatReturnedAt IS NOT NULL AND k.state = 'open' AND c.ownerID = ?
                  AND NOT EXISTS (SELECT 1 FROM activities a INDEXED BY activities_card
                                  WHERE a.cardID = k.id AND a.occurredAt >= k.defeatReturnedAt)
                """, arguments: [ownerID])
            while let row = try returned.next() {
                guard let at = LocalDateTime(column: row[2] as String?) else { continue }
                items.append(TodayItem(kind: .defeatReturned(cardID: row[0], reason: row[1]), due: at.date,
                                       customerID: row[3], customerCode: row[4], customerName: row[5]))
            }
            // Birthdays by month and day; 29 February is looked for on the 28th in other years.
            var monthDays = (0...days).map { today.adding(days: $0).monthDay }
            if monthDays.contains("02-28"), LocalDate(year: today.year, month: 2, day: 29) == nil { monthDays.append("02-29") }
            let marks = monthDays.map { _ in "?" }.joined(separator: ", ")
            // Driven by the month-day index: the few contacts with a birthday these days,
            // then whether their customer is mine.
            let birthdays = try StoreRow.fetchAll(db, sql: """
                SELECT p.name AS contactName, p.birthday, c.id AS customerID, c.code, c.name
                FROM contacts p INDEXED BY contacts_birthday_monthDay JOIN customers c ON c.id = p.customerID
                WHERE p.birthday IS NOT NULL AND substr(p.birthday, 6) IN (\(marks)) AND c.ownerID = ?
                """, arguments: SQLArguments(monthDays.map(\.databaseValue) + [ownerID.databaseValue]))
            for row in birthdays {
                guard let birthday = LocalDate(column: row["birthday"]) else { continue }
                items.append(TodayItem(kind: .birthday(contactName: row["contactName"]),
                                       due: TodayOrdering.nextBirthday(birthday, onOrAfter: today),
                                       customerID: row["customerID"], customerCode: row["code"], customerName: row["name"]))
            }
            // Prospects about to return to the pool: the drop date is when it is due.
            for drop in try ownedProspects(db, ownerID: ownerID, rules: rules, dropBy: today.adding(days: rules.warnDaysBefore))
            where rules.isWarning(dropDate: drop.dropDate, today: today) {
                items.append(TodayItem(kind: .poolWarning(lastActivity: drop.lastActivity), due: drop.dropDate,
                                       customerID: drop.customerID, customerCode: drop.code, customerName: drop.name))
            }
            for item in maintenance {
                items.append(TodayItem(kind: .maintenance(item.duty.kind), due: item.dueDate,
                                       customerID: item.customerID, customerCode: item.code, customerName: item.name))
            }
            for warning in churn {
                guard case .warning(let lostOn) = warning.state else { continue }
                items.append(TodayItem(kind: .churnWarning(lastOrder: warning.lastOrder), due: lostOn,
                                       customerID: warning.customerID, customerCode: warning.code, customerName: warning.name))
            }
            for due in reasons {
                items.append(TodayItem(kind: .churnReason(eventID: due.eventID), due: due.lostOn,
                                       customerID: due.customerID, customerCode: due.code, customerName: due.name))
            }
            for (holiday, date) in Holiday.upcoming(from: today, within: 7) {
                items.append(TodayItem(kind: .holiday(holiday), due: date, customerID: nil, customerCode: "", customerName: ""))
            }
            return TodayOrdering.sorted(items, today: today)
        }
    }
}
