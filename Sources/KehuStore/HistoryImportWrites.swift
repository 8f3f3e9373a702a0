import GRDB
import KehuCore

extension KehuDatabase {
    /// Imports contacts, visit history or intent cards onto existing customers (found by code, else by
    /// name), in one transaction like `importCustomers`. A visit keeps its date and its
    /// handler — a colleague found by name or login, or, for someone who has left, an
    /// inactive user of that name — while the audit history names the importer. A row
    /// already there (the same contact name, or the same visit time and text) is skipped,
    /// so a file imported twice adds nothing.
    public func importHistory(_ rows: [HistoryImportRow], kind: HistoryImportRow.Kind, dryRun: Bool, skipBad: Bool,
                              by actor: Actor) throws -> [ImportOutcome] {
        try require(Self.importRoles)
        var outcomes: [ImportOutcome] = []
        try writeAlone { db in
            try db.inTransaction {
                outcomes = try importHistoryRows(db, rows, kind: kind, actor: actor)
                let rejected = outcomes.contains { if case .rejected = $0 { return true }; return false }
                return dryRun || (rejected && !skipBad) ? .rollback : .commit
            }
        }
        return outcomes
    }

    private func importHistoryRows(_ db: StoreConnection, _ rows: [HistoryImportRow], kind: HistoryImportRow.Kind, actor: Actor) throws -> [ImportOutcome] {
        var handlers: [String: Int64] = [:]
        for row in try StoreRow.fetchAll(db, sql: "SELECT id, login, displayName FROM users") {
            handlers[row["displayName"]] = handlers[row["displayName"]] ?? row["id"]
            handlers[row["login"]] = row["id"]
        }
        var outcomes: [ImportOutcome] = []
        for row in rows {
            guard row.problems.isEmpty else { outcomes.append(.rejected(row.problems)); continue }
            let found = try StoreRow.fetchOne(db, sql: "SELECT id, code FROM customers WHERE code = ?", arguments: [row.customerCode])
                ?? StoreRow.fetchOne(db, sql: "SELECT id, code FROM customers WHERE name = ? OR nameKey = ? ORDER BY id LIMIT 1",
                                arguments: [row.customerName, DuplicateKeys.name(row.customerName)])
            guard let found else {
                outcomes.append(.rejected([.noSuchCustomer(value: row.customerCode.isEmpty ? row.customerName : row.customerCode)]))
                continue
            }
            let customerID: Int64 = found["id"], code: String = found["code"]
            guard try isVisible(db, customerID: customerID) else {
                outcomes.append(.rejected([.outsideScope(code: code, owner: try ownerName(db, customerID: customerID))]))
                continue
            }
            /// A person named in the sheet (a handler, a comment's signer, a card's filler); someone
            /// who has left is kept as the author, unable to log in.
            func person(_ name: String, role: Role) throws -> Int64 {
                if let known = handlers[name] { return known }
                var number = (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM users") ?? 0) + 1
                while try Bool.fetchOne(db, sql: "SELECT EXISTS(SELECT 1 FROM users WHERE login = ?)", arguments: ["imported.\(number)"]) == true {
                    number += 1
                }
                var former = User(login: "imported.\(number)", displayName: name, role: role)
                former.active = false
                let id = try RecordWriter.insert(db, table: "users", values: former.columnValues, actor: actor.login, at: actor.clock.now)
                handlers[name] = id
                return id
            }
            switch kind {
            case .contacts:
                guard var contact = row.contact else { continue }
                if try Bool.fetchOne(db, sql: "SELECT EXISTS(SELECT 1 FROM contacts WHERE customerID = ? AND name = ?)",
                                     arguments: [customerID, contact.name]) == true {
                    outcomes.append(.duplicate(of: code, byPhone: false)); continue
                }
                contact.customerID = customerID
                let id = try RecordWriter.insert(db, table: "contacts", values: contact.columnValues, actor: actor.login, at: actor.clock.now)
                try SearchKeys.refreshContact(db, id: id)
            case .cards:
                guard var card = row.card else { continue }
                // The same card (its number, for this customer) again is a duplicate; a number
                // another customer's card holds is given up for a new one.
                if !card.number.isEmpty, let holder = try Int64.fetchOne(db, sql: "SELECT customerID FROM intentCards WHERE number = ?",
                                                                        arguments: [card.number]) {
                    if holder == customerID { outcomes.append(.duplicate(of: code, byPhone: false)); continue }
                    card.number = ""
                }
                if card.number.isEmpty {
                    let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM intentCards WHERE customerID = ?", arguments: [customerID]) ?? 0
                    var serial = count + 1
                    let month = card.createdOn.description.prefix(7).replacingOccurrences(of: "-", with: "")
                    repeat {
                        card.number = "YX\(month)-\(customerID)-\(serial)"
                        serial += 1
                    } while try Bool.fetchOne(db, sql: "SELECT EXISTS(SELECT 1 FROM intentCards WHERE number = ?)", arguments: [card.number]) == true
                }
                card.customerID = customerID
                card.filledByID = try person(row.filledByName, role: .salesperson)
                _ = try RecordWriter.insert(db, table: "intentCards", values: card.columnValues, actor: actor.login, at: actor.clock.now)
                try SearchText.refresh(db, customerID: customerID)       // a card's product finds its customer
            case .activities:
                guard let when = row.occurredAt else { continue }
                if try Bool.fetchOne(db, sql: "SELECT EXISTS(SELECT 1 FROM activities WHERE customerID = ? AND occurredAt = ? AND content = ?)",
                                     arguments: [customerID, when.description, row.content]) == true {
                    outcomes.append(.duplicate(of: code, byPhone: false)); continue
                }
                let handlerID = try person(row.handlerName, role: .salesperson)
                // The sheet's own number when the customer has no visit by it yet, else the next.
                let taken = try row.visitNumber.map { number in
                    try Bool.fetchOne(db, sql: "SELECT EXISTS(SELECT 1 FROM activities WHERE customerID = ? AND visitNumber = ?)",
                                      arguments: [customerID, number]) ?? true
                } ?? true
                let number = taken
                    ? (try Int.fetchOne(db, sql: "SELECT MAX(visitNumber) FROM activities WHERE customerID = ?", arguments: [customerID]) ?? 0) + 1
                    : row.visitNumber!
                var visit = Activity(customerID: customerID, visitNumber: number, method: row.method, occurredAt: when,
                                     handlerID: handlerID, content: row.content)
                if let comment = row.comment {
                    visit.supervisorComment = SupervisorComment(text: comment.text, signerID: try person(comment.signer, role: .supervisor),
                                                                signedAt: comment.at ?? when)
                }
                visit.cardID = row.cardNumber.isEmpty ? nil
                    : try Int64.fetchOne(db, sql: "SELECT id FROM intentCards WHERE customerID = ? AND number = ?", arguments: [customerID, row.cardNumber])
                visit.contactID = row.contactName.isEmpty ? nil
                    : try Int64.fetchOne(db, sql: "SELECT id FROM contacts WHERE customerID = ? AND name = ?", arguments: [customerID, row.contactName])
                visit.levelJudged = row.level
                visit.impression = row.impression
                visit.bottleneckPlan = row.bottleneckPlan
                visit.nextVisitOn = row.nextVisitOn
                _ = try RecordWriter.insert(db, table: "activities", values: visit.columnValues, actor: actor.login, at: actor.clock.now)
            }
            outcomes.append(.created(code: code))
        }
        return outcomes
    }
}
