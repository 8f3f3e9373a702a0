import Foundation
import GRDB
import Testing
import KehuCore
@testable import KehuStore

struct SearchTests {
    /// Five customers in three cities; 李娜 is a contact of the first.
    func archive() throws -> (KehuDatabase, TemporaryFolder, [String: Int64], User) {
        let folder = TemporaryFolder()
        let db = try folder.store("search.db")
        var owner = User(login: "zhangwei", displayName: "张伟", role: .salesperson)
        owner.id = try db.add(owner, by: testActor)
        let colleague = try db.add(User(login: "liuyang", displayName: "刘洋", role: .salesperson), by: testActor)
        var ids: [String: Int64] = [:]
        for (code, name, city, province, phone, mine) in [
            ("Ca-粤GZ0001", "广州华南机电有限公司", "广州", "广东", "020-8888 6666", true),
            ("Cb-粤GZ0002", "广州白云五金厂", "广州", "广东", "020-3333 1234", true),
            ("Cb-粤SZ0001", "深圳华南电子有限公司", "深圳", "广东", "0755-2666 7777", false),
            ("Cb-湘CS0001", "长沙宏达机械有限公司", "长沙", "湖南", "0731-8123 4567", true),
            ("Ba-渝CQ0001", "重庆华美物流有限公司", "重庆", "重庆", "023-6123 9876", true),
        ] {
            var c = sampleCustomer(code, name)
            c.city = city; c.province = province; c.phone = phone
            c.ownerID = mine ? owner.id : colleague
            ids[code] = try db.add(c, by: testActor)
        }
        var contact = Contact(customerID: ids["Ca-粤GZ0001"]!, name: "李娜")
        contact.mobile = "139 2222 3333"
        try db.add(contact, by: testActor)
        return (db, folder, ids, owner)
    }

    func codes(_ db: KehuDatabase, _ query: String) throws -> [String] { try db.searchCustomers(query).map(\.row.code) }

    /// The Chinese line's spacing: one space between characters, none inside a run of
    /// Latin letters and digits, none of the text's own; anything else (full-width forms,
    /// emoji, accented letters, combining marks) is a character of its own, kept as it is.
    @Test func theChineseLineIsSpacedCharacterByCharacter() {
        #expect(SearchText.spaced("广州华南机电0号有限公司") == "广 州 华 南 机 电 0 号 有 限 公 司")
        #expect(SearchText.spaced("CK6150车床 x2") == "CK6150 车 床 x2")
        #expect(SearchText.spaced(" 李 娜 ") == "李 娜")
        #expect(SearchText.spaced("Ａ型（新）") == "Ａ 型 （ 新 ）")
        #expect(SearchText.spaced("café😀e\u{301}") == "caf é 😀 e \u{301}")
        #expect(SearchText.spaced("|广州|ab|") == "| 广 州 | ab |")
        #expect(SearchText.spaced("") == "")
        // Spacing spaced text changes nothing.
        for text in ["广州华南机电0号有限公司", "CK6150车床 x2", "café😀e\u{301}"] {
            #expect(SearchText.spaced(SearchText.spaced(text)) == SearchText.spaced(text))
        }
    }

    /// Contacts by the pinyin of their names (李娜 is 广州华南机电's contact), and an
    /// archive written before that (its pinyin lines without the contacts) brought up to
    /// it by migration v8.
    @Test func contactsByThePinyinOfTheirNames() throws {
        let (db, folder, _, _) = try archive()
        #expect(try codes(db, "lina") == ["Ca-粤GZ0001"])
        #expect(try codes(db, "ln") == ["Ca-粤GZ0001"])
        // The rest is SQLite's own migration of an older file.
        guard !TestEngine.isPostgres else { return }
        try db.writeAlone { database in
            try database.execute(sql: "UPDATE searchLatin SET text = '|x|'")
            try database.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v8-contact-pinyin'")
        }
        #expect(try codes(db, "lina").isEmpty)
        let reopened = try folder.store("search.db")
        #expect(try codes(reopened, "lina") == ["Ca-粤GZ0001"])
        #expect(try codes(reopened, "guangzhouhuanan") == ["Ca-粤GZ0001"])
    }

    @Test func shortChineseQueriesFindNamesAnywhere() throws {
        let (db, _, _, _) = try archive()
        #expect(try codes(db, "华南") == ["Ca-粤GZ0001", "Cb-粤SZ0001"])
        #expect(try codes(db, "华") == ["Ba-渝CQ0001", "Ca-粤GZ0001", "Cb-粤SZ0001"])
        #expect(try codes(db, "李娜") == ["Ca-粤GZ0001"])           // a contact's name
        #expect(try codes(db, "湖南") == ["Cb-湘CS0001"])           // the province
        #expect(try codes(db, "火星").isEmpty)
        #expect(try codes(db, "  ").isEmpty)
    }

    @Test func pinyinFullAndInitialsIncludingPolyphones() throws {
        let (db, _, _, _) = try archive()
        #expect(try codes(db, "gzhn") == ["Ca-粤GZ0001"])
        #expect(try codes(db, "guangzhou") == ["Cb-粤GZ0002", "Ca-粤GZ0001"])   // by pinyin: baiyun before huanan
        #expect(try codes(db, "changsha") == ["Cb-湘CS0001"])       // 长 read chang in 长沙
        #expect(try codes(db, "cqhm") == ["Ba-渝CQ0001"])           // 重 read chong in 重庆
        #expect(try codes(db, "GZBY") == ["Cb-粤GZ0002"])           // capitals too
        #expect(try db.searchCustomers("gzhn").first?.match == .pinyinPrefix)
    }

    @Test func phonesByAnyFragmentHoweverWritten() throws {
        let (db, _, ids, _) = try archive()
        #expect(try db.searchCustomers("13922223333").map(\.match) == [.exact])
        #expect(try codes(db, "139-2222-3333") == ["Ca-粤GZ0001"])
        #expect(try codes(db, "１３９２２２２") == ["Ca-粤GZ0001"])   // full-width digits, a fragment
        #expect(try codes(db, "2222 3333") == ["Ca-粤GZ0001"])
        #expect(try codes(db, "(020) 8888-6666") == ["Ca-粤GZ0001"])
        #expect(try codes(db, "8123") == ["Cb-湘CS0001"])
        _ = ids
    }

    @Test func exactCodesComeFirstAndOldCodesStillFind() throws {
        let (db, _, ids, _) = try archive()
        // "cb-粤gz0002" is a code; the name prefix tier would not find it anyway, but it must lead.
        let hits = try db.searchCustomers("cb-粤gz0002")
        #expect(hits.first?.row.code == "Cb-粤GZ0002" && hits.first?.match == .exact)
        #expect(try codes(db, "粤GZ") == ["Ca-粤GZ0001", "Cb-粤GZ0002"])   // part of a code
        // Name prefix beats substring: 广州 customers first, then others containing it.
        #expect(try db.searchCustomers("广州").map(\.match) == [.namePrefix, .namePrefix])
        var deal = Deal(product: "叉车", amountYuan: 20_000, date: testNow.date)
        deal.contractNumber = "HT-1"
        try db.recordOrder(customerID: ids["Cb-粤GZ0002"]!, deal: deal, by: testActor)   // now Ca-粤GZ0002
        #expect(try db.searchCustomers("Cb-粤GZ0002").first.map { ($0.row.code, $0.match) }! == ("Ca-粤GZ0002", .exact))
        // Part of a former code finds it too, once.
        #expect(try codes(db, "b-粤gz0002") == ["Ca-粤GZ0002"])
    }

    @Test func aSalespersonFindsOnlyWhatTheyMaySee() throws {
        let (db, _, _, owner) = try archive()
        #expect(try db.scoped(to: Viewer(owner)).searchCustomers("华南").map(\.row.code) == ["Ca-粤GZ0001"])
        #expect(try db.searchCustomers("华", limit: 2).count == 2)
    }

    /// A list shorter than all the hits holds the best ones, each customer once: the
    /// tiers are read best first (on PostgreSQL in one statement, stopped at the limit),
    /// so a customer found by two tiers must not take a place another one is owed.
    @Test func aShortListHoldsTheBestHitsEachOnce() throws {
        let (db, _, _, _) = try archive()
        try db.add(sampleCustomer("Cb-粤GZ00021", "广州白云五金二厂"), by: testActor)
        // The whole code (exact), then codes starting with it: itself again, and GZ00021.
        let both = try db.searchCustomers("cb-粤gz0002", limit: 2)
        #expect(both.map(\.row.code) == ["Cb-粤GZ0002", "Cb-粤GZ00021"])
        #expect(both.map(\.match) == [.exact, .namePrefix])
        #expect(try db.searchCustomers("cb-粤gz0002", limit: 1).map(\.row.code) == ["Cb-粤GZ0002"])
        // A limit inside a tier read in its index's order (names, character by character):
        // the first ones of that order.
        #expect(try db.searchCustomers("广州", limit: 1).map(\.row.code) == ["Ca-粤GZ0001"])
        #expect(try codes(db, "广州") == ["Ca-粤GZ0001", "Cb-粤GZ00021", "Cb-粤GZ0002"])
        // A name's start is in its line too: the anywhere-tier's hits after it are the others.
        try db.add(sampleCustomer("Cb-粤SZ0009", "华南广州白云贸易"), by: testActor)
        #expect(try db.searchCustomers("广州白云", limit: 3).map(\.row.code) == ["Cb-粤GZ00021", "Cb-粤GZ0002", "Cb-粤SZ0009"])
        #expect(try db.searchCustomers("广州白云", limit: 3).map(\.match) == [.namePrefix, .namePrefix, .substring])
        // Anywhere-matches by code, after the name's start.
        #expect(try codes(db, "华") == ["Cb-粤SZ0009", "Ba-渝CQ0001", "Ca-粤GZ0001", "Cb-粤SZ0001"])
        #expect(try db.searchCustomers("五金", limit: 3).map(\.row.code) == ["Cb-粤GZ0002", "Cb-粤GZ00021"])
    }

    /// Queries anywhere go through each line's full-text index, with the results a scan
    /// gives: never across two parts of a line, Chinese mixed with Latin letters too; and
    /// the indexes stay in step with their lines through edits, merges and imports.
    @Test func theIndexesGiveWhatAScanGivesAndFollowEveryWrite() throws {
        let (db, _, ids, _) = try archive()
        #expect(try codes(db, "司广").isEmpty)                       // 有限公司|广州: two parts
        #expect(try codes(db, "限公").count == 4)
        #expect(try codes(db, "华美物").map { $0 } == ["Ba-渝CQ0001"])
        var latin = sampleCustomer("Cb-粤GZ0003", "ABC贸易行")
        latin.city = "广州"
        let latinID = try db.add(latin, by: testActor)
        #expect(try codes(db, "c贸易") == ["Cb-粤GZ0003"])            // mixed: the spaced line scanned
        #expect(try codes(db, "abc贸") == ["Cb-粤GZ0003"])
        #expect(try codes(db, "abc贸行").isEmpty)                      // its characters, not in this order
        #expect(try codes(db, "c贸易行") == ["Cb-粤GZ0003"])
        #expect(try codes(db, "x贸").isEmpty)
        // The Chinese characters of such a query narrow the lines through the index.
        #expect(SearchText.hanWords("cb-粤gz00粤") == ["粤"])
        #expect(SearchText.hanWords("c贸易行") == ["贸", "易", "行"])
        #expect(SearchText.hanWords("ａ-é（").isEmpty)
        #expect(try codes(db, "ngzhouh") == ["Ca-粤GZ0001"])          // pinyin, by its trigrams
        #expect(try codes(db, "22223") == ["Ca-粤GZ0001"])
        #expect(try codes(db, "xyzzy").isEmpty)
        let before = try #require(try db.customer(id: latinID))
        var renamed = before
        renamed.name = "XYZ贸易行"
        try db.update(customer: before, to: renamed, by: testActor)
        #expect(try codes(db, "abc贸").isEmpty)
        #expect(try codes(db, "xyz贸") == ["Cb-粤GZ0003"])
        _ = try db.merge(customerID: ids["Cb-粤GZ0002"]!, into: ids["Ca-粤GZ0001"]!, by: testActor)
        #expect(try codes(db, "白云").isEmpty)
        // The customers' total, kept by triggers, follows an insert and a merge.
        #expect(try db.customerCount() == db.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM customers") })
        #expect(try db.customerCount() == 5)
        // FTS5's own check of each index against its lines (it fails on any difference).
        guard !TestEngine.isPostgres else { return }
        try db.write { database in
            for table in SearchText.tables {
                try database.execute(sql: "INSERT INTO \(table)Index(\(table)Index, rank) VALUES ('integrity-check', 1)")
            }
        }
        // The check can fail: a line changed behind the index's back is found.
        #expect(throws: (any Error).self) {
            try db.write { database in
                try database.execute(sql: "DROP TRIGGER searchHan_indexUpdate; UPDATE searchHan SET text = '| 深 圳 |'")
                try database.execute(sql: "INSERT INTO searchHanIndex(searchHanIndex, rank) VALUES ('integrity-check', 1)")
            }
        }
    }

    /// An archive from before v16 (unspaced Chinese lines, no indexes, no kept total) is
    /// brought up to it on open: lines spaced, indexes built, the total counted.
    @Test(.disabled(if: TestEngine.isPostgres, "SQLite's own migrations of older files"))
    func anArchiveFromBeforeTheIndexesIsBroughtUpToThem() throws {
        let (db, folder, _, _) = try archive()
        try db.close()
        let raw = try DatabaseQueue(path: folder.file("search.db"))
        try raw.write { db in
            for table in SearchText.tables {
                for trigger in ["Insert", "Delete", "Update"] { try db.execute(sql: "DROP TRIGGER \(table)_index\(trigger)") }
                try db.execute(sql: "DROP TABLE \(table)Index")
            }
            try db.execute(sql: """
                DROP TRIGGER customers_totalInsert; DROP TRIGGER customers_totalDelete; DROP TABLE customerTotal;
                DROP INDEX formerCodes_lower;
                UPDATE searchHan SET text = replace(text, ' ', '');
                DELETE FROM grdb_migrations WHERE identifier = 'v16-search-index';
                PRAGMA user_version = 0;
                """)
            #expect(try String.fetchOne(db, sql: "SELECT text FROM searchHan LIMIT 1")?.contains(" ") == false)
        }
        try raw.close()
        let reopened = try folder.store("search.db")
        #expect(try codes(reopened, "华南") == ["Ca-粤GZ0001", "Cb-粤SZ0001"])
        #expect(try codes(reopened, "司广").isEmpty)
        #expect(try reopened.customerCount() == 5)
        try reopened.write { database in
            for table in SearchText.tables {
                try database.execute(sql: "INSERT INTO \(table)Index(\(table)Index, rank) VALUES ('integrity-check', 1)")
            }
        }
    }

    @Test func theSearchKeysFollowEdits() throws {
        let (db, _, ids, _) = try archive()
        let id = ids["Cb-粤GZ0002"]!
        let before = try #require(try db.customer(id: id))
        var renamed = before
        renamed.name = "佛山白云五金厂"
        try db.update(customer: before, to: renamed, by: testActor)
        #expect(try codes(db, "fsby") == ["Cb-粤GZ0002"])
        #expect(try codes(db, "guangzhoubai").isEmpty)
        var contact = Contact(customerID: id, name: "欧阳明")
        contact.mobile = "186 0000 1111"
        try db.add(contact, by: testActor)
        #expect(try codes(db, "欧阳") == ["Cb-粤GZ0002"])
        // A contact by the pinyin of her name, in full and by initials.
        #expect(try codes(db, "ouyangming") == ["Cb-粤GZ0002"])
        #expect(try codes(db, "oym") == ["Cb-粤GZ0002"])
        #expect(try codes(db, "18600001111") == ["Cb-粤GZ0002"])
    }

    /// Every city of the table reads with the initials the customer code uses.
    @Test func cityNamesReadAsTheCodesSayThem() {
        let wrong = CityDirectory.entries.filter { !$0.isAbroad && $0.prefecture == nil }
            .filter { Pinyin.keys($0.name + "机电有限公司").initials != $0.initials.lowercased() + "jdyxgs" }
            .map { "\($0.name) \($0.initials) → \(Pinyin.keys($0.name).initials)" }
        #expect(wrong.isEmpty, "\(wrong)")
    }
}

/// Pinyin as an import reads it: from the table, and a batch's other new characters at once.
struct PinyinLearningTests {
    /// Foundation's Mandarin transliteration, as `Pinyin` used it before the table: letters
    /// only, lower case, no tones.
    func transliterated(_ text: String) -> String {
        let latin = text.applyingTransform(.mandarinToLatin, reverse: false)?.applyingTransform(.stripDiacritics, reverse: false) ?? ""
        return String(latin.lowercased().unicodeScalars.filter { ("a"..."z").contains($0) || $0 == " " })
    }

    /// The table reads each character as the transliteration reads it alone: a few one at a
    /// time, and blocks across the table in one go (one word a character, as `learn` reads).
    @Test func theTableReadsAsTheTransliterationDoes() {
        for character in ["长", "重", "欧", "阳", "娜", "㐀", "鿿", "鑫", "垚"] {
            #expect(Pinyin.keys(character).full == transliterated(character), "\(character)")
        }
        for start in stride(from: 0x3400, to: 0xA000, by: 0x1000) {
            let characters = (start..<start + 0x100).compactMap { Unicode.Scalar($0) }.map { String($0) }
            let words = transliterated(characters.joined(separator: " ")).split(separator: " ", omittingEmptySubsequences: false)
            #expect(words.count == characters.count)
            for (character, word) in zip(characters, words) where !Pinyin.keys(character).full.isEmpty || !word.isEmpty {
                #expect(Pinyin.keys(character).full == String(word), "\(character) U+\(String(character.unicodeScalars.first!.value, radix: 16))")
            }
        }
    }

    /// Characters beyond the table (CJK Extension B) are read in one go, as each would alone.
    @Test func charactersLearntTogetherReadAsAlone() {
        let characters = (0x20000...0x200FF).compactMap { Unicode.Scalar($0) }.map { String($0) }
        #expect(Pinyin.learn(characters) > 200)
        for character in characters {
            #expect(Pinyin.keys(character).full == Pinyin.reading(Character(character)), "\(character)")
        }
        // The table's own are not read again.
        #expect(Pinyin.learn(["广州华南机电有限公司"]) == 0)
    }
}
