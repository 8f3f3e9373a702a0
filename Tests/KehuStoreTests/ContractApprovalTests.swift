import Foundation
import Testing
import KehuCore
@testable import KehuStore

/// 002 §3.2: contracts signed in turn by amount band, rejected with a reason; shipments,
/// payments and what is still owed.
struct ContractApprovalTests {
    struct World {
        let folder = TemporaryFolder()
        let db: KehuDatabase
        var users: [Role: User] = [:]
        let customerID: Int64

        init() throws {
            db = try folder.store("contracts.db")
            for (login, role) in [("zhangwei", Role.salesperson), ("liuyang", .salesManager), ("wangfang", .marketingManager),
                                  ("chenjing", .generalManager), ("sunli", .salesManager)] {
                var user = User(login: login, displayName: login, role: role)
                user.id = try db.add(user, by: testActor)
                if users[role] == nil { users[role] = user }
            }
            var customer = sampleCustomer("Cb-粤GZ0001", "广州华南机电有限公司")
            customer.status = .potential
            customer.ownerID = users[.salesperson]?.id
            customerID = try db.add(customer, by: testActor)
        }

        func actor(_ role: Role) -> Actor { Actor(login: users[role]!.login, clock: FixedClock(testNow)) }
        func order(_ amount: Int, contract: String = "HT-1", on day: Int = 20) throws -> Int64 {
            var deal = Deal(product: "数控机床", amountYuan: amount, date: LocalDate(year: 2026, month: 11, day: day)!)
            deal.contractNumber = contract
            try db.recordOrder(customerID: customerID, deal: deal, by: actor(.salesperson))
            return try db.orders(customerID: customerID).first { $0.contractNumber == contract }!.id
        }
        func sign(_ id: Int64, as role: Role, _ approve: Bool = true, _ note: String = "") throws {
            try db.decideContract(orderID: id, approve: approve, note: note, approver: users[role]!, by: actor(role))
        }
    }

    @Test func eachBandIsSignedInTurnByItsChain() throws {
        #expect(ContractApprover.officeManager.chain == [.officeManager, .keyAccount])
        #expect(ContractApprover.keyAccountAndSalesVP.chain == [.keyAccount, .salesVP])
        #expect(ContractApprover.salesDirector.chain == [.keyAccount, .salesVP, .salesDirector])
        for approver in ContractApprover.allCases {
            let roles = approver.chain.flatMap { ContractSigners.standard.signers(of: $0) }
            #expect(Set(roles).count == roles.count, "\(approver): one role signs twice")
        }

        let w = try World()
        let id = try w.order(350_000)
        let pending = try #require(try w.db.contract(orderID: id))
        #expect(pending.order.state == .pending)
        #expect(pending.nextStep == .keyAccount)
        #expect(pending.recorderName == "zhangwei")
        // Out of turn: the director cannot sign before the key-account department.
        #expect(throws: StoreError.refused(.roleMayNot)) { try w.sign(id, as: .generalManager) }
        #expect(throws: StoreError.refused(.roleMayNot)) { try w.sign(id, as: .salesperson) }
        #expect(try w.db.pendingContracts(for: w.users[.marketingManager]!).map(\.order.id) == [id])
        #expect(try w.db.pendingContracts(for: w.users[.generalManager]!).isEmpty)
        try w.sign(id, as: .marketingManager)
        #expect(try w.db.pendingContracts(for: w.users[.marketingManager]!).isEmpty)
        #expect(try w.db.pendingContracts(for: w.users[.salesManager]!).map(\.order.id) == [id])
        try w.sign(id, as: .salesManager)
        #expect(try w.db.contract(orderID: id)?.order.state == .pending)
        try w.sign(id, as: .generalManager)
        let approved = try #require(try w.db.contract(orderID: id))
        #expect(approved.order.state == .approved)
        #expect(approved.decisions.map(\.step) == [.keyAccount, .salesVP, .salesDirector])
        #expect(approved.nextStep == nil)
        // Signed twice (another window, a colleague): a conflict, nothing written.
        #expect(throws: StoreError.self) { try w.sign(id, as: .generalManager) }
        #expect(try w.db.history(table: "orders", rowID: id).contains { $0.field == "approvalState" && $0.newValue == "approved" })
        #expect(try w.db.history(table: "contractDecisions", rowID: 3).contains { $0.newValue == "created" })
    }

    @Test func aRejectionNeedsItsReasonAndEndsTheContract() throws {
        let w = try World()
        let kept = try w.order(50_000, contract: "HT-1", on: 10)
        let id = try w.order(80_000, contract: "HT-2", on: 20)
        #expect(try w.db.customer(id: w.customerID)?.lastOrderOn == LocalDate(year: 2026, month: 11, day: 20))
        #expect(throws: StoreError.invalid([.required(field: .contractDecision)])) { try w.sign(id, as: .salesManager, false, "  ") }
        try w.sign(id, as: .salesManager, false, "价格低于结算底价")
        let rejected = try #require(try w.db.contract(orderID: id))
        #expect(rejected.order.state == .rejected)
        #expect(rejected.rejection?.note == "价格低于结算底价")
        #expect(rejected.nextStep == nil)
        #expect(throws: StoreError.self) { try w.sign(id, as: .marketingManager) }
        // A rejected contract is no order: the last order date is the one still standing.
        #expect(try w.db.customer(id: w.customerID)?.lastOrderOn == LocalDate(year: 2026, month: 11, day: 10))
        #expect(throws: StoreError.refused(.contractNotApproved)) {
            try w.db.recordProgress(orderID: id, OrderProgress(shippedYuan: 1, receivedYuan: 0), by: testActor)
        }
        _ = kept
    }

    @Test func whoRecordedAContractDoesNotSignIt() throws {
        let w = try World()
        var deal = Deal(product: "数控机床", amountYuan: 20_000, date: LocalDate(year: 2026, month: 11, day: 20)!)
        deal.contractNumber = "HT-9"
        try w.db.recordOrder(customerID: w.customerID, deal: deal, by: w.actor(.salesManager))
        let id = try #require(try w.db.orders(customerID: w.customerID).first?.id)
        #expect(throws: StoreError.refused(.ownContract)) { try w.sign(id, as: .salesManager) }
        #expect(try w.db.pendingContracts(for: w.users[.salesManager]!).isEmpty)
        // Another sales manager signs it.
        let colleague = try #require(try w.db.user(login: "sunli"))
        #expect(try w.db.pendingContracts(for: colleague).map(\.order.id) == [id])
        try w.db.decideContract(orderID: id, approve: true, note: "", approver: colleague, by: Actor(login: "sunli", clock: FixedClock(testNow)))
        #expect(try w.db.contract(orderID: id)?.nextStep == .keyAccount)
    }

    @Test func theSignersFollowTheCompanySetting() throws {
        let w = try World()
        try w.db.setSetting("contract.signers.keyAccount", to: "generalManager, marketingManager", by: testActor)
        #expect(throws: StoreError.self) { try w.db.setSetting("contract.signers.salesVP", to: "boss", by: testActor) }
        let id = try w.order(150_000)
        #expect(try w.db.pendingContracts(for: w.users[.generalManager]!).map(\.order.id) == [id])
        try w.sign(id, as: .generalManager)
        #expect(try w.db.contract(orderID: id)?.nextStep == .salesVP)
    }

    @Test func shipmentsAndPaymentsLeaveWhatIsOwed() throws {
        let w = try World()
        let id = try w.order(120_000)
        #expect(throws: StoreError.refused(.contractNotApproved)) {
            try w.db.recordProgress(orderID: id, OrderProgress(shippedYuan: 120_000, receivedYuan: 0), by: testActor)
        }
        try w.sign(id, as: .marketingManager)
        try w.sign(id, as: .salesManager)
        #expect(try w.db.detail(customerID: w.customerID)?.outstandingYuan == 120_000)
        #expect(throws: StoreError.invalid([.outOfRange(field: .receivedAmount, value: "130000")])) {
            try w.db.recordProgress(orderID: id, OrderProgress(shippedYuan: 120_000, receivedYuan: 130_000), by: testActor)
        }
        let read = try #require(try w.db.orders(customerID: w.customerID).first)
        try w.db.recordProgress(orderID: id, OrderProgress(shippedYuan: 120_000, receivedYuan: 80_000), seenRevision: read.revision, by: testActor)
        // Typed over a colleague's booking: a conflict.
        #expect(throws: StoreError.self) {
            try w.db.recordProgress(orderID: id, OrderProgress(shippedYuan: 120_000, receivedYuan: 90_000), seenRevision: read.revision, by: testActor)
        }
        let order = try #require(try w.db.orders(customerID: w.customerID).first)
        #expect(order.outstandingYuan == 40_000)
        #expect(order.settledOn == nil)
        #expect(try w.db.detail(customerID: w.customerID)?.outstandingYuan == 40_000)
        let report = try w.db.outstandingPayments()
        #expect(report.map(\.code) == ["Ca-粤GZ0001"])
        #expect(report.first?.outstandingYuan == 40_000)
        // Paid in full: settled today, nothing owed, off the report.
        try w.db.recordProgress(orderID: id, OrderProgress(shippedYuan: 120_000, receivedYuan: 120_000), by: testActor)
        #expect(try w.db.orders(customerID: w.customerID).first?.settledOn == testNow.date)
        #expect(try w.db.outstandingPayments().isEmpty)
        #expect(try w.db.history(table: "orders", rowID: id).contains { $0.field == "receivedYuan" && $0.newValue == "120000" })
        // A salesperson elsewhere sees none of it.
        var stranger = User(login: "zhaolei", displayName: "赵磊", role: .salesperson)
        stranger.id = try w.db.add(stranger, by: testActor)
        #expect(try w.db.scoped(to: Viewer(stranger)).outstandingPayments().isEmpty)
        #expect(try w.db.scoped(to: Viewer(stranger)).contract(orderID: id) == nil)
    }

    @Test func ordersFromBeforeTheWorkflowStayApproved() throws {
        let w = try World()
        var deal = Deal(product: "数控机床", amountYuan: 60_000, date: LocalDate(year: 2026, month: 10, day: 1)!)
        deal.settledOn = LocalDate(year: 2026, month: 10, day: 20)!
        try w.db.recordOrder(customerID: w.customerID, deal: deal, by: testActor)
        let order = try #require(try w.db.orders(customerID: w.customerID).first)
        #expect(order.state == .approved)
        #expect(order.receivedYuan == 60_000)
        #expect(order.outstandingYuan == 0)
    }
}
