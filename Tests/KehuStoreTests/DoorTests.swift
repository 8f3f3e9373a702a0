import Foundation
import Synchronization
import GRDB
import Testing
import KehuCore
@testable import KehuStore

/// The store's door against one fixed archive: three teams in two regions, every role,
/// and for the 华北 team a full set of records (contacts, cards, visits with comments,
/// orders, a grade proposal, a churn event, a draft) whose every text says 北方. Each role
/// sees known counts; a 华东 salesperson walking every public entry point gets no row of
/// the 华北 team back, and can change none of it.
struct DoorTests {
    final class Archive {
        let folder = TemporaryFolder()
        let db: KehuDatabase
        var users: [String: User] = [:]
        var teams: [String: Int64] = [:]
        var customers: [String: Int64] = [:]
        var north = Ids()
        /// Every row of the 华北 team, for walking the door with.
        struct Ids {
            var customer: Int64 = 0, poolCustomer: Int64 = 0, contact: Int64 = 0, card: Int64 = 0, activity: Int64 = 0
            var order: Int64 = 0, proposal: Int64 = 0, churnEvent: Int64 = 0, draft: Int64 = 0
        }

        init() throws {
            db = try folder.store("door.db")
            for (name, region) in [("华东一组", "华东"), ("华东二组", "华东"), ("华北一组", "华北")] {
                teams[name] = try db.add(Team(name: name, region: region), by: testActor)
            }
            for (login, name, role, team, region) in [
                ("zw", "张伟", Role.salesperson, "华东一组", "华东"), ("wf", "王芳", .salesperson, "华东二组", "华东"),
                ("ly", "刘洋", .salesperson, "华北一组", "华北"), ("lizg", "李主管", .supervisor, "华东一组", "华东"),
                ("zhl", "赵助理", .assistant, "华东一组", "华东"), ("jl", "钱经理", .salesManager, "", "华东"),
                ("sc", "孙市场", .marketingManager, "", "华东"), ("bmgr", "北方经理", .salesManager, "", "华北"),
                ("zjl", "周总", .generalManager, "", ""), ("admin", "管理员", .admin, "", ""),
            ] as [(String, String, Role, String, String)] {
                var user = User(login: login, displayName: name, role: role, teamID: teams[team], region: region)
                user.id = try db.add(user, by: testActor)
                users[login] = user
            }
            func customer(_ code: String, _ name: String, owner: String?, team: String, region: String, city: String) throws {
                var c = Customer(code: code, name: name, createdAt: testNow)
                c.city = city; c.province = city; c.region = region
                c.phone = region == "华北" ? "010-6666 \(String(format: "%04d", customers.count))" : "021-5555 \(String(format: "%04d", customers.count))"
                c.ownerID = owner.flatMap { users[$0]?.id }
                c.teamID = teams[team]
                c.status = owner == nil ? .potential : .cooperating
                c.lastOrderOn = owner == nil ? nil : testNow.date.adding(days: -200)
                customers[code] = try db.add(c, by: testActor)
            }
            try customer("Ca-沪SH0001", "上海东一机械", owner: "zw", team: "华东一组", region: "华东", city: "上海")
            try customer("Ca-沪SH0002", "上海东二机械", owner: "zw", team: "华东一组", region: "华东", city: "上海")
            try customer("Ca-沪SH0003", "上海东三机械", owner: "zw", team: "华东一组", region: "华东", city: "上海")
            try customer("Cb-沪SH0004", "上海公海机械", owner: nil, team: "华东一组", region: "华东", city: "上海")
            try customer("Ca-苏NJ0001", "南京东五机械", owner: "wf", team: "华东二组", region: "华东", city: "南京")
            try customer("Ca-苏NJ0002", "南京东六机械", owner: "wf", team: "华东二组", region: "华东", city: "南京")
            try customer("Ca-京BJ0001", "北方京一机械", owner: "ly", team: "华北一组", region: "华北", city: "北京")
            try customer("Ca-京BJ0002", "北方京二机械", owner: "ly", team: "华北一组", region: "华北", city: "北京")
            try customer("Cb-京BJ0003", "北方公海机械", owner: nil, team: "华北一组", region: "华北", city: "北京")
            // 张伟 helps 王芳 with one of hers.
            try db.write { try $0.execute(sql: "INSERT INTO customerMembers(customerID, userID) VALUES (?, ?)",
                                          arguments: [customers["Ca-苏NJ0001"], users["zw"]!.id]) }

            // The same records on both sides: 张伟's customer and 刘洋's.
            func records(_ code: String, handler: String, signer: String, text: String) throws -> Ids {
                var ids = Ids()
                let customerID = customers[code]!
                ids.customer = customerID
                var contact = Contact(customerID: customerID, name: text + "联系人")
                contact.mobile = handler == "ly" ? "13900000009" : "13800000008"
                ids.contact = try db.add(contact, by: testActor)
                var card = IntentCard(customerID: customerID, number: "YX-" + code, createdOn: testNow.date.adding(days: -20), source: .callIn,
                                      filledByID: users[handler]!.id!, personName: text + "客户", level: .b)
                card.product = text + "机床"; card.nextVisitOn = testNow.date
                ids.card = try db.add(card, by: testActor)
                var visit = Activity(customerID: customerID, cardID: ids.card, visitNumber: 1, method: .phone,
                                     occurredAt: LocalDateTime(date: testNow.date, hour: 8, minute: 30)!, handlerID: users[handler]!.id!,
                                     content: text + "洽谈")
                visit.levelJudged = .b; visit.nextVisitOn = testNow.date.adding(days: 7)
                visit.supervisorComment = SupervisorComment(text: text + "批注", signerID: users[signer]!.id!, signedAt: testNow)
                ids.activity = try db.add(visit, by: testActor)
                _ = try db.recordOrder(customerID: customerID, deal: Deal(product: text + "订单", amountYuan: 120_000, date: testNow.date.adding(days: -3)),
                                       by: testActor)
                ids.order = try db.orders(customerID: customerID).first!.id
                ids.proposal = try db.proposeGrade(customerID: customerID, scores: ScoreSheet.standard.criteria.map { ($0.name, 10) },
                                                   potential: false, proposerID: users[handler]!.id!, sheet: .standard, by: testActor).id
                ids.draft = try db.saveDraft(login: handler, kind: "followUp", customerID: customerID, payload: "{\"text\":\"\(text)草稿\"}", at: testNow)
                return ids
            }
            _ = try records("Ca-沪SH0001", handler: "zw", signer: "lizg", text: "华东")
            north = try records("Ca-京BJ0001", handler: "ly", signer: "bmgr", text: "北方")
            north.poolCustomer = customers["Cb-京BJ0003"]!
            try db.write { db in
                north.churnEvent = try db.insert(sql: "INSERT INTO churnEvents(customerID, ownerID, grade, lostOn) VALUES (?, ?, 'C', ?)",
                                                 arguments: [customers["Ca-京BJ0002"], users["ly"]!.id, testNow.date.adding(days: -2).description])
            }
        }

        func door(_ login: String) throws -> KehuDatabase { try db.door(for: login) }

        /// Everything stored, as text: unchanged after refused writes.
        func fingerprint() throws -> String {
            try db.read { db in
                try String.fetchAll(db, sql: db.sql(sqlite: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
                                                    postgres: "SELECT tablename FROM pg_tables WHERE schemaname = 'kehu' ORDER BY tablename"))
                    .map { table in "\(table): " + (try StoreRow.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY 1").map(\.description).joined(separator: "\n")) }
                    .joined(separator: "\n")
            }
        }
    }

    @Test func everyRoleSeesItsKnownPart() throws {
        let archive = try Archive()
        // login: customers, users, teams it may know of
        let expected: [String: (customers: Int, users: Int, teams: Int)] = [
            "zw": (5, 3, 1), "wf": (2, 1, 1), "ly": (3, 1, 1), "lizg": (4, 3, 1), "zhl": (4, 3, 1),
            "jl": (6, 6, 2), "sc": (6, 6, 2), "bmgr": (3, 2, 1), "zjl": (9, 10, 3), "admin": (9, 10, 3),
        ]
        for (login, counts) in expected {
            let door = try archive.door(login)
            #expect(try door.customerCount() == counts.customers, "\(login)")
            #expect(try door.archiveCounts()[.all] == counts.customers, "\(login)")
            #expect(try door.customerPage(offset: 0, limit: 50).count == counts.customers, "\(login)")
            #expect(try door.searchCustomers("机械").count == counts.customers, "\(login)")
            #expect(try door.users().count == counts.users, "\(login)")
            #expect(try door.teams().count == counts.teams, "\(login)")
            #expect(try door.profile().user.login == login)
            // The door read the person and their team once; a start shows that.
            #expect(try door.profileAtOpening == door.profile(), "\(login)")
        }
        // Every role that may export gets exactly its customers, contacts and visits.
        try archive.db.setSetting("export.roles", to: Role.allCases.map(\.rawValue).joined(separator: ","), by: testActor)
        for (login, customers, contacts, visits) in [("zw", 5, 1, 1), ("ly", 3, 1, 1), ("lizg", 4, 1, 1), ("jl", 6, 1, 1), ("bmgr", 3, 1, 1),
                                                     ("admin", 9, 2, 2)] {
            let door = try archive.door(login)
            #expect(try door.exportTable(.customers).rows.count == customers, "\(login)")
            #expect(try door.exportTable(.contacts).rows.count == contacts, "\(login)")
            #expect(try door.exportTable(.activities).rows.count == visits, "\(login)")
        }
        // A marketing manager without a region sees the whole archive, like the general manager.
        var everywhere = archive.users["sc"]!
        everywhere.region = ""
        try archive.db.update(user: archive.users["sc"]!, to: everywhere, by: testActor)
        #expect(try archive.door("sc").customerCount() == 9)
        // Someone set inactive, or not a user at all, does not get in.
        var gone = archive.users["wf"]!
        gone.active = false
        try archive.db.update(user: archive.users["wf"]!, to: gone, by: testActor)
        #expect(throws: StoreError.unknownUser(login: "wf", path: archive.db.path)) { try archive.door("wf") }
        #expect(throws: StoreError.unknownUser(login: "root", path: archive.db.path)) { try archive.door("root") }
    }

    /// Text that marks the 华北 team's rows.
    static let northMarks = ["北方", "京BJ", "刘洋", "华北", "北京", "13900000009", "010-6666"]

    func expectNothingNorth(_ value: Any, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let text = String(reflecting: value)
        for mark in Self.northMarks where text.contains(mark) {
            Issue.record("\(what) let \(mark) through: \(text.prefix(400))", sourceLocation: sourceLocation)
        }
    }

    @Test func aSalespersonWalkingEveryEntryPointGetsNoRowOfAnotherTeam() throws {
        let archive = try Archive()
        try archive.db.setSetting("export.roles", to: "admin,salesperson", by: testActor)
        let me = try archive.door("zw")
        let n = archive.north
        let ly = archive.users["ly"]!
        let northTeam = archive.teams["华北一组"]!
        let today = testNow.date
        let from = today.adding(days: -365)

        // Reads.
        expectNothingNorth(try me.profile(), "profile")
        expectNothingNorth(try me.users(), "users")
        expectNothingNorth(try me.teams(), "teams")
        expectNothingNorth(try me.user(login: "ly") as Any, "user(login:)")
        expectNothingNorth(try me.team(named: "华北一组") as Any, "team(named:)")
        expectNothingNorth(try me.customer(id: n.customer) as Any, "customer")
        expectNothingNorth(try me.detail(customerID: n.customer) as Any, "detail")
        expectNothingNorth(try me.customerID(code: "Ca-京BJ0001") as Any, "customerID(code:)")
        #expect(try me.customerID(code: "Ca-京BJ0001") == nil)
        #expect(try !me.contains(customerID: n.customer, in: .all))
        expectNothingNorth(try me.customerPage(offset: 0, limit: 100), "customerPage")
        for view in ArchiveView.allCases { expectNothingNorth(try me.customerPage(offset: 0, limit: 100, in: view), "customerPage(\(view))") }
        expectNothingNorth(try me.customerHistory(customerID: n.customer), "customerHistory")
        for (table, row) in [("customers", n.customer), ("contacts", n.contact), ("intentCards", n.card), ("activities", n.activity),
                             ("orders", n.order)] {
            expectNothingNorth(try me.history(table: table, rowID: row), "history(\(table))")
        }
        expectNothingNorth(try me.timeline(customerID: n.customer, offset: 0, limit: 50), "timeline")
        #expect(try me.timelineCount(customerID: n.customer) == 0)
        #expect(try me.timelineCountTotal() == 1)
        expectNothingNorth(try me.openCard(customerID: n.customer) as Any, "openCard")
        expectNothingNorth(try me.orders(customerID: n.customer), "orders")
        #expect(throws: StoreError.self) { try me.nextVisitNumber(customerID: n.customer) }
        for query in ["北方", "京", "京BJ0001", "010", "6666", "13900000009", "beifang", "bf", "刘洋"] {
            expectNothingNorth(try me.searchCustomers(query), "search \(query)")
        }
        let twins = try me.duplicates(phone: "010-6666 0006", name: "北方京一机械")
        #expect(!twins.isEmpty && twins.allSatisfy { $0.name.isEmpty && $0.ownerName == "刘洋" })
        expectNothingNorth(try me.todayAgenda(ownerID: ly.id!, today: today, maintenanceFor: ly), "todayAgenda(刘洋)")
        expectNothingNorth(try me.maintenanceDue(for: ly, today: today), "maintenanceDue(刘洋)")
        expectNothingNorth(try me.poolDrops(on: today.adding(days: 40)), "poolDrops")
        expectNothingNorth(try me.poolDrops(on: today.adding(days: 40), ownerID: ly.id), "poolDrops(刘洋)")
        expectNothingNorth(try me.poolWarnings(ownerID: ly.id!, today: today.adding(days: 40)), "poolWarnings(刘洋)")
        expectNothingNorth(try me.churnWarnings(ownerID: ly.id!, today: today), "churnWarnings(刘洋)")
        expectNothingNorth(try me.churnReasonsDue(ownerID: ly.id!), "churnReasonsDue(刘洋)")
        expectNothingNorth(try me.usualCity(ownerID: ly.id!) as Any, "usualCity(刘洋)")
        expectNothingNorth(try me.eveningQueue(teamID: northTeam, today: today), "eveningQueue(华北一组)")
        expectNothingNorth(try me.spotCheck(today: today, size: .percent(100)), "spotCheck")
        for role in Role.allCases { expectNothingNorth(try me.pendingGradeProposals(for: role), "pendingGradeProposals(\(role))") }
        expectNothingNorth(try me.gradeProposal(id: n.proposal) as Any, "gradeProposal")
        #expect(try me.customersWithOpenCards(limit: 100, teamID: northTeam).isEmpty)
        #expect(!(try me.customersWithOpenCards(limit: 100)).contains(n.customer))
        expectNothingNorth(try me.drafts(), "drafts")
        expectNothingNorth(try me.churnReport(from: from, to: today, today: today), "churnReport")
        expectNothingNorth(try me.funnel(), "funnel")
        expectNothingNorth(try me.funnel(teamID: northTeam), "funnel(华北一组)")
        expectNothingNorth(try me.kpi(from: from, to: today, today: today), "kpi")
        expectNothingNorth(try me.kpi(from: from, to: today, today: today, teamID: northTeam), "kpi(华北一组)")
        expectNothingNorth(try me.pareto(from: from, to: today), "pareto")
        expectNothingNorth(try me.defeats(from: from, to: today), "defeats")
        expectNothingNorth(try me.sources(from: from, to: today), "sources")
        expectNothingNorth(try me.vipProgress(from: from, to: today), "vipProgress")
        for kind in [ExportKind.customers, .contacts, .activities] { expectNothingNorth(try me.exportTable(kind), "export \(kind)") }
        #expect(try me.exportTable(.customers).rows.count == 5)
        #expect(throws: StoreError.refused(.roleMayNot)) { try me.narrowed(toTeam: northTeam) }
        #expect(throws: StoreError.refused(.roleMayNot)) { try me.viewing(as: "ly") }
        expectNothingNorth(try me.settings(), "settings")

        // Writes on the 华北 team's rows are refused and change nothing at all.
        let before = try archive.fingerprint()
        let actor = Actor(login: "zw", clock: FixedClock(testNow))
        let zw = archive.users["zw"]!
        let stored = try #require(try archive.db.customer(id: n.customer))
        var edited = stored
        edited.notes = "张伟改的"
        let storedContact = try #require(try archive.db.detail(customerID: n.customer)?.contacts.first)
        var editedContact = storedContact
        editedContact.position = "张伟改的"
        var followUp = FollowUp(customerID: n.customer, cardID: n.card)
        followUp.content = "张伟写的"; followUp.levelJudged = .a; followUp.nextVisitOn = today.adding(days: 3)
        let attempts: [(String, () throws -> Void)] = [
            ("update customer", { _ = try me.update(customer: stored, to: edited, by: actor) }),
            ("update contact", { _ = try me.update(contact: storedContact, to: editedContact, by: actor) }),
            ("add contact", { _ = try me.add(Contact(customerID: n.customer, name: "张伟加的"), by: actor) }),
            ("add activity", { _ = try me.add(Activity(customerID: n.customer, visitNumber: 9, method: .phone, occurredAt: testNow,
                                                        handlerID: zw.id!, content: "张伟加的"), by: actor) }),
            ("add card", { _ = try me.add(IntentCard(customerID: n.customer, number: "YX-X", createdOn: today, source: .callIn,
                                                      filledByID: zw.id!, personName: "张伟加的", level: .c), by: actor) }),
            ("log", { _ = try me.log(followUp, handlerID: zw.id!, by: actor) }),
            ("apply for defeat", { try me.applyForDefeat(cardID: n.card, application: DefeatApplication(reason: "张伟"), by: actor) }),
            ("decide defeat", { try me.decideDefeat(cardID: n.card, approve: true, note: "张伟", by: actor) }),
            ("close won", { _ = try me.closeWon(cardID: n.card, deal: Deal(product: "张伟", amountYuan: 1, date: today), by: actor) }),
            ("record order", { _ = try me.recordOrder(customerID: n.customer, deal: Deal(product: "张伟", amountYuan: 1, date: today), by: actor) }),
            ("settle order", { try me.settleOrder(id: n.order, on: today, by: actor) }),
            ("assign", { try me.assign(customerID: n.customer, to: zw.id, by: actor) }),
            ("claim", { try me.claim(customerID: n.poolCustomer, by: zw, actor: actor) }),
            ("sign comment", { try me.signComment(activityID: n.activity, text: "张伟", signerID: zw.id!, by: actor) }),
            ("sign review", { try me.signReview(activityID: n.activity, text: "张伟", reviewerID: zw.id!, by: actor) }),
            ("needs guidance", { try me.setNeedsGuidance(activityID: n.activity, true, by: actor) }),
            ("comments seen", { if try me.markCommentsSeen(customerID: n.customer, handlerID: ly.id!) { throw StoreError.refused(.roleMayNot) } }),
            ("propose grade", { _ = try me.proposeGrade(customerID: n.customer, scores: [], potential: false, proposerID: zw.id!,
                                                        sheet: .standard, by: actor) }),
            ("decide grade", { try me.decideGrade(proposalID: n.proposal, approve: true, note: "张伟", approver: zw, by: actor) }),
            ("churn reason", { try me.recordChurnReason(eventID: n.churnEvent, reason: "张伟", by: actor) }),
            ("add user", { _ = try me.add(User(login: "x", displayName: "x", role: .admin), by: actor) }),
            ("update user", { var boss = zw; boss.role = .admin; try me.update(user: zw, to: boss, by: actor) }),
            ("add team", { _ = try me.add(Team(name: "张伟组", region: "华东"), by: actor) }),
            ("set setting", { try me.setSetting("export.roles", to: "salesperson", by: actor) }),
            ("purge", { _ = try me.purge(today: today, by: actor) }),
            ("backup", { _ = try me.backupImage() }),
            ("check", { _ = try me.check() }),
            ("import customers", { _ = try me.importCustomers([], ownerID: nil, teamID: nil, dryRun: true, skipBad: false, by: actor) }),
            ("import history", { _ = try me.importHistory([], kind: .activities, dryRun: true, skipBad: false, by: actor) }),
        ]
        for (what, attempt) in attempts {
            #expect(throws: StoreError.self, "\(what)") { try attempt() }
        }
        try me.deleteDraft(id: n.draft)             // someone else's draft: left alone
        #expect(try archive.db.drafts(login: "ly").map(\.id) == [n.draft])
        #expect(try archive.fingerprint() == before)
    }

    @Test func anImportCannotReachACustomerOutOfSight() throws {
        let archive = try Archive()
        let supervisor = try archive.door("lizg")
        let actor = Actor(login: "lizg", clock: FixedClock(testNow))
        let headers = ["单位名称", "客户编码", "备注"]
        let rows = [CustomerImportRow(line: 2, fields: ["北方京一机械", "Ca-京BJ0001", "李主管改的"], headers: headers, mapping: .standard, now: testNow),
                    CustomerImportRow(line: 3, fields: ["上海东二机械", "Ca-沪SH0002", "李主管改的"], headers: headers, mapping: .standard, now: testNow)]
        let before = try archive.fingerprint()
        let outcomes = try supervisor.importCustomers(rows, ownerID: nil, teamID: archive.teams["华东一组"], dryRun: true, skipBad: false, by: actor)
        #expect(outcomes[0] == .rejected([.outsideScope(code: "Ca-京BJ0001", owner: "刘洋 · 华北一组")]))
        #expect(outcomes[1] == .updated(code: "Ca-沪SH0002", fields: ["notes"]))
        _ = try supervisor.importCustomers(rows, ownerID: nil, teamID: archive.teams["华东一组"], dryRun: false, skipBad: false, by: actor)
        #expect(try archive.fingerprint() == before)    // all or nothing: the rejected row stopped it
        _ = try supervisor.importCustomers(rows, ownerID: nil, teamID: archive.teams["华东一组"], dryRun: false, skipBad: true, by: actor)
        #expect(try archive.db.customer(id: archive.north.customer)?.notes == "")
        #expect(try archive.db.customer(id: archive.customers["Ca-沪SH0002"]!)?.notes == "李主管改的")
        // Naming an owner outside what one may see is refused too.
        #expect(throws: StoreError.self) {
            try supervisor.importCustomers([], ownerID: archive.users["ly"]!.id, teamID: nil, dryRun: true, skipBad: false, by: actor)
        }
        // Visits onto the 华北 customer: rejected the same way.
        let visit = HistoryImportRow(kind: .activities, line: 2, fields: ["Ca-京BJ0001", "2026-11-20", "电话", "李主管", "打探"],
                                     headers: ["客户编码", "日期", "方式", "经办人", "洽谈内容"])
        let history = try supervisor.importHistory([visit], kind: .activities, dryRun: true, skipBad: false, by: actor)
        #expect(history == [.rejected([.outsideScope(code: "Ca-京BJ0001", owner: "刘洋 · 华北一组")])])
    }
}

/// Two people registering the same walk-in at the same moment make one customer.
struct RegistrationRaceTests {
    @Test func tenConcurrentRegistrationsOfOnePhoneMakeOneCustomer() throws {
        let folder = TemporaryFolder()
        let setup = try folder.store("race.db")
        let team = try setup.add(Team(name: "华南一组", region: "华南"), by: testActor)
        var ids: [Int64] = []
        for n in 0..<10 {
            ids.append(try setup.add(User(login: "sales\(n)", displayName: "销售\(n)", role: .salesperson, teamID: team, region: "华南"), by: testActor))
        }
        try setup.close()
        var walkIn = Lead()
        walkIn.name = "王先生"
        walkIn.phone = "139 1234 5678"
        walkIn.city = "广州"
        let lead = walkIn
        let owners = ids
        let outcomes = Mutex<[Registration]>([])
        let failures = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 10) { n in
            do {
                // Each its own process's worth: a separate store, connections of its own.
                let store = try folder.store("race.db").door(for: "sales\(n)")
                let outcome = try store.registerUnlessDuplicate(lead, ownerID: owners[n], teamID: team, cadence: .standard,
                                                                by: Actor(login: "sales\(n)", clock: FixedClock(testNow)))
                outcomes.withLock { $0.append(outcome) }
                try store.close()
            } catch {
                failures.withLock { $0.append("\(error)") }
            }
        }
        #expect(failures.withLock { $0 }.isEmpty)
        let all = outcomes.withLock { $0 }
        #expect(all.filter { if case .created = $0 { return true }; return false }.count == 1)
        #expect(all.filter { if case .duplicates(let m) = $0 { return m.first?.reason == .phone }; return false }.count == 9)
        let check = try folder.store("race.db")
        #expect(try check.customerCount() == 1)
    }
}

/// What colleagues changed for me, read from the audit history for the live refresh.
struct ChangesForMeTests {
    @Test func commentsCustomersAndDefeatsOfMineAreNewsAndMyOwnChangesAreNot() throws {
        let archive = try DoorTests.Archive()
        let zw = try archive.door("zw")
        let since = try zw.latestChange()
        // Both at the keyboard of an administrator's --as: named by whom they worked as.
        let boss = Actor(login: "root", actingAs: "lizg", clock: FixedClock(testNow))
        let me = Actor(login: "root", actingAs: "zw", clock: FixedClock(testNow))
        #expect(boss.login == "root (as lizg)" && Actor.workedAs(boss.login) == "lizg" && Actor.workedAs("lizg") == "lizg")
        let mine = try #require(try zw.customerPage(offset: 0, limit: 10).first { $0.code == "Ca-沪SH0001" })
        let card = try #require(try zw.openCard(customerID: mine.id))
        let latestVisit = try #require(try zw.timeline(customerID: mine.id, offset: 0, limit: 5).first?.activity)
        let visit = try #require(latestVisit.id)
        try archive.db.signComment(activityID: visit, text: "再跟一次", signerID: archive.users["lizg"]!.id!,
                                   replacing: latestVisit.supervisorComment?.text, by: boss)
        try archive.db.assign(customerID: archive.customers["Ca-沪SH0002"]!, to: archive.users["wf"]!.id, by: boss)
        try archive.db.assign(customerID: archive.customers["Cb-沪SH0004"]!, to: archive.users["zw"]!.id, by: boss)
        try zw.applyForDefeat(cardID: card.id!, application: DefeatApplication(reason: "预算取消"), by: me)
        try archive.db.decideDefeat(cardID: card.id!, approve: false, note: "再争取", by: boss)
        let (changes, latest) = try zw.changesForMe(after: since)
        #expect(changes.map(\.kind) == [.comment(by: "李主管"), .customerTaken, .customerGiven, .defeatReturned])
        #expect(changes.map(\.customerName) == ["上海东一机械", "上海东二机械", "上海公海机械", "上海东一机械"])
        #expect(try zw.changesForMe(after: latest).changes.isEmpty)
        // Another salesperson hears none of it.
        #expect(try archive.door("ly").changesForMe(after: since).changes.isEmpty)
    }
}
