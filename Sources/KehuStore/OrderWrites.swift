import GRDB
import KehuCore

/// One order (订单) of a customer, with who must approve its contract.
public struct Order: Hashable, Sendable {
    public let id: Int64
    public let customerID: Int64
    public let date: LocalDate
    public let amountYuan: Int
    public let product: String
    public let contractNumber: String
    public let approver: ContractApprover?
    public let settledOn: LocalDate?
    /// Where the contract's approval stands (orders before the workflow: approved).
    public let state: ContractState
    public let shippedYuan: Int
    public let receivedYuan: Int
    /// Bumped on every write: a payment typed over a colleague's is a conflict.
    public let revision: Int
    /// Who typed the order in (nil for orders from before the workflow).
    public let recordedByID: Int64?

    /// What the customer still owes on an approved order.
    public var outstandingYuan: Int { state == .approved ? OrderProgress.outstanding(amountYuan: amountYuan, receivedYuan: receivedYuan) : 0 }

    init(row: StoreRow) {
        id = row["id"]
        customerID = row["customerID"]
        date = LocalDate(column: row["orderedOn"]) ?? LocalDate(dayNumber: 0)
        amountYuan = row["amountYuan"]
        product = row["product"]
        contractNumber = row["contractNumber"]
        approver = ContractApprover(rawValue: row["approval"])
        settledOn = LocalDate(column: row["settledOn"])
        state = ContractState(rawValue: row["approvalState"] ?? "") ?? .approved
        shippedYuan = row["shippedYuan"] ?? 0
        receivedYuan = row["receivedYuan"] ?? 0
        revision = row["revision"] ?? 1
        recordedByID = row["recordedByID"]
    }
}

extension KehuDatabase {
    /// The company's contract approval thresholds.
    public func contractApprovalRules() throws -> ContractApprovalRules {
        let standard = ContractApprovalRules.standard
        return ContractApprovalRules(
            officeLimitYuan: try setting("contract.officeLimitYuan").flatMap { Int($0) } ?? standard.officeLimitYuan,
            directorAboveYuan: try setting("contract.directorAboveYuan").flatMap { Int($0) } ?? standard.directorAboveYuan)
    }

    /// A repeat order of a customer, outside any intent card: recorded with its approver,
    /// and the customer cooperating with its newest order date (see `insertOrder`).
    /// - Returns: who must approve the contract.
    @discardableResult
    public func recordOrder(customerID: Int64, deal: Deal, by actor: Actor) throws -> ContractApprover {
        let problems = deal.validate(today: actor.clock.today)
        guard problems.isEmpty else { throw StoreError.invalid(problems) }
        let rules = try contractApprovalRules()
        return try write { db in
            try requireVisible(db, customerID: customerID)
            return try insertOrder(db, customerID: customerID, cardID: nil, deal: deal, rules: rules, actor: actor)
        }
    }

    /// Marks an order paid and delivered in full.
    public func settleOrder(id: Int64, on day: LocalDate, by actor: Actor) throws {
        try write { db in
            guard let row = try StoreRow.fetchOne(db, sql: "SELECT * FROM orders WHERE id = ?", arguments: [id]) else {
                throw StoreError.notFound(table: "orders", rowID: id)
            }
            try requireVisible(db, customerID: row["customerID"])
            let ordered = LocalDate(column: row["orderedOn"]) ?? day
            if day < ordered { throw StoreError.invalid([.dateBefore(field: .settledOn, value: day, earliest: ordered)]) }
            if day > actor.clock.today { throw StoreError.invalid([.outOfRange(field: .settledOn, value: day.description)]) }
            let amount: Int = row["amountYuan"]
            try RecordWriter.update(db, table: "orders", id: id,
                                    original: [("settledOn", (row["settledOn"] as String?).databaseValue),
                                               ("shippedYuan", (row["shippedYuan"] as Int).databaseValue),
                                               ("receivedYuan", (row["receivedYuan"] as Int).databaseValue)],
                                    edited: [("settledOn", day.description.databaseValue), ("shippedYuan", amount.databaseValue),
                                             ("receivedYuan", amount.databaseValue)], actor: actor.login, at: actor.clock.now)
        }
    }

    /// Orders of one customer, newest first; none for a customer the viewer may not see.
    public func orders(customerID: Int64) throws -> [Order] {
        try read { db in
            guard try isVisible(db, customerID: customerID) else { return [] }
            return try StoreRow.fetchAll(db, sql: "SELECT * FROM orders WHERE customerID = ? ORDER BY orderedOn DESC, id DESC",
                                    arguments: [customerID]).map(Order.init(row:))
        }
    }

    /// Writes an order and what it means for the customer: cooperating from now on (a
    /// prospect with its first order, a lost customer won back — the code's status letter
    /// follows, the serial stays) and its last order date moved forward.
    func insertOrder(_ db: StoreConnection, customerID: Int64, cardID: Int64?, deal: Deal, rules: ContractApprovalRules,
                     actor: Actor) throws -> ContractApprover {
        let now = actor.clock.now
        let approver = rules.approver(amountYuan: deal.amountYuan)
        // The same contract, day and amount is the same order: a colleague (or a restored
        // draft) recording it again is told it is there, not given a second one. (One
        // contract may still have several orders on other days or for other amounts.)
        let contract = deal.contractNumber.trimmingWhitespace()
        if !contract.isEmpty, let existing = try Int64.fetchOne(db, sql: """
            SELECT id FROM orders WHERE customerID = ? AND contractNumber = ? AND orderedOn = ? AND amountYuan = ?
            """, arguments: [customerID, contract, deal.date.description, deal.amountYuan]) {
            throw StoreError.conflict(table: "orders", rowID: existing,
                                      fields: [FieldConflict(column: "contractNumber", mine: contract, theirs: contract)])
        }
        let recorder = try Int64.fetchOne(db, sql: "SELECT id FROM users WHERE login = ?", arguments: [Actor.workedAs(actor.login)])
        // An order typed in already settled is one from the past, approved on paper; any
        // other waits for its chain of signatures.
        let settled = deal.settledOn != nil
        let state: ContractState = settled ? .approved : .pending
        let paid = settled ? deal.amountYuan : 0
        var order: ColumnValues = [("customerID", customerID.databaseValue), ("cardID", cardID.databaseValue)]
        order.append(("orderedOn", deal.date.description.databaseValue))
        order.append(("amountYuan", deal.amountYuan.databaseValue))
        order.append(("product", deal.product.trimmingWhitespace().databaseValue))
        order.append(("contractNumber", contract.databaseValue))
        order.append(("approval", approver.rawValue.databaseValue))
        order.append(("settledOn", deal.settledOn?.description.databaseValue ?? .null))
        order.append(("approvalState", state.rawValue.databaseValue))
        order.append(("recordedByID", recorder.databaseValue))
        order.append(("recordedAt", now.description.databaseValue))
        order.append(("shippedYuan", paid.databaseValue))
        order.append(("receivedYuan", paid.databaseValue))
        _ = try RecordWriter.insert(db, table: "orders", values: order, actor: actor.login, at: now)
        guard let customerRow = try StoreRow.fetchOne(db, sql: "SELECT * FROM customers WHERE id = ?", arguments: [customerID]) else {
            throw StoreError.notFound(table: "customers", rowID: customerID)
        }
        let customer = Customer(row: customerRow)
        var buying = customer
        buying.status = .cooperating
        buying.code = CustomerStatus.cooperating.recode(customer.code)
        if customer.lastOrderOn.map({ $0 < deal.date }) ?? true { buying.lastOrderOn = deal.date }
        try RecordWriter.update(db, table: "customers", id: customerID, original: customer.columnValues,
                                edited: buying.columnValues, actor: actor.login, at: now, ignoring: ["updatedAt"])
        return approver
    }
}
