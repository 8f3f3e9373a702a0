import Foundation
import Synchronization
import KehuDemo
import GRDB
import Testing
import KehuCore
@testable import KehuStore

struct PagingAndDemoTests {
    @Test func pagesCoverTheListExactlyOnce() throws {
        let folder = TemporaryFolder()
        let db = try folder.store("kehu.db")
        for i in (1...23).reversed() { try db.add(sampleCustomer(String(format: "Ca-粤GZ%04d", i), "客户\(i)"), by: testActor) }
        #expect(try db.customerCount() == 23)
        let first = try db.customerPage(offset: 0, limit: 10)
        #expect(first.count == 10)
        #expect(first.first?.code == "Ca-粤GZ0001")
        let last = try db.customerPage(offset: 20, limit: 10)
        #expect(last.map(\.code) == ["Ca-粤GZ0021", "Ca-粤GZ0022", "Ca-粤GZ0023"])
        #expect(try db.customerPage(offset: 23, limit: 10).isEmpty)
        #expect(try db.customerPage(offset: 0, limit: 0).isEmpty)
        let all = try (0..<3).flatMap { try db.customerPage(offset: $0 * 10, limit: 10) }
        #expect(all.map(\.code) == (1...23).map { String(format: "Ca-粤GZ%04d", $0) })
        #expect(try db.customerPage(offset: 0, limit: 3, order: .name).map(\.name) == ["客户1", "客户10", "客户11"])
    }

    /// The far half of a list is read from its end, backwards (End and deep pages cost what
    /// Home does at any size): every window, in every order, filtered, as a salesperson
    /// and as the admin, holds the rows the forward read gives.
    @Test func theFarHalfReadBackwardsIsTheSameList() throws {
        let folder = TemporaryFolder()
        let db = try makeDemo(folder, name: "far.db", customers: 240)
        let salesperson = try #require(try db.users().first { $0.role == .salesperson })
        var filtered = CustomerFilter()
        filtered.status = .potential
        for store in [db, db.scoped(to: Viewer(salesperson))] {
            for order in CustomerListOrder.allCases {
                for filter in [CustomerFilter(), filtered] {
                    let total = try store.customerCount(in: .all, filter: filter, today: testNow.date)
                    #expect(total > 10)
                    for offset in [0, total / 2, total / 2 + 1, total - 11, total - 10, total - 3, total - 1] {
                        let forward = try store.customerPage(offset: offset, limit: 10, order: order, filter: filter, today: testNow.date)
                        let backward = try store.customerPage(offset: offset, limit: 10, order: order, filter: filter, today: testNow.date,
                                                              total: total)
                        #expect(backward == forward, "\(order) offset \(offset) of \(total)")
                    }
                }
            }
        }
    }

    @Test func anEmptyArchiveHasNoPages() throws {
        let folder = TemporaryFolder()
        let db = try folder.store("kehu.db")
        #expect(try db.customerCount() == 0)
        #expect(try db.customerPage(offset: 0, limit: 20).isEmpty)
        #expect(try db.detail(customerID: 1) == nil)
    }

    func makeDemo(_ folder: TemporaryFolder, name: String, customers: Int = 300, seed: UInt64 = 7) throws -> KehuDatabase {
        let path = folder.file(name)
        _ = try DemoDatabase.create(at: path, options: DemoOptions(customers: customers, seed: seed, now: testNow, creatorLogin: "tester"))
        return try KehuDatabase.open(path: path)
    }

    func fingerprint(_ db: KehuDatabase) throws -> [String] {
        try db.read { db in
            try String.fetchAll(db, sql: "SELECT code || name || phone || ifnull(ownerID, '-') FROM customers ORDER BY id")
                + String.fetchAll(db, sql: "SELECT occurredAt || content || handlerID FROM activities ORDER BY id")
        }
    }

    @Test func theSameSeedGivesTheSameDatabase() throws {
        let folder = TemporaryFolder()
        let a = try makeDemo(folder, name: "a.db", seed: 7)
        let b = try makeDemo(folder, name: "b.db", seed: 7)
        let c = try makeDemo(folder, name: "c.db", seed: 8)
        #expect(try fingerprint(a) == fingerprint(b))
        #expect(try fingerprint(a) != fingerprint(c))
    }

    /// The demo writes each row's duplicate and search keys as it draws it, and a card's
    /// model filled in later refreshes its customer's lines, instead of every key being
    /// filled in afterwards: they must be just what kehu's own backfill makes, and the
    /// full-text indexes, made once at the end, must find what the lines hold.
    @Test func theDemoWritesTheKeysKehuItselfMakes() throws {
        let folder = TemporaryFolder()
        let db = try makeDemo(folder, name: "keys.db", customers: 400)
        func keys() throws -> [String] {
            try db.read { db in
                try String.fetchAll(db, sql: """
                    SELECT id || '|' || ifnull(phoneDigits, '-') || '|' || ifnull(nameKey, '-') || '|' || pinyin || '|' || initials
                    FROM customers ORDER BY id
                    """)
                    + String.fetchAll(db, sql: "SELECT id || '|' || ifnull(mobileDigits, '-') || '|' || ifnull(phoneDigits, '-') FROM contacts ORDER BY id")
                    + String.fetchAll(db, sql: "SELECT id || '|' || ifnull(phoneDigits, '-') FROM intentCards ORDER BY id")
                    + SearchText.tables.flatMap { try String.fetchAll(db, sql: "SELECT customerID || '|' || text FROM \($0) ORDER BY customerID") }
            }
        }
        let written = try keys()
        #expect(written.filter { $0.contains("|-|-|") }.isEmpty)
        #expect(written.count > 400 * 5)
        try db.write { db in
            try SearchKeys.backfill(db)
            try SearchText.backfill(db)
        }
        #expect(try keys() == written)

        // Every line is in its full-text index (the demo used to leave out the customers
        // before the one a merge had refreshed), and found through it: a model only the
        // filled-in cards have, a contact's mobile, the first and the last customer's name.
        for table in SearchText.tables {
            let (lines, indexed) = try db.read { db in
                (try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0, try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)Index_docsize") ?? -1)
            }
            #expect(lines == 400 && indexed == lines, "\(table)")
        }
        let probe = try db.read { db in
            (model: try #require(try StoreRow.fetchOne(db, sql: "SELECT customerID, model FROM intentCards WHERE model LIKE 'CK%' ORDER BY id LIMIT 1")),
             mobile: try #require(try StoreRow.fetchOne(db, sql: "SELECT customerID, mobileDigits FROM contacts ORDER BY id DESC LIMIT 1")),
             name: try #require(try StoreRow.fetchOne(db, sql: "SELECT id, name FROM customers ORDER BY id DESC LIMIT 1")),
             first: try #require(try StoreRow.fetchOne(db, sql: "SELECT id, name FROM customers ORDER BY id LIMIT 1")))
        }
        for (query, customerID) in [(probe.model["model"] as String, probe.model["customerID"] as Int64),
                                    (probe.mobile["mobileDigits"], probe.mobile["customerID"]),
                                    (String((probe.name["name"] as String).dropFirst(2).prefix(4)), probe.name["id"]),
                                    (String((probe.first["name"] as String).dropFirst(2).prefix(4)), probe.first["id"])] {
            #expect(try db.searchCustomers(query).contains { $0.row.id == customerID }, "\(query)")
        }
    }

    @Test func demoDataLooksLikeARealSalesCompany() throws {
        let folder = TemporaryFolder()
        let db = try makeDemo(folder, name: "demo.db", customers: 600)
        #expect(try db.customerCount() == 600)
        let teams = try db.teams()
        let users = try db.users()
        #expect(teams.count == 3)
        for team in teams {
            let supervisor = try #require(users.first { $0.id == team.supervisorID })
            #expect(supervisor.role == .supervisor)
            #expect(users.filter { $0.teamID == team.id && $0.role == .salesperson }.count >= 3)
        }
        #expect(users.contains { $0.role == .salesManager })
        #expect(users.first?.login == "tester")
        #expect(users.first?.role == .admin)

        let stats = try db.read { db in
            (levels: try String.fetchAll(db, sql: "SELECT DISTINCT level FROM intentCards WHERE state = 'open'"),
             overdue: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM intentCards WHERE state = 'open' AND nextVisitOn < '2026-11-22'") ?? 0,
             upcoming: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM intentCards WHERE state = 'open' AND nextVisitOn >= '2026-11-22'") ?? 0,
             statuses: try String.fetchAll(db, sql: "SELECT DISTINCT status FROM customers"),
             oldest: try String.fetchOne(db, sql: "SELECT MIN(occurredAt) FROM activities") ?? "",
             newest: try String.fetchOne(db, sql: "SELECT MAX(occurredAt) FROM activities") ?? "",
             comments: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM activities WHERE supervisorComment IS NOT NULL") ?? 0,
             badPhones: try String.fetchAll(db, sql: "SELECT mobile FROM contacts").filter { PhoneNumber($0)?.isMainlandMobile != true },
             badCodes: try String.fetchAll(db, sql: "SELECT code FROM customers").filter { !$0.contains("-") || $0.count < 10 })
        }
        #expect(Set(stats.levels) == ["H", "A", "B", "C"])
        #expect(stats.overdue > 10)
        #expect(stats.upcoming > 10)
        #expect(Set(stats.statuses) == ["a", "b", "c", "d"])
        #expect(stats.oldest < "2025-12-31")   // about a year of history
        #expect(stats.newest <= "2026-11-22 09:41")
        #expect(stats.comments > 0)
        #expect(stats.badPhones.isEmpty)
        #expect(stats.badCodes.isEmpty)

        // The team's evenings and weekly summaries left their marks (issue 16).
        let marks = try db.read { db in
            (effective: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM leadVerdicts WHERE effective") ?? 0,
             ineffective: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM leadVerdicts WHERE NOT effective AND note <> ''") ?? 0,
             doubtful: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM activities WHERE doubtful") ?? 0,
             doubtfulDefeats: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM intentCards WHERE defeatDoubtful AND state = 'defeatPending'") ?? 0,
             wholeCards: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM intentCards WHERE intentScore IS NOT NULL AND objections <> '' AND occupation <> ''") ?? 0,
             invalidWithReason: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM customers WHERE status = 'd' AND invalidReason <> ''") ?? 0,
             corrected: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM activities a JOIN activityCorrections x ON x.activityID = a.id WHERE a.recheck") ?? 0,
             returned: try Int64.fetchAll(db, sql: "SELECT c.ownerID FROM intentCards k JOIN customers c ON c.id = k.customerID WHERE k.defeatReturnedAt IS NOT NULL"))
        }
        #expect(marks.effective > 0 && marks.ineffective > 0 && marks.doubtful > 0 && marks.doubtfulDefeats > 0 && marks.corrected > 0 && marks.wholeCards > 0 && marks.invalidWithReason > 0, "\(marks)")
        let owner = try #require(marks.returned.first)
        #expect(try db.todayAgenda(ownerID: owner, today: LocalDate(year: 2026, month: 11, day: 22)!)
            .contains { if case .defeatReturned = $0.kind { return true }; return false })
        #expect(try db.leadSummary(from: LocalDate(year: 2026, month: 11, day: 16)!, to: LocalDate(year: 2026, month: 11, day: 22)!).effective.count > 0)
    }

    @Test func timelinesAreNewestFirstAndPaged() throws {
        let folder = TemporaryFolder()
        let db = try makeDemo(folder, name: "demo.db", customers: 50)
        let id = try #require(try db.read { try Int64.fetchOne($0, sql: "SELECT customerID FROM activities GROUP BY customerID ORDER BY COUNT(*) DESC LIMIT 1") })
        let total = try db.timelineCount(customerID: id)
        let firstPage = try db.timeline(customerID: id, offset: 0, limit: 3)
        let rest = try db.timeline(customerID: id, offset: 3, limit: 1000)
        let all = firstPage + rest
        #expect(all.count == total)
        #expect(zip(all, all.dropFirst()).allSatisfy { $0.activity.occurredAt >= $1.activity.occurredAt })
        #expect(all.allSatisfy { !$0.handlerName.isEmpty })
    }

    /// The progress a demo reports runs over the whole job: forward only, through the
    /// customers' share and on past it (the indexes and statistics after them), to its end.
    @Test func aDemosProgressRunsOverTheWholeJob() throws {
        let folder = TemporaryFolder()
        let heard = Mutex<[(done: Int, total: Int)]>([])
        _ = try DemoDatabase.create(at: folder.file("progress.db"), options: DemoOptions(customers: 3_000, seed: 7, now: testNow, creatorLogin: "tester")) { done, total in
            heard.withLock { $0.append((done, total)) }
        }
        let steps = heard.withLock { $0 }
        #expect(steps.allSatisfy { $0.total == DemoDatabase.parts })
        #expect(zip(steps, steps.dropFirst()).allSatisfy { $0.done <= $1.done })
        #expect(steps.contains { $0.done > 0 && $0.done < DemoDatabase.drawingShare }, "customers counted as they come")
        #expect(steps.contains { $0.done > DemoDatabase.drawingShare && $0.done < DemoDatabase.parts }, "the steps after them counted")
        #expect(steps.last?.done == DemoDatabase.parts)
    }

    @Test func aDemoIsNeverWrittenOverAnExistingFile() throws {
        let folder = TemporaryFolder()
        let path = folder.file("kehu.db")
        try Data("mine".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: StoreError.self) {
            _ = try DemoDatabase.create(at: path, options: DemoOptions(customers: 5, now: testNow, creatorLogin: "x"))
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data("mine".utf8))
        #expect(!FileManager.default.fileExists(atPath: path + ".partial"))
    }
}

struct DemoLoginTests {
    @Test func aCreatorWhoseLoginIsADemoColleaguesStillBecomesAdmin() throws {
        let folder = TemporaryFolder()
        let path = folder.file("demo.db")
        _ = try DemoDatabase.create(at: path, options: DemoOptions(customers: 10, now: testNow, creatorLogin: "zhangwei"))
        let db = try KehuDatabase.open(path: path)
        #expect(try db.profile(login: "zhangwei")?.user.role == .admin)
        #expect(try db.profile(login: "zhangwei2")?.user.displayName == "张伟")
    }
}
