import Foundation
import Testing
import TerminalBasics
import KehuCore
@testable import KehuStore
@testable import KehuApp

/// A grade review from the salesperson's score sheet through each approver's decision.
struct GradeApprovalTests {
    struct Company {
        let scratch = Scratch()
        let store: KehuDatabase
        let customerID: Int64

        init() throws {
            store = try KehuDatabase.open(path: scratch.path + "/grades.db")
            let actor = Actor(login: "admin", clock: FixedClock(fixedNow))
            let team = try store.add(Team(name: "华南一组", region: "华南"), by: actor)
            for (login, name, role) in [("zhangwei", "张伟", Role.salesperson), ("wangjl", "王建国", .salesManager),
                                        ("zhoumin", "周敏", .marketingManager), ("chenzong", "陈志远", .generalManager)] {
                try store.add(User(login: login, displayName: name, role: role, teamID: role == .salesperson ? team : nil,
                                   region: role == .generalManager ? "" : "华南"), by: actor)
            }
            var customer = Customer(code: "Ca-粤GZ0007", name: "广州白云电器", createdAt: fixedNow)
            customer.ownerID = try store.user(login: "zhangwei")?.id
            customer.teamID = team
            customer.region = "华南"
            customer.status = .cooperating
            customerID = try store.add(customer, by: actor)
        }

        func viewModel(_ login: String) throws -> MainViewModel {
            let profile = try #require(try store.profile(login: login))
            let vm = MainViewModel(store: store.scoped(to: Viewer(profile.user)), strings: Strings(.zh), keymap: shippedKeymap("default"),
                                   login: login, profile: profile, clock: FixedClock(fixedNow))
            vm.setViewport(Viewport(listRows: 20, cardRows: 8, cardWidth: 40, timelineRows: 10, timelineWidth: 40))
            vm.start()
            return vm
        }
    }

    func propose(_ vm: MainViewModel, scores: [String]) {
        vm.send(.nextView)                        // the customer list
        vm.handle(.char("G"))
        for score in scores { type(vm, score); vm.send(.nextField) }
    }

    @Test func aVIPNeedsThreeApprovalsInOrder() throws {
        let company = try Company()
        let salesperson = try company.viewModel("zhangwei")
        propose(salesperson, scores: ["9", "8", "9", "8", "8", "9"])
        guard case .grade(let form) = salesperson.form else { Issue.record("no grade form"); return }
        #expect(form.total == 86)                 // 85.5 rounds up
        #expect(form.target == .vip)
        #expect(form.approvers == [.salesManager, .marketingManager, .generalManager])
        salesperson.send(.save)
        #expect(salesperson.form == nil, "\(salesperson.formProblems)")
        #expect(try company.store.customer(id: company.customerID)?.grade == .general)   // not yet

        for (login, last) in [("wangjl", false), ("zhoumin", false), ("chenzong", true)] {
            // Only the approver whose turn it is sees it.
            for other in ["wangjl", "zhoumin", "chenzong"] where other != login {
                let vm = try company.viewModel(other)
                for _ in 0..<200 where vm.view != .approvals { vm.send(.nextView) }
                #expect(vm.approvals.isEmpty, "\(other) saw it before \(login)")
            }
            let approver = try company.viewModel(login)
            for _ in 0..<200 where approver.view != .approvals { approver.send(.nextView) }
            #expect(approver.approvals.count == 1)
            approver.handle(.char("a"))
            #expect(approver.approvals.isEmpty)
            let customer = try #require(try company.store.customer(id: company.customerID))
            #expect(customer.grade == (last ? .vip : .general))
            if last { #expect(customer.code == "Aa-粤GZ0007") }
        }
        let history = try company.store.customerHistory(customerID: company.customerID)
        #expect(history.contains { $0.field == "grade" && $0.newValue == "vip" && $0.actor == "chenzong" })
    }

    @Test func aRejectionNeedsAReasonAndEndsTheProposal() throws {
        let company = try Company()
        let salesperson = try company.viewModel("zhangwei")
        propose(salesperson, scores: ["7", "7", "7", "7", "6", "7"])
        salesperson.send(.save)
        let manager = try company.viewModel("wangjl")
        for _ in 0..<200 where manager.view != .approvals { manager.send(.nextView) }
        manager.handle(.char("r"))
        manager.handle(.ctrl("s"))
        #expect(manager.formProblems == [.required(field: .gradeDecision)])
        type(manager, "采购额数据不实")
        manager.handle(.ctrl("s"))
        #expect(manager.form == nil)
        #expect(manager.approvals.isEmpty)
        let marketing = try company.viewModel("zhoumin")
        for _ in 0..<200 where marketing.view != .approvals { marketing.send(.nextView) }
        #expect(marketing.approvals.isEmpty)
        #expect(try company.store.customer(id: company.customerID)?.grade == .general)
    }

    @Test func aGeneralGradeIsFiledWithoutApproval() throws {
        let company = try Company()
        // From general, a low score stays general: filed by the salesperson, no approvers.
        let salesperson = try company.viewModel("zhangwei")
        propose(salesperson, scores: ["3", "3", "3", "3", "3", "3"])
        guard case .grade(let form) = salesperson.form else { Issue.record("no grade form"); return }
        #expect(form.approvers.isEmpty)
        salesperson.send(.save)
        #expect(salesperson.message?.text == "等级已改为 C 一般")
    }

    @Test func badScoresAreNamed() throws {
        let company = try Company()
        let salesperson = try company.viewModel("zhangwei")
        propose(salesperson, scores: ["11"])
        salesperson.send(.save)
        #expect(salesperson.formProblems == [.outOfRange(field: .gradeScore, value: "11")])
    }
}
