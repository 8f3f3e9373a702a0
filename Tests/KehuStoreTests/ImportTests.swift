import Foundation
import GRDB
import Testing
import KehuCore
@testable import KehuStore

struct ImportTests {
    let now = LocalDateTime(date: LocalDate(year: 2026, month: 11, day: 22)!, hour: 9, minute: 0)!
    let headers = ["单位名称", "电话", "城市", "联系人", "手机", "客户编码"]

    func rows(_ lines: [[String]]) -> [CustomerImportRow] {
        lines.enumerated().map { CustomerImportRow(line: $0.offset + 2, fields: $0.element, headers: headers, mapping: .standard, now: now) }
    }

    /// An import that meets another process's write lock says the file is locked (exit 5
    /// on the command line), not SQLite's "database is locked".
    @Test func anImportBlockedByAnotherWriterIsReportedAsLocked() throws {
        let folder = TemporaryFolder()
        let path = folder.file("import.db")
        let db = try KehuDatabase.open(path: path, busyTimeout: 0.2)
        let other = try DatabaseQueue(path: path)
        try other.writeWithoutTransaction { holder in
            try holder.execute(sql: "BEGIN IMMEDIATE")
            #expect(throws: StoreError.locked(path: path)) {
                _ = try db.importCustomers(rows([["广州新客户", "020-1234 5678", "广州", "", "", ""]]), ownerID: nil, teamID: nil,
                                           dryRun: false, skipBad: false, by: testActor)
            }
            try holder.execute(sql: "ROLLBACK")
        }
        #expect(try db.customerCount() == 0)
    }

    @Test func allOrNothingSkipBadDryRunAndRerun() throws {
        let folder = TemporaryFolder()
        let db = try folder.store("import.db")
        try db.add(sampleCustomer("Cb-粤GZ0009", "广州老客户"), by: testActor)
        let sheet = rows([["广州新客户", "020-1234 5678", "广州", "陈明", "13900001111", ""],
                          ["坏行", "12", "火星", "", "", ""],
                          ["广州 老客户", "", "广州", "", "", ""],                       // the same full name, spaced
                          ["深圳新客户", "0755-2666 8888", "深圳", "", "", ""]])
        // One bad row: nothing is written.
        let refused = try db.importCustomers(sheet, ownerID: nil, teamID: nil, dryRun: false, skipBad: false, by: testActor)
        #expect(refused[1] == .rejected([.unreadable(column: "电话 (B)", value: "12"), .unknownCity(column: "城市 (C)", value: "火星")]))
        #expect(try db.customerCount() == 1)
        // A dry run says what would happen and writes nothing either.
        let preview = try db.importCustomers(sheet, ownerID: nil, teamID: nil, dryRun: true, skipBad: true, by: testActor)
        #expect(preview[0] == .created(code: "Cb-粤GZ0010") && preview[2] == .duplicate(of: "Cb-粤GZ0009", byPhone: false))
        #expect(try db.customerCount() == 1)
        // Skipping the bad row imports the rest, contacts included.
        let done = try db.importCustomers(sheet, ownerID: nil, teamID: nil, dryRun: false, skipBad: true, by: testActor)
        #expect(done == [.created(code: "Cb-粤GZ0010"), preview[1], .duplicate(of: "Cb-粤GZ0009", byPhone: false), .created(code: "Cb-粤SZ0001")])
        #expect(try db.customerCount() == 3)
        #expect(try db.searchCustomers("13900001111").first?.row.code == "Cb-粤GZ0010")
        // The same file again creates nothing.
        let again = try db.importCustomers(sheet, ownerID: nil, teamID: nil, dryRun: false, skipBad: true, by: testActor)
        #expect(again.allSatisfy { if case .created = $0 { return false }; return true })
        #expect(try db.customerCount() == 3)
        // A row with a known code updates that customer.
        let update = try db.importCustomers(rows([["广州老客户", "020-8888 0000", "", "", "", "Cb-粤GZ0009"]]), ownerID: nil, teamID: nil,
                                            dryRun: false, skipBad: false, by: testActor)
        #expect(update == [.updated(code: "Cb-粤GZ0009", fields: ["phone"])])
    }

    /// Names that differ only in the company form may be two companies (X有限公司 and
    /// X股份有限公司): never skipped silently. Created and reported, or with mergeSimilar
    /// taken as the archived one.
    @Test func aNearNameIsReportedNotSkippedSilently() throws {
        let folder = TemporaryFolder()
        let db = try folder.store("import.db")
        try db.add(sampleCustomer("Cb-粤GZ0009", "广州华南机电有限公司"), by: testActor)
        let sheet = rows([["广州华南机电股份有限公司", "", "广州", "", "", ""], ["广州华南机电有限公司", "", "广州", "", "", ""]])
        let reported = try db.importCustomers(sheet, ownerID: nil, teamID: nil, dryRun: true, skipBad: false, by: testActor)
        #expect(reported == [.createdNearDuplicate(code: "Cb-粤GZ0010", similar: "Cb-粤GZ0009"), .duplicate(of: "Cb-粤GZ0009", byPhone: false)])
        let merged = try db.importCustomers(sheet, ownerID: nil, teamID: nil, dryRun: false, skipBad: false, mergeSimilar: true, by: testActor)
        #expect(merged == [.duplicate(of: "Cb-粤GZ0009", byPhone: false), .duplicate(of: "Cb-粤GZ0009", byPhone: false)])
        #expect(try db.customerCount() == 1)
        let created = try db.importCustomers(sheet, ownerID: nil, teamID: nil, dryRun: false, skipBad: false, by: testActor)
        #expect(created[0] == .createdNearDuplicate(code: "Cb-粤GZ0010", similar: "Cb-粤GZ0009"))
        #expect(try db.customerCount() == 2)
        // Once both are in the archive, each is its own exact duplicate.
        let again = try db.importCustomers(sheet, ownerID: nil, teamID: nil, dryRun: true, skipBad: false, by: testActor)
        #expect(again == [.duplicate(of: "Cb-粤GZ0010", byPhone: false), .duplicate(of: "Cb-粤GZ0009", byPhone: false)])
    }
}

struct HistoryImportTests {
    @Test func contactsAndVisitsKeepTheirDatesAndAuthors() throws {
        let folder = TemporaryFolder()
        let db = try folder.store("history.db")
        let zhang = try db.add(User(login: "zhangwei", displayName: "张伟", role: .salesperson), by: testActor)
        let customer = try db.add(sampleCustomer("Ca-粤GZ0001", "广州华南机电有限公司"), by: testActor)
        let importer = Actor(login: "admin", clock: FixedClock(testNow))
        let contactHeaders = ["客户编码", "单位名称", "姓名", "职务", "手机", "生日", "决策人"]
        let contacts = [["Ca-粤GZ0001", "", "赵老板", "总经理", "137 0000 1111", "1970/5/6", "是"],
                        ["", "广州华南机电有限公司", "钱工", "工程师", "abc", "", ""],
                        ["", "不存在公司", "孙某", "", "", "", ""]]
            .enumerated().map { HistoryImportRow(kind: .contacts, line: $0.offset + 2, fields: $0.element, headers: contactHeaders) }
        let refused = try db.importHistory(contacts, kind: .contacts, dryRun: false, skipBad: false, by: importer)
        #expect(refused[1] == .rejected([.unreadable(column: "手机 (E)", value: "abc")]) && refused[2] == .rejected([.noSuchCustomer(value: "不存在公司")]))
        #expect(try db.detail(customerID: customer)?.contacts.isEmpty == true)
        _ = try db.importHistory(contacts, kind: .contacts, dryRun: false, skipBad: true, by: importer)
        let boss = try #require(try db.detail(customerID: customer)?.contacts.first)
        #expect(boss.name == "赵老板" && boss.isDecisionMaker && boss.birthday == LocalDate(year: 1970, month: 5, day: 6))

        let visitHeaders = ["客户编码", "日期", "方式", "经办人", "联系人", "洽谈内容", "级别"]
        let visits = [["Ca-粤GZ0001", "2024-05-06 10:30", "上门", "老王", "赵老板", "第一次上门", "B"],
                      ["Ca-粤GZ0001", "2024/6/1", "电话", "张伟", "", "电话跟进报价", "A"]]
            .enumerated().map { HistoryImportRow(kind: .activities, line: $0.offset + 2, fields: $0.element, headers: visitHeaders) }
        #expect(try db.importHistory(visits, kind: .activities, dryRun: false, skipBad: false, by: importer) == [.created(code: "Ca-粤GZ0001"), .created(code: "Ca-粤GZ0001")])
        let timeline = try db.timeline(customerID: customer, offset: 0, limit: 10)
        #expect(timeline.map(\.activity.content) == ["电话跟进报价", "第一次上门"])
        #expect(timeline[0].activity.handlerID == zhang && timeline[1].handlerName == "老王")
        #expect(timeline[1].activity.occurredAt.description == "2024-05-06 10:30" && timeline[1].contactName == "赵老板")
        #expect(try db.users().first { $0.displayName == "老王" }?.active == false)   // 老王 has left: the author, who cannot log in
        #expect(try db.history(table: "activities", rowID: timeline[0].activity.id!).first?.actor == "admin")
        // Again: nothing new.
        #expect(try db.importHistory(visits, kind: .activities, dryRun: false, skipBad: false, by: importer)
            .allSatisfy { $0 == .duplicate(of: "Ca-粤GZ0001", byPhone: false) })
    }
}

/// A sheet large enough that the import sets the indexes it does not read (and the running
/// count's trigger) aside and makes them again: the schema after it is the one before,
/// SQLite finds the file sound, the indexes answer and the count is right; a dry run of
/// the same size leaves everything as it was.
struct BulkImportTests {
    let now = LocalDateTime(date: LocalDate(year: 2026, month: 11, day: 22)!, hour: 9, minute: 0)!
    let headers = ["单位名称", "电话", "城市", "联系人", "手机"]

    func sheet(_ count: Int) -> [CustomerImportRow] {
        (0..<count).map { n in
            CustomerImportRow(line: n + 2, fields: ["广州宏达\(n)号机电", "020-\(String(format: "%08d", 30_000_000 + n))", "广州", "联系人\(n)",
                                                    "139\(String(format: "%08d", n))"],
                              headers: headers, mapping: .standard, now: now)
        }
    }

    func schema(_ db: KehuDatabase) throws -> [String] {
        try db.writeAlone { try String.fetchAll($0, sql: "SELECT type || ' ' || name || ' ' || ifnull(sql, '') FROM sqlite_master ORDER BY name") }
    }

    @Test(.disabled(if: TestEngine.isPostgres, "SQLite sets its indexes aside for a large import; PostgreSQL keeps them"))
    func indexesSetAsideForALargeImportComeBackTheSame() throws {
        let folder = TemporaryFolder()
        let db = try folder.store("bulk.db")
        let before = try schema(db)
        let rows = sheet(CustomerImporter.bulkRows)
        let dry = try db.importCustomers(rows, ownerID: nil, teamID: nil, dryRun: true, skipBad: false, by: testActor)
        #expect(dry.count == rows.count)
        #expect(try schema(db) == before)
        #expect(try db.customerCount() == 0)

        let outcomes = try db.importCustomers(rows, ownerID: nil, teamID: nil, dryRun: false, skipBad: false, by: testActor)
        #expect(outcomes.allSatisfy { if case .created = $0 { return true }; return false })
        #expect(try schema(db) == before)
        #expect(try db.customerCount() == rows.count)
        #expect(try db.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM customers") } == rows.count)
        let (check, byName, byMobile, audited) = try db.writeAlone { database throws in
            (try String.fetchAll(database, sql: "PRAGMA integrity_check"),
             // The indexes answer (they were made again, not left out).
             try Int.fetchOne(database, sql: "SELECT count(*) FROM customers INDEXED BY customers_name WHERE name = '广州宏达77号机电'"),
             try Int.fetchOne(database, sql: "SELECT count(*) FROM contacts INDEXED BY contacts_mobileDigits WHERE mobileDigits = '13900000077'"),
             try Int.fetchOne(database, sql: "SELECT count(*) FROM auditLog WHERE tableName = 'customers'"))
        }
        #expect(check == ["ok"])
        #expect(byName == 1)
        #expect(byMobile == 1)
        #expect(audited == rows.count)
        // The search indexes, whose insert triggers were set aside, hold every new line.
        try db.write { database in
            for table in SearchText.tables {
                try database.execute(sql: "INSERT INTO \(table)Index(\(table)Index, rank) VALUES ('integrity-check', 1)")
            }
        }
        #expect(try db.searchCustomers("宏达77号").map(\.row.name) == ["广州宏达77号机电"])
        #expect(try db.searchCustomers("00000077").count == 1)
        // The writer is as before: temporary storage in memory (a temporary file would be
        // the user's), SQLite's usual cache and one thread; and FTS5's usual batch size.
        let settings = try db.writeAlone { database throws in
            [try Int.fetchOne(database, sql: "PRAGMA temp_store"), try Int.fetchOne(database, sql: "PRAGMA cache_size"),
             try Int.fetchOne(database, sql: "PRAGMA threads")]
                + (try SearchText.tables.map { try Int.fetchOne(database, sql: "SELECT v FROM \($0)Index_config WHERE k = 'hashsize'") })
        }
        #expect(settings == [2, -2000, 0, 1_048_576, 1_048_576, 1_048_576])
        // Foreign keys, unchecked while the rows were written, are checked again and hold.
        let (checked, orphans) = try db.writeAlone { database throws in
            (try Int.fetchOne(database, sql: "PRAGMA foreign_keys"), try StoreRow.fetchAll(database, sql: "PRAGMA foreign_key_check").count)
        }
        #expect(checked == 1 && orphans == 0)
        // The log the rows went through is emptied, not left beside the database.
        let log = (try? FileManager.default.attributesOfItem(atPath: folder.file("bulk.db") + "-wal")[.size] as? Int) ?? 0
        #expect(log == 0)
        // The same sheet again: every row a duplicate, nothing written.
        let again = try db.importCustomers(rows, ownerID: nil, teamID: nil, dryRun: false, skipBad: false, by: testActor)
        #expect(again.allSatisfy { if case .duplicate = $0 { return true }; return false })
        #expect(try schema(db) == before)
        // The running count, whose trigger was set aside, counted each new customer once.
        #expect(try db.customerCount() == rows.count)
        try db.add(sampleCustomer("Cb-粤SZ0001", "深圳导入之后"), by: testActor)
        #expect(try db.customerCount() == rows.count + 1)
    }

    /// A sheet large enough for the import to keep the keys it meets in memory (and look
    /// up only those it may have met), and one large enough for SQLite to set the name
    /// key's index aside too (namesakes are then found in memory, `NamesakeTable`): every
    /// kind of duplicate is still found — of an archived customer by phone, full name and
    /// near name, of a row before it, and of a customer an earlier row of the sheet gave a
    /// new phone or name — and a code an earlier row gave brings that customer up to date.
    @Test(arguments: [CustomerImporter.filteredRows, CustomerImporter.bulkRows])
    func aLargeSheetStillFindsEveryDuplicate(rows count: Int) throws {
        let folder = TemporaryFolder()
        let db = try folder.store("filtered.db")
        try db.add(sampleCustomer("Cb-粤GZ0009", "广州老客户"), by: testActor)
        var renamed = sampleCustomer("Cb-粤GZ0008", "广州旧名字")
        renamed.phone = "020-8888 7777"
        try db.add(renamed, by: testActor)
        let headers = ["单位名称", "电话", "城市", "客户编码"]
        let given = String(format: "Cb-粤GZ%04d", count + 5_000)
        let lines = (0..<count).map { n in ["广州宏达\(n)号机电", "020-\(String(format: "%08d", 30_000_000 + n))", "广州", ""] } + [
            ["广州老客户", "", "广州", ""],                       // the archived name
            ["广州另一家", "020-8888 6666", "广州", ""],          // the archived phone
            ["广州宏达5号机电", "", "广州", ""],                  // a row before it
            ["广州老客户", "020-6666 1234", "", "Cb-粤GZ0009"],   // the archived customer's new phone…
            ["广州又一家", "(020) 6666-1234", "广州", ""],        // …which a later row has
            ["广州老客户有限公司", "", "广州", ""],               // a near name: created, and said
            ["广州带编码的", "", "广州", given],                  // a code no one has yet…
            ["广州带编码的", "020-5555 1234", "", given],         // …which a later row brings up to date
            ["广州新名字", "", "", "Cb-粤GZ0008"],                // an archived customer renamed…
            ["广州新名字", "", "广州", ""],                       // …whose new name a later row has
            ["广州旧名字", "", "广州", ""],                       // and whose old name is free again
        ]
        let sheet = lines.enumerated().map { CustomerImportRow(line: $0.offset + 2, fields: $0.element, headers: headers, mapping: .standard, now: now) }
        let outcomes = try db.importCustomers(sheet, ownerID: nil, teamID: nil, dryRun: false, skipBad: false, by: testActor)
        guard case .created(let fifth) = outcomes[5] else { Issue.record("\(outcomes[5])"); return }
        let near = String(format: "Cb-粤GZ%04d", count + 10)
        #expect(Array(outcomes.suffix(11)) == [
            .duplicate(of: "Cb-粤GZ0009", byPhone: false), .duplicate(of: "Cb-粤GZ0009", byPhone: true), .duplicate(of: fifth, byPhone: false),
            .updated(code: "Cb-粤GZ0009", fields: ["phone"]), .duplicate(of: "Cb-粤GZ0009", byPhone: true),
            .createdNearDuplicate(code: near, similar: "Cb-粤GZ0009"),
            .created(code: given), .updated(code: given, fields: ["phone"]),
            .updated(code: "Cb-粤GZ0008", fields: ["name"]), .duplicate(of: "Cb-粤GZ0008", byPhone: false),
            .created(code: String(format: "Cb-粤GZ%04d", count + 5_001)),
        ])
        #expect(try db.customerCount() == count + 5)
    }

    /// The namesake table gives every customer a key was inserted with, oldest first, past
    /// its own growth and for ids too large to sit beside a fingerprint; a key never
    /// inserted seldom gives any.
    @Test func theNamesakeTableGivesEveryCustomerOfAKey() {
        var table = NamesakeTable(capacity: 10)
        for n in 1...30_000 { table.insert("广州宏达\(n % 10_000)号机电", id: Int64(n)) }
        table.insert("广州宏达7号机电", id: 5_000_000_000)
        #expect(table.candidates("广州宏达7号机电") == [7, 10_007, 20_007, 5_000_000_000])
        #expect((1..<10_000).allSatisfy { n in table.candidates("广州宏达\(n)号机电").filter { $0 % 10_000 == Int64(n) }.count == 3 })
        let stray = (10_000..<30_000).reduce(0) { $0 + table.candidates("广州宏达\($1)号机电").count }
        #expect(stray < 20, "\(stray) candidates for 20,000 keys never inserted")
        #expect(NamesakeTable(capacity: 0).candidates("广州").isEmpty)
        // A million customers fit its memory; two million (a million rows into as many)
        // keep the name key's index instead.
        #expect(NamesakeTable.fits(capacity: 1_000_000) && !NamesakeTable.fits(capacity: 2_000_000))
    }

    /// New rows wait and are written many to a statement (64 on SQLite, a few hundred on
    /// PostgreSQL): a row that repeats one still waiting (its phone, its name, the code it
    /// was given) is found as if that row were written already, on both engines; every row,
    /// contact, search line and audit record arrives, and the customer count follows.
    @Test func rowsStillWaitingAreFoundAsDuplicates() throws {
        let folder = TemporaryFolder()
        let db = try folder.store("waiting.db")
        let headers = ["单位名称", "电话", "城市", "联系人", "手机", "客户编码"]
        let lines = (0..<700).map { n in ["广州宏达\(n)号机电", "020-\(String(format: "%08d", 30_000_000 + n))", "广州", "联系人\(n)", "", ""] } + [
            ["广州另一家", "020-3000 0603", "广州", "", "", ""],            // the phone of row 603, still waiting
            ["广州宏达650号机电", "", "广州", "", "", ""],                   // the name of row 650
            ["广州宏达699号机电", "020-7777 0000", "", "", "", "Cb-粤GZ0700"], // row 699's code: an update
            ["广州新来的", "020-7777 0000", "广州", "", "", ""],             // the phone that update gave
        ]
        let sheet = lines.enumerated().map { CustomerImportRow(line: $0.offset + 2, fields: $0.element, headers: headers, mapping: .standard, now: now) }
        let outcomes = try db.importCustomers(sheet, ownerID: nil, teamID: nil, dryRun: false, skipBad: false, by: testActor)
        #expect(outcomes[603] == .created(code: "Cb-粤GZ0604") && outcomes[699] == .created(code: "Cb-粤GZ0700"))
        #expect(Array(outcomes.suffix(4)) == [
            .duplicate(of: "Cb-粤GZ0604", byPhone: true), .duplicate(of: "Cb-粤GZ0651", byPhone: false),
            .updated(code: "Cb-粤GZ0700", fields: ["phone"]), .duplicate(of: "Cb-粤GZ0700", byPhone: true),
        ])
        #expect(try db.customerCount() == 700)
        let (counted, contacts, audited, lines3) = try db.writeAlone { database in
            (try Int.fetchOne(database, sql: "SELECT count(*) FROM customers"),
             try Int.fetchOne(database, sql: "SELECT count(*) FROM contacts"),
             try Int.fetchOne(database, sql: "SELECT count(*) FROM auditLog WHERE tableName = 'customers' AND newValue = 'created'"),
             try Int.fetchOne(database, sql: "SELECT count(*) FROM searchHan h JOIN searchLatin l ON l.customerID = h.customerID JOIN searchDigits d ON d.customerID = h.customerID"))
        }
        #expect(counted == 700 && contacts == 700 && audited == 700 && lines3 == 700)
        #expect(try db.searchCustomers("联系人699").map(\.row.code) == ["Cb-粤GZ0700"])
        #expect(try db.searchCustomers("77770000").map(\.row.code) == ["Cb-粤GZ0700"])
    }

    /// The keys' filter never forgets a key it was given, and seldom claims one it was not.
    @Test func seenKeysSaySurelyNewForAlmostEveryNewKey() {
        var keys = SeenKeys(capacity: 20_000)
        for n in 0..<20_000 { keys.insert("广州宏达\(n)号机电") }
        #expect((0..<20_000).allSatisfy { keys.mayContain("广州宏达\($0)号机电") })
        let claimed = (20_000..<40_000).filter { keys.mayContain("广州宏达\($0)号机电") }.count
        #expect(claimed < 200, "\(claimed) of 20,000 new keys taken as seen")
    }

    /// Rows are read on a thread of their own: a failure on either side stops both, and
    /// the error that stopped it is the one the caller sees; nothing is written.
    @Test func aFailureWhileReadingStopsTheImportAndWritesNothing() throws {
        struct SheetBroke: Error {}
        let folder = TemporaryFolder()
        let db = try folder.store("stop.db")
        let rows = sheet(3_000)
        var told = 0
        #expect(throws: SheetBroke.self) {
            _ = try db.importCustomers(KehuDatabase.ImportPlan(expectedRows: rows.count, ownerID: nil, teamID: nil, dryRun: false, skipBad: false),
                                       by: testActor, rows: { push in
                for (index, row) in rows.enumerated() {
                    if index == 2_000 { throw SheetBroke() }
                    try push(row)
                }
            }, reading: { $0 }, outcome: { _, _ in told += 1 })
        }
        #expect(told <= 2_000)
        #expect(try db.customerCount() == 0)

        struct ReportBroke: Error {}
        #expect(throws: ReportBroke.self) {
            _ = try db.importCustomers(KehuDatabase.ImportPlan(expectedRows: rows.count, ownerID: nil, teamID: nil, dryRun: false, skipBad: false),
                                       by: testActor, rows: { push in for row in rows { try push(row) } }, reading: { $0 },
                                       outcome: { row, _ in if row.line == 500 { throw ReportBroke() } })
        }
        #expect(try db.customerCount() == 0)
    }
}
