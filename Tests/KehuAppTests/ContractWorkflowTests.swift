import Foundation
import Testing
import TerminalBasics
import KehuCore
@testable import KehuStore
@testable import KehuApp

/// From the salesperson's order through the Approvals view to the payment booked; a
/// duplicate merged, a customer moved, an image customer proposed — as the keys do them.
struct ContractWorkflowTests {
    typealias Company = GradeApprovalTests.Company

    func recordOrder(_ vm: MainViewModel, amount: String, contract: String) {
        vm.send(.nextView)                        // the customer list
        vm.handle(.char("o"))
        type(vm, "数控机床"); vm.send(.nextField)
        type(vm, amount); vm.send(.nextField)
        vm.send(.nextField)
        type(vm, contract)
        vm.send(.save)
    }

    func approvals(_ company: Company, _ login: String) throws -> MainViewModel {
        let vm = try company.viewModel(login)
        for _ in 0..<200 where vm.view != .approvals { vm.send(.nextView) }
        return vm
    }

    @Test func aContractIsSignedInTurnThenShippedAndPaid() throws {
        let company = try Company()
        let salesperson = try company.viewModel("zhangwei")
        recordOrder(salesperson, amount: "15万", contract: "HT-2026-031")
        #expect(salesperson.form == nil, "\(salesperson.formProblems)")
        let order = try #require(try company.store.orders(customerID: company.customerID).first)
        #expect(order.state == .pending)
        #expect(order.approver == .keyAccountAndSalesVP)
        // Not approved: nothing to ship or book yet.
        salesperson.handle(.char("$"))
        #expect(salesperson.form == nil)
        #expect(salesperson.message?.text == Strings(.zh).noApprovedOrder)

        // The sales manager's turn comes second: nothing for them yet.
        #expect(try approvals(company, "wangjl").approvals.isEmpty)
        let marketing = try approvals(company, "zhoumin")
        #expect(marketing.approvals == [.contract(try #require(try company.store.contract(orderID: order.id)))])
        #expect(marketing.selectedApprovalHeading?.title == "合同审批 · 广州白云电器")
        let lines = marketing.selectedApprovalLines(width: 60).map { $0.map(\.text).joined() }
        #expect(lines.first == "合同额 15万")
        #expect(lines.contains { $0.contains("大客户管理部 … 待签 → 销售副总监") })
        marketing.handle(.char("a"))
        #expect(marketing.approvals.isEmpty)
        #expect(marketing.message?.text == "已签署；下一步：销售副总监")
        let manager = try approvals(company, "wangjl")
        #expect(manager.approvals.count == 1)
        manager.handle(.char("a"))
        #expect(manager.message?.text == "合同已批准，可以发货")
        #expect(try company.store.orders(customerID: company.customerID).first?.state == .approved)

        // The salesperson books the shipment and the first payment; the card shows what is owed.
        let seller = try company.viewModel("zhangwei")
        seller.send(.nextView)
        seller.handle(.char("$"))
        guard case .payment(let form) = seller.form else { Issue.record("no payment form"); return }
        #expect(form.selectedOrder?.id == order.id)
        seller.send(.nextField)
        type(seller, "15万"); seller.send(.nextField)
        type(seller, "100000")
        seller.send(.save)
        #expect(seller.form == nil, "\(seller.formProblems)")
        let booked = try #require(try company.store.orders(customerID: company.customerID).first)
        #expect(booked.shippedYuan == 150_000 && booked.receivedYuan == 100_000)
        let detail = try #require(seller.detail)
        let card = CardPresenter.lines(detail, width: 100, today: fixedNow.date, strings: Strings(.zh)).map { $0.map(\.text).joined() }
        #expect(card.contains { $0.contains("已发货 15万 · 已回款 10万 · 欠款 5万") })
        #expect(card.contains { $0.contains("欠款合计") && $0.contains("5万") })
    }

    @Test func aRejectedContractSaysWhy() throws {
        let company = try Company()
        recordOrder(try company.viewModel("zhangwei"), amount: "8000", contract: "HT-2026-032")
        let manager = try approvals(company, "wangjl")          // the office manager signs small contracts
        manager.handle(.char("r"))
        manager.handle(.ctrl("s"))
        #expect(manager.formProblems == [.required(field: .contractDecision)])
        type(manager, "缺少对账单")
        manager.handle(.ctrl("s"))
        #expect(manager.form == nil)
        #expect(manager.approvals.isEmpty)
        let order = try #require(try company.store.orders(customerID: company.customerID).first)
        #expect(order.state == .rejected)
        #expect(try company.store.contract(orderID: order.id)?.rejection?.note == "缺少对账单")
        #expect(try approvals(company, "zhoumin").approvals.isEmpty)
    }

    @Test func aSupervisorMergesADuplicateAndTheCustomerMoves() throws {
        let company = try Company()
        let actor = Actor(login: "admin", clock: FixedClock(fixedNow))
        var duplicate = Customer(code: "Cb-粤GZ0008", name: "白云电器（广州）", createdAt: fixedNow)
        duplicate.phone = "020-3333 4444"
        duplicate.ownerID = try company.store.user(login: "zhangwei")?.id
        duplicate.region = "华南"
        let dupID = try company.store.add(duplicate, by: actor)
        _ = try company.store.add(Contact(customerID: dupID, name: "陈静"), by: actor)

        // A salesperson may not merge.
        let seller = try company.viewModel("zhangwei")
        seller.send(.nextView)
        seller.handle(.char("M"))
        #expect(seller.form == nil)

        let manager = try company.viewModel("wangjl")
        for _ in 0..<20 where manager.view != .allCustomers { manager.send(.nextView) }
        #expect(manager.detail?.customer.id == company.customerID)
        manager.handle(.char("M"))
        type(manager, "Cb-粤GZ9999")
        manager.handle(.ctrl("s"))
        #expect(manager.formProblems == [.outOfRange(field: .mergeTarget, value: "Cb-粤GZ9999")])
        for _ in 0..<11 { manager.send(.deleteBackward) }
        type(manager, "Cb-粤GZ0008")
        manager.handle(.ctrl("s"))
        #expect(manager.form == nil, "\(manager.formProblems)")
        #expect(manager.message?.text == "白云电器（广州） 已并入 广州白云电器")
        #expect(try company.store.customer(id: dupID) == nil)
        #expect(manager.detail?.contacts.map(\.name) == ["陈静"])
        #expect(manager.detail?.customer.phone == "020-3333 4444")
        #expect(manager.detail?.formerCodes.contains("Cb-粤GZ0008") == true)

        // Moved to 深圳: a new code there, the former kept.
        manager.handle(.char("C"))
        type(manager, "深圳")
        manager.handle(.ctrl("s"))
        #expect(manager.form == nil, "\(manager.formProblems)")
        #expect(manager.detail?.customer.code == "Ca-粤SZ0001")
        #expect(manager.detail?.customer.city == "深圳")
        #expect(try company.store.customerID(code: "Ca-粤GZ0007") == company.customerID)
    }

    @Test func anImageCustomerIsProposedThroughTheGradeReview() throws {
        let company = try Company()
        let salesperson = try company.viewModel("zhangwei")
        salesperson.send(.nextView)
        salesperson.handle(.char("G"))
        guard case .grade = salesperson.form else { Issue.record("no grade form"); return }
        salesperson.send(.previousField)          // the formal / potential / image choice
        salesperson.handle(Key(.right))
        salesperson.handle(Key(.right))
        guard case .grade(let form) = salesperson.form else { Issue.record("no grade form"); return }
        #expect(form.isImage)
        #expect(form.target == .image)
        #expect(form.approvers == [.salesManager, .marketingManager])
        salesperson.send(.save)
        #expect(salesperson.form == nil, "\(salesperson.formProblems)")
        for login in ["wangjl", "zhoumin"] { _ = try approvals(company, login).handle(.char("a")) }
        let customer = try #require(try company.store.customer(id: company.customerID))
        #expect(customer.grade == .image)
        #expect(customer.code == "Ia-粤GZ0007")
    }
}
