import Foundation
import Testing
import TerminalBasics
import KehuCore
@testable import KehuStore
@testable import KehuApp

/// Maintenance contacts by grade and role, on a fixed date.
struct MaintenanceTests {
    @Test func eachPersonSeesTheContactsDueFromThem() throws {
        let scratch = Scratch()
        let store = try KehuDatabase.open(path: scratch.path + "/upkeep.db")
        let setup = Actor(login: "admin", clock: FixedClock(fixedNow))
        let team = try store.add(Team(name: "华南一组", region: "华南"), by: setup)
        var ids: [String: Int64] = [:]
        for (login, name, role, region) in [("zhangwei", "张伟", Role.salesperson, "华南"), ("wufang", "吴芳", .assistant, "华南"),
                                            ("wangjl", "王建国", .salesManager, "华南"), ("zhoumin", "周敏", .marketingManager, "华东")] {
            ids[login] = try store.add(User(login: login, displayName: name, role: role,
                                            teamID: role == .salesperson || role == .assistant ? team : nil, region: region), by: setup)
        }
        func customer(_ code: String, grade: CustomerGrade) throws -> Int64 {
            var c = Customer(code: code, name: code, createdAt: LocalDateTime(date: LocalDate(year: 2025, month: 1, day: 1)!, hour: 9, minute: 0)!)
            c.grade = grade; c.status = .cooperating; c.ownerID = ids["zhangwei"]; c.teamID = team; c.region = "华南"
            return try store.add(c, by: setup)
        }
        func contact(_ customerID: Int64, by login: String, _ method: ContactMethod, _ month: Int, _ day: Int) throws {
            try store.add(Activity(customerID: customerID, visitNumber: 1, method: method,
                                   occurredAt: LocalDateTime(date: LocalDate(year: 2026, month: month, day: day)!, hour: 10, minute: 0)!,
                                   handlerID: ids[login]!, content: "维护"), by: setup)
        }
        let vip = try customer("Aa-粤GZ0001", grade: .vip)
        let general = try customer("Ca-粤GZ0002", grade: .general)
        try contact(vip, by: "zhangwei", .onSite, 10, 10)      // owner's monthly visit: due 11-10, late
        try contact(vip, by: "wufang", .phone, 11, 1)          // assistant's monthly call: due 12-01
        try contact(general, by: "zhangwei", .phone, 11, 15)   // owner's monthly call: due 12-15
        func due(_ login: String) throws -> [String] {
            let user = try #require(try store.user(login: login))
            return try store.maintenanceDue(for: user, today: fixedNow.date)
                .map { "\($0.code) \($0.duty.kind.rawValue) \($0.dueDate)" }.sorted()
        }
        #expect(try due("zhangwei") == ["Aa-粤GZ0001 onSite 2026-11-10"])
        #expect(try due("wufang") == ["Aa-粤GZ0001 techSupport 2025-07-01", "Ca-粤GZ0002 phone 2025-02-01"])
        #expect(try due("wangjl") == ["Aa-粤GZ0001 onSite 2025-04-01"])
        #expect(try due("zhoumin").isEmpty)    // another region

        func session(_ login: String) throws -> MainViewModel {
            let profile = try #require(try store.profile(login: login))
            let vm = MainViewModel(store: store.scoped(to: Viewer(profile.user)), strings: Strings(.zh), keymap: shippedKeymap("default"),
                                   login: login, profile: profile, clock: FixedClock(fixedNow))
            vm.setViewport(Viewport(listRows: 20, cardRows: 8, cardWidth: 40, timelineRows: 10, timelineWidth: 40))
            vm.start()
            return vm
        }
        // The assistant (tech support) and the sales manager start their day on what is due from them.
        let assistant = try session("wufang")
        #expect(assistant.view == .today)
        #expect(Set(assistant.todayItems.map(\.kind)) == [.maintenance(.techSupport), .maintenance(.phone)])
        let manager = try session("wangjl")
        #expect(manager.view == .today)
        #expect(manager.todayItems.map(\.customerID) == [vip] && manager.todayItems.first?.kind == .maintenance(.onSite))
        #expect(try session("zhoumin").view == .allCustomers)

        // In 张伟's Today, with the kind of contact required; a visit clears it.
        let vm = try session("zhangwei")
        #expect(vm.todayItems.contains { $0.customerID == vip && $0.kind == .maintenance(.onSite) })
        #expect(Strings(.zh).maintenanceLabel(.onSite) == "维护·上门")
        // The row's duty is a visit: the form opens on 上门, so the text and C-s do it.
        #expect(vm.todayRoom.selected?.kind == .maintenance(.onSite))
        vm.send(.logFollowUp)
        guard case .followUp(let form)? = vm.form else { Issue.record("no follow-up form"); return }
        #expect(form.field(.method)?.selected == ContactMethod.allCases.firstIndex(of: .onSite))
        type(vm, "季度回访，设备运行正常")
        vm.send(.save)
        #expect(vm.form == nil, "\(vm.formProblems)")
        #expect(!vm.todayItems.contains { $0.kind == .maintenance(.onSite) })
        #expect(try due("zhangwei").isEmpty)

        // The half-yearly technical support is the company's: the owner's own 技术支持
        // visit clears it from the assistant's list as well as the assistant's would.
        try contact(vip, by: "zhangwei", .techSupport, 11, 20)
        #expect(try due("wufang") == ["Ca-粤GZ0002 phone 2025-02-01"])
        // Anyone else's call is no technical support.
        try contact(general, by: "wangjl", .phone, 11, 21)
        #expect(try due("wufang") == ["Ca-粤GZ0002 phone 2025-02-01"])
    }

    @Test func aMaintenanceRowPresetsTheMethodItAsksFor() {
        #expect(MaintenanceDuty.Kind.onSite.usualMethod == .onSite)
        #expect(MaintenanceDuty.Kind.techSupport.usualMethod == .techSupport)
        #expect(MaintenanceDuty.Kind.phone.usualMethod == .phone)
        for kind in [MaintenanceDuty.Kind.phone, .onSite, .techSupport] {
            #expect(kind.methods.contains(kind.usualMethod), "a duty's own method must satisfy it: \(kind)")
        }
        #expect(MaintenanceDuty.Holder.techSupport.countsOwnersContacts)
        #expect(!MaintenanceDuty.Holder.assistant.countsOwnersContacts)
    }

    @Test func companiesChangeTheMonths() {
        let plan = MaintenancePlan.duties(for: .vip, months: ["maintenance.vip.salesManager": 2, "maintenance.vip.marketingManager": 0])
        #expect(plan.first { $0.holder == .salesManager }?.everyMonths == 2)
        #expect(!plan.contains { $0.holder == .marketingManager })
        #expect(MaintenancePlan.duties(for: .potentialVIP).isEmpty)
        #expect(MaintenanceDuty.Kind.phone.methods.contains(.onSite))
        #expect(!MaintenanceDuty.Kind.onSite.methods.contains(.phone))
    }
}
