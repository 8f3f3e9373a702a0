import GRDB
import KehuCore

/// An order's contract on its way through the chain of signatures (002 §3.2).
public struct ContractProposal: Hashable, Sendable {
    public struct Decision: Hashable, Sendable {
        public let step: ContractStep
        public let approverName: String
        public let approved: Bool
        public let at: LocalDateTime
        public let note: String
    }

    public let order: Order
    public let customerCode: String
    public let customerName: String
    public let ownerName: String
    public let recorderName: String
    public let recordedAt: LocalDateTime?
    public let decisions: [Decision]

    /// The signatures this contract needs, in turn.
    public var chain: [ContractStep] { (order.approver ?? .officeManager).chain }

    /// The step whose signature is awaited, or nil when the contract is decided.
    public var nextStep: ContractStep? {
        guard order.state == .pending else { return nil }
        return chain.first { step in !decisions.contains { $0.step == step && $0.approved } }
    }

    /// Why the contract was rejected, when it was.
    public var rejection: Decision? { decisions.first { !$0.approved } }
}

/// One customer's debt on approved contracts, for the outstanding-payments report.
public struct OutstandingLine: Hashable, Sendable {
    public let code: String
    public let name: String
    public let ownerName: String
    public let orders: Int
    public let amountYuan: Int
    public let receivedYuan: Int
    public let oldestOrderOn: LocalDate
    public var outstandingYuan: Int { max(0, amountYuan - receivedYuan) }
}

extension KehuDatabase {
    /// Which roles sign each step (company settings `contract.signers.*`).
    public func contractSigners() throws -> ContractSigners {
        var roles: [ContractStep: [Role]] = [:]
        for step in ContractStep.allCases {
            guard let text = try setting(step.settingKey) else { continue }
            let parsed = text.split(separator: ",").compactMap { Role(rawValue: String($0)) }
            if !parsed.isEmpty { roles[step] = parsed }
        }
        return ContractSigners(roles: roles)
    }

    /// Every contract in the viewer's part of the archive still awaiting approval, oldest first.
    public func contractsAwaitingApproval() throws -> [ContractProposal] {
        let (condition, arguments) = visible()
        let ids = try read { db in
            try Int64.fetchAll(db, sql: """
                SELECT o.id FROM orders o INDEXED BY orders_pending JOIN customers c ON c.id = o.customerID
                WHERE o.approvalState = 'pending' AND \(condition) ORDER BY o.id
                """, arguments: arguments)
        }
        return try ids.compactMap { try contract(orderID: $0) }
    }

    /// Contracts in the viewer's part of the archive whose next signature is `user`'s
    /// role's to give, oldest first. Contracts `user` recorded are left out: they are
    /// someone else's to sign.
    public func pendingContracts(for user: User) throws -> [ContractProposal] {
        let signers = try contractSigners()
        return try contractsAwaitingApproval().filter { proposal in
            guard let step = proposal.nextStep else { return false }
            return signers.may(user.role, sign: step) && proposal.order.recordedByID != user.id
        }
    }

    /// An order's contract with its signatures; nil when the viewer may not see it.
    public func contract(orderID: Int64) throws -> ContractProposal? {
        try read { db in
            guard let row = try StoreRow.fetchOne(db, sql: """
                SELECT o.*, c.code, c.name AS customerName, coalesce(w.displayName, '') AS ownerName,
                       coalesce(r.displayName, '') AS recorderName
                FROM orders o JOIN customers c ON c.id = o.customerID
                LEFT JOIN users w ON w.id = c.ownerID LEFT JOIN users r ON r.id = o.recordedByID
                WHERE o.id = ?
                """, arguments: [orderID]), try isVisible(db, customerID: row["customerID"]) else { return nil }
            let decisions = try StoreRow.fetchAll(db, sql: """
                SELECT d.*, u.displayName AS approverName FROM contractDecisions d JOIN users u ON u.id = d.approverID
                WHERE d.orderID = ? ORDER BY d.id
                """, arguments: [orderID]).compactMap { row -> ContractProposal.Decision? in
                guard let step = ContractStep(rawValue: row["step"]), let at = LocalDateTime(column: row["decidedAt"]) else { return nil }
                return ContractProposal.Decision(step: step, approverName: row["approverName"], approved: row["approved"], at: at, note: row["note"])
            }
            return ContractProposal(order: Order(row: row), customerCode: row["code"], customerName: row["customerName"],
                                    ownerName: row["ownerName"], recorderName: row["recorderName"],
                                    recordedAt: LocalDateTime(column: row["recordedAt"]), decisions: decisions)
        }
    }

    /// `approver` signs (or rejects, with the reason) the step the contract waits for. The
    /// last signature approves it; a rejection ends it, and the customer's last order date
    /// goes back to its newest order still standing. Audited, and checked again inside the
    /// write: a colleague who signed the same step a moment earlier makes this a conflict.
    public func decideContract(orderID: Int64, approve: Bool, note raw: String, approver: User, by actor: Actor) throws {
        let note = raw.trimmingWhitespace()
        if !approve, note.isEmpty { throw StoreError.invalid([.required(field: .contractDecision)]) }
        let signers = try contractSigners()
        let now = actor.clock.now
        try write { db in
            guard let row = try StoreRow.fetchOne(db, sql: "SELECT * FROM orders WHERE id = ?", arguments: [orderID]) else {
                throw StoreError.notFound(table: "orders", rowID: orderID)
            }
            let order = Order(row: row)
            try requireVisible(db, customerID: order.customerID)
            let signed = try String.fetchAll(db, sql: "SELECT step FROM contractDecisions WHERE orderID = ? AND approved = 1",
                                             arguments: [orderID]).compactMap(ContractStep.init(rawValue:))
            let chain = (order.approver ?? .officeManager).chain
            guard order.state == .pending, let step = chain.first(where: { !signed.contains($0) }) else {
                throw StoreError.conflict(table: "orders", rowID: orderID,
                                          fields: [FieldConflict(column: "approvalState", mine: approve ? "approved" : "rejected",
                                                                 theirs: order.state.rawValue)])
            }
            guard signers.may(approver.role, sign: step) else { throw StoreError.refused(.roleMayNot) }
            if order.recordedByID != nil, order.recordedByID == approver.id { throw StoreError.refused(.ownContract) }
            let decision: ColumnValues = [("orderID", orderID.databaseValue), ("step", step.rawValue.databaseValue),
                                          ("role", approver.role.rawValue.databaseValue), ("approverID", approver.id.databaseValue),
                                          ("approved", approve.databaseValue), ("decidedAt", now.description.databaseValue),
                                          ("note", note.databaseValue)]
            _ = try RecordWriter.insert(db, table: "contractDecisions", values: decision, actor: actor.login, at: now)
            let finished: ContractState? = !approve ? .rejected : step == chain.last ? .approved : nil
            guard let finished else { return }
            try RecordWriter.update(db, table: "orders", id: orderID, original: [("approvalState", order.state.rawValue.databaseValue)],
                                    edited: [("approvalState", finished.rawValue.databaseValue)], actor: actor.login, at: now)
            if finished == .rejected { try restoreLastOrder(db, customerID: order.customerID, actor: actor) }
        }
    }

    /// A rejected contract is no order: the customer's last order date is its newest
    /// order still standing.
    private func restoreLastOrder(_ db: StoreConnection, customerID: Int64, actor: Actor) throws {
        guard let row = try StoreRow.fetchOne(db, sql: "SELECT * FROM customers WHERE id = ?", arguments: [customerID]) else { return }
        let customer = Customer(row: row)
        let newest = try String.fetchOne(db, sql: "SELECT MAX(orderedOn) FROM orders WHERE customerID = ? AND approvalState <> 'rejected'",
                                         arguments: [customerID]).flatMap(LocalDate.init(column:))
        guard newest != customer.lastOrderOn else { return }
        var restored = customer
        restored.lastOrderOn = newest
        try RecordWriter.update(db, table: "customers", id: customerID, original: customer.columnValues, edited: restored.columnValues,
                                actor: actor.login, at: actor.clock.now, ignoring: ["updatedAt"])
    }

    /// Books what has been shipped and received so far on an approved order (running
    /// totals, not increments, so typing the same figure twice changes nothing). Shipped
    /// and paid in full settles the order that day; less unsettles it. `seenRevision` is
    /// the order as the user read it: a colleague's booking in between is a conflict.
    public func recordProgress(orderID: Int64, _ progress: OrderProgress, seenRevision: Int? = nil, by actor: Actor) throws {
        try write { db in
            guard let row = try StoreRow.fetchOne(db, sql: "SELECT * FROM orders WHERE id = ?", arguments: [orderID]) else {
                throw StoreError.notFound(table: "orders", rowID: orderID)
            }
            let order = Order(row: row)
            try requireVisible(db, customerID: order.customerID)
            guard order.state == .approved else { throw StoreError.refused(.contractNotApproved) }
            let problems = progress.validate(amountYuan: order.amountYuan)
            guard problems.isEmpty else { throw StoreError.invalid(problems) }
            if let seenRevision, seenRevision != order.revision {
                throw StoreError.conflict(table: "orders", rowID: orderID,
                                          fields: [FieldConflict(column: "receivedYuan", mine: String(progress.receivedYuan),
                                                                 theirs: String(order.receivedYuan))])
            }
            let settled: LocalDate? = progress.isSettled(amountYuan: order.amountYuan) ? (order.settledOn ?? actor.clock.today) : nil
            try RecordWriter.update(db, table: "orders", id: orderID,
                                    original: [("shippedYuan", order.shippedYuan.databaseValue), ("receivedYuan", order.receivedYuan.databaseValue),
                                               ("settledOn", order.settledOn?.description.databaseValue ?? .null)],
                                    edited: [("shippedYuan", progress.shippedYuan.databaseValue), ("receivedYuan", progress.receivedYuan.databaseValue),
                                             ("settledOn", settled?.description.databaseValue ?? .null)],
                                    actor: actor.login, at: actor.clock.now)
        }
    }

    /// What one customer still owes on its approved contracts.
    public func outstandingYuan(customerID: Int64) throws -> Int {
        try read { db in
            guard try isVisible(db, customerID: customerID) else { return 0 }
            return try Int.fetchOne(db, sql: """
                SELECT coalesce(SUM(amountYuan - receivedYuan), 0) FROM orders INDEXED BY orders_outstanding
                WHERE customerID = ? AND approvalState = 'approved' AND receivedYuan < amountYuan
                """, arguments: [customerID]) ?? 0
        }
    }

    /// Every visible customer that owes money on approved contracts, largest debt first.
    public func outstandingPayments() throws -> [OutstandingLine] {
        let (condition, arguments) = visible()
        return try read { db in
            try StoreRow.fetchAll(db, sql: """
                SELECT c.code, c.name, coalesce(u.displayName, '') AS ownerName, COUNT(*) AS orders,
                       SUM(o.amountYuan) AS amount, SUM(o.receivedYuan) AS received, MIN(o.orderedOn) AS oldest
                FROM orders o INDEXED BY orders_outstanding JOIN customers c ON c.id = o.customerID LEFT JOIN users u ON u.id = c.ownerID
                WHERE o.approvalState = 'approved' AND o.receivedYuan < o.amountYuan AND \(condition)
                GROUP BY c.id, u.displayName ORDER BY SUM(o.amountYuan - o.receivedYuan) DESC, c.code
                """, arguments: arguments).map {
                OutstandingLine(code: $0["code"], name: $0["name"], ownerName: $0["ownerName"], orders: $0["orders"],
                                amountYuan: $0["amount"], receivedYuan: $0["received"],
                                oldestOrderOn: LocalDate(column: $0["oldest"]) ?? LocalDate(dayNumber: 0))
            }
        }
    }
}
