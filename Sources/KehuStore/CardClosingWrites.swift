import GRDB
import KehuCore

extension KehuDatabase {
    /// 成交 in one transaction: the card won and closed, and its order recorded (the
    /// customer cooperating, see `insertOrder`). Every change is in the audit history.
    /// - Returns: who must approve the contract.
    @discardableResult
    public func closeWon(cardID: Int64, deal: Deal, by actor: Actor) throws -> ContractApprover {
        let problems = deal.validate(today: actor.clock.today)
        guard problems.isEmpty else { throw StoreError.invalid(problems) }
        let now = actor.clock.now
        let rules = try contractApprovalRules()
        return try write { db in
            let card = try existingCard(db, cardID)
            try StillAsSeen.card(card, isIn: [.open, .defeatPending], becoming: .won)
            var won = card
            won.state = .won
            won.closedOn = deal.date
            won.chosenProduct = deal.product
            won.nextVisitOn = nil
            won.nextVisitTime = nil
            try RecordWriter.update(db, table: "intentCards", id: cardID, original: card.columnValues, edited: won.columnValues,
                                    actor: actor.login, at: now)
            return try insertOrder(db, customerID: card.customerID, cardID: cardID, deal: deal, rules: rules, actor: actor)
        }
    }

    /// 战败申请: the card waits as "defeat pending" for a supervisor, still open for
    /// follow-up until approved.
    public func applyForDefeat(cardID: Int64, application: DefeatApplication, by actor: Actor) throws {
        let problems = application.validate()
        guard problems.isEmpty else { throw StoreError.invalid(problems) }
        try write { db in
            let card = try existingCard(db, cardID)
            try StillAsSeen.card(card, isIn: [.open], becoming: .defeatPending)
            var pending = card
            pending.state = .defeatPending
            pending.closeReason = application.reason.trimmingWhitespace()
            pending.chosenProduct = application.chosenProduct.trimmingWhitespace()
            pending.chosenPriceYuan = application.chosenPriceYuan
            pending.competitor = application.competitor.trimmingWhitespace()
            pending.defeatAppliedOn = actor.clock.today
            try RecordWriter.update(db, table: "intentCards", id: cardID, original: card.columnValues, edited: pending.columnValues,
                                    actor: actor.login, at: actor.clock.now)
        }
    }

    func existingCard(_ db: StoreConnection, _ id: Int64) throws -> IntentCard {
        let card = try cardRow(db, id)
        try requireVisible(db, customerID: card.customerID)
        return card
    }

    /// The card `id` as stored, for a caller that checks its customer's visibility itself.
    func cardRow(_ db: StoreConnection, _ id: Int64) throws -> IntentCard {
        // Cached: every follow-up saved on a card reads it (on PostgreSQL, planned once).
        guard let row = try StoreRow.fetchOne(try db.cachedStatement(sql: "SELECT * FROM intentCards WHERE id = ?"), arguments: [id]) else {
            throw StoreError.notFound(table: "intentCards", rowID: id)
        }
        return IntentCard(row: row)
    }
}
