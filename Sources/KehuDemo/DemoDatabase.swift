import Foundation
import GRDB
import KehuStore
import KehuCore

/// What a demo database should hold.
public struct DemoOptions: Sendable {
    public var customers: Int
    public var seed: UInt64
    /// Histories end and follow-ups cluster around this moment.
    public var now: LocalDateTime
    /// The login creating the file becomes its admin, so kehu opens for them at once.
    public var creatorLogin: String

    public init(customers: Int = 2_000, seed: UInt64 = 1, now: LocalDateTime, creatorLogin: String) {
        self.customers = customers; self.seed = seed; self.now = now; self.creatorLogin = creatorLogin
    }
}

public struct DemoSummary: Equatable, Sendable {
    public var teams = 0, users = 0, customers = 0, contacts = 0, cards = 0, activities = 0, orders = 0
}

/// Writes a realistic Chinese sales database: three regional teams, a year of visits,
/// open intent cards at every level around today. Built in a side file and renamed into
/// place, so a half-written demo is never left at the requested path. `progress` hears how
/// much of the whole job is done, in parts of `parts`.
public enum DemoDatabase {
    public static func create(at path: String, options: DemoOptions,
                              progress: ((_ done: Int, _ total: Int) -> Void)? = nil) throws -> DemoSummary {
        // The whole job in parts of a thousand, each step its share of a large demo's time,
        // so a progress line moves to its end with the work, not with the customers alone.
        var partsDone = 0
        func stepDone(_ share: Int) {
            partsDone += share
            progress?(partsDone, Self.parts)
        }
        let fm = FileManager.default
        if fm.fileExists(atPath: path) {
            throw StoreError.cannotOpen(path: path, detail: "a file is already there; kehu will not overwrite it")
        }
        // A write-ahead log left by a database removed without it would be replayed into the
        // new file and damage it: refuse, and leave it for the user to look at.
        for suffix in ["-wal", "-shm"] where fm.fileExists(atPath: path + suffix) {
            throw StoreError.cannotOpen(path: path, detail: "\(path + suffix) is left from an earlier database; remove it first")
        }
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty {
            do { try fm.createDirectory(atPath: folder, withIntermediateDirectories: true) }
            catch { throw StoreError.cannotOpen(path: path, detail: "cannot create folder \(folder)") }
        }
        let partial = path + ".partial"
        for suffix in ["", "-journal", "-wal", "-shm"] { try? fm.removeItem(atPath: partial + suffix) }
        var summary = DemoSummary()
        do {
            KehuDatabase.prepareSQLite()
            let queue = try DatabaseQueue(path: partial)
            try StoreSchema.migrator.migrate(queue)
            // The file is renamed into place only once whole, and removed on any failure: a
            // crash loses nothing, so nothing need wait for the disk. A larger page cache
            // keeps the unique code index's pages at hand as a million codes go in.
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA synchronous = OFF")
                try db.execute(sql: "PRAGMA cache_size = -65536")
                try db.execute(sql: "PRAGMA threads = 2")
            }
            try queue.write { db in
                var generator = Generator(db: db, options: options)
                // Kept by triggers in daily use; for a million rows written at once, filled
                // in one pass at the end.
                for name in StoreSchema.listOrderTriggerNames + StoreSchema.lastContactTriggerNames { try db.execute(sql: "DROP TRIGGER \(name)") }
                // Most indexes take their keys in no order as rows come, each insert a page out
                // of the cache at a million customers; made after the rows, each is one sort.
                // Those whose keys come in order (by customer) grow at their end and are kept.
                let indexes = try Row.fetchAll(db, sql: """
                    SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
                      AND tbl_name IN ('customers', 'contacts', 'activities', 'intentCards', 'customerMembers')
                    """).filter { !Self.keptAsRowsCome.contains($0["name"]) }
                for index in indexes { try db.execute(sql: "DROP INDEX \((index["name"] as String).quotedDatabaseIdentifier)") }
                // The same for the search lines' full-text indexes: their triggers index each
                // line as it is written or edited, and FTS5 writes what it gathered at the end
                // of every statement. Set aside, every line is indexed by one statement at the end.
                let searchTriggers = try Row.fetchAll(db, sql: """
                    SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN (\(SearchText.tables.map { "'\($0)'" }.joined(separator: ", ")))
                    """)
                for trigger in searchTriggers { try db.execute(sql: "DROP TRIGGER \((trigger["name"] as String).quotedDatabaseIdentifier)") }
                summary = try generator.run { done, total in progress?(done * Self.drawingShare / max(1, total), Self.parts) }
                stepDone(Self.drawingShare)
                // What follows reads by these; the others are made once it has written its rows.
                for index in indexes where Self.readBeforeTheEnd.contains(index["name"]) { try db.execute(sql: index["sql"]) }
                stepDone(70)
                var orders = DemoOrders(db: db, today: options.now.date, seed: options.seed)
                try orders.run()
                summary.orders = orders.written
                var contracts = DemoContracts(db: db, now: options.now, seed: options.seed)
                try contracts.run()
                stepDone(110)
                var teamwork = DemoTeamwork(db: db, now: options.now, seed: options.seed)
                try teamwork.run()
                try CodeSerials.backfill(db)
                try db.execute(sql: StoreSchema.listOrderKeys)
                try db.execute(sql: StoreSchema.lastContactKeys)
                stepDone(140)
                for index in indexes where !Self.readBeforeTheEnd.contains(index["name"]) { try db.execute(sql: index["sql"]) }
                for table in SearchText.tables { try db.execute(sql: "INSERT INTO \(table)Index(\(table)Index) VALUES ('rebuild')") }
                for trigger in searchTriggers { try db.execute(sql: trigger["sql"]) }
                stepDone(280)
            }
            // Statistics for the query planner, so the first session is as quick as later ones.
            try queue.writeWithoutTransaction { try $0.execute(sql: "ANALYZE") }
            stepDone(Self.parts - partsDone)
            try queue.close()
            try fm.moveItem(atPath: partial, toPath: path)
        } catch {
            for suffix in ["", "-journal", "-wal", "-shm"] { try? fm.removeItem(atPath: partial + suffix) }
            if let storeError = error as? StoreError { throw storeError }
            throw KehuDatabase.translate(error, path: path)
        }
        return summary
    }

    /// What `progress` counts to, and the customers' share of it (the rest is the steps
    /// after them: orders, teamwork, keys, indexes, statistics).
    public static let parts = 1_000
    public static let drawingShare = 370

    /// Indexes whose keys come in order as the customers are written one after another
    /// (their customer first, or a card's id, or a handler's customers), or that hold few
    /// rows until the end (recent visits not yet checked, those to check again).
    static let keptAsRowsCome: Set<String> = [
        "contacts_customer", "intentCards_customer", "activities_timeline", "activities_card", "activities_unseenComments",
        "activities_unchecked", "activities_recheck",
    ]
    /// Indexes the steps after the customers read by (orders, teamwork, the list order's keys).
    static let readBeforeTheEnd: Set<String> = ["activities_day", "activities_handler"]
}

/// The generator proper: one pass over the customers, drawing everything from one seeded
/// random sequence so a seed always yields the same file.
private struct Generator {
    typealias V = DemoVocabulary
    let db: Database
    let options: DemoOptions
    var rng: SeededRandom
    var summary = DemoSummary()
    var today: LocalDate { options.now.date }

    struct Staff { let id: Int64; let name: String }
    struct TeamStaff { let id: Int64; let region: String; let supervisor: Staff; let sales: [Staff]; let assistant: Staff }
    var teams: [TeamStaff] = []
    var serials: [String: Int] = [:]
    var cardSerial = 0
    /// The ids the next customer, contact and card get (the file is new: nothing else writes them).
    var nextID = DemoRowWriter.IDs()

    init(db: Database, options: DemoOptions) {
        self.db = db
        self.options = options
        self.rng = SeededRandom(seed: options.seed)
    }

    mutating func personName() -> String {
        rng.pick(V.surnames) + rng.pick(V.givenChars) + (rng.chance(70) ? rng.pick(V.givenChars) : "")
    }

    mutating func mobile() -> String {
        let prefix = rng.pick(["138", "139", "136", "137", "150", "151", "158", "186", "188", "135", "177", "199"])
        var digits = prefix
        for _ in 0..<8 { digits += String(rng.int(in: 0...9)) }
        return PhoneNumber(digits)!.description
    }

    mutating func landline(_ city: V.City) -> String {
        var digits = city.areaCode
        let length = city.areaCode.count == 3 ? 8 : 7 + rng.int(in: 0...1)
        digits += String(rng.int(in: 2...8))
        for _ in 1..<length { digits += String(rng.int(in: 0...9)) }
        return PhoneNumber(digits)!.description
    }

    mutating func insertUser(login requested: String, name: String, role: Role, teamID: Int64?, region: String) throws -> Staff {
        // The creator is already the admin; a demo colleague with the same login steps aside.
        let login = role != .admin && requested == options.creatorLogin ? requested + "2" : requested
        try db.execute(sql: "INSERT INTO users(login, displayName, role, teamID, region) VALUES (?, ?, ?, ?, ?)",
                       arguments: [login, name, role.rawValue, teamID, region])
        summary.users += 1
        return Staff(id: db.lastInsertedRowID, name: name)
    }

    mutating func makeStaff() throws {
        _ = try insertUser(login: options.creatorLogin, name: options.creatorLogin, role: .admin, teamID: nil, region: "")
        _ = try insertUser(login: "wangjianguo", name: "王建国", role: .salesManager, teamID: nil, region: "")
        _ = try insertUser(login: "zhoumin", name: "周敏", role: .marketingManager, teamID: nil, region: "")
        _ = try insertUser(login: "chenzong", name: "陈志远", role: .generalManager, teamID: nil, region: "")
        let plan: [(team: String, region: String, supervisor: (String, String), sales: [(String, String)], assistant: (String, String))] = [
            ("华南一组", "华南", ("lizhuguan", "李强"), [("zhangwei", "张伟"), ("liuyang", "刘洋"), ("huangli", "黄丽"), ("chengang", "陈刚")], ("wufang", "吴芳")),
            ("华东一组", "华东", ("xujing", "徐静"), [("sunhao", "孙浩"), ("zhuting", "朱婷"), ("hujun", "胡军"), ("guoxin", "郭欣")], ("heyan", "何燕")),
            ("华北一组", "华北", ("maqiang", "马强"), [("gaofei", "高飞"), ("linna", "林娜"), ("luopeng", "罗鹏"), ("zhengtao", "郑涛")], ("liangyu", "梁宇")),
        ]
        for entry in plan {
            try db.execute(sql: "INSERT INTO teams(name, region) VALUES (?, ?)", arguments: [entry.team, entry.region])
            let teamID = db.lastInsertedRowID
            summary.teams += 1
            let supervisor = try insertUser(login: entry.supervisor.0, name: entry.supervisor.1, role: .supervisor, teamID: teamID, region: entry.region)
            try db.execute(sql: "UPDATE teams SET supervisorID = ? WHERE id = ?", arguments: [supervisor.id, teamID])
            var sales: [Staff] = []
            for person in entry.sales {
                sales.append(try insertUser(login: person.0, name: person.1, role: .salesperson, teamID: teamID, region: entry.region))
            }
            let assistant = try insertUser(login: entry.assistant.0, name: entry.assistant.1, role: .assistant, teamID: teamID, region: entry.region)
            teams.append(TeamStaff(id: teamID, region: entry.region, supervisor: supervisor, sales: sales, assistant: assistant))
        }
    }

    /// The staff, then every customer: drawn here in the seed's order (on a thread of its
    /// own), made ready on the others (keys and search lines), and written in the order drawn.
    mutating func run(progress: ((Int, Int) -> Void)?) throws -> DemoSummary {
        try makeStaff()
        let cityWeights = V.cities.map { ($0, $0.weight) }
        let writer = try DemoRowWriter(db)
        nextID = try writer.nextIDs()
        try handOff(read: { hand in
            for index in 0..<options.customers {
                try hand(drawCustomer(city: rng.weighted(cityWeights)))
                if index % 1_000 == 999 { progress?(index + 1, options.customers) }
            }
        }, prepare: { drawn in drawn.map { $0.madeReady() } }, write: { rows in try writer.write(rows) })
        return summary
    }

    mutating func drawCustomer(city: V.City) -> DemoCustomerRows {
        let status: CustomerStatus = rng.weighted([(.cooperating, 35), (.potential, 50), (.lost, 10), (.invalid, 5)])
        let grade: CustomerGrade
        switch status {
        case .cooperating: grade = rng.weighted([(.vip, 10), (.key, 25), (.general, 60), (.image, 5)])
        case .potential: grade = rng.weighted([(.potentialVIP, 8), (.potentialKey, 20), (.general, 72)])
        case .lost, .invalid: grade = rng.weighted([(.key, 10), (.general, 88), (.image, 2)])
        }
        let team = teams.first { $0.region == city.teamRegion } ?? teams[0]
        // Some prospects sit unowned in the team's pool.
        let owner: Staff? = status == .potential && rng.chance(10) ? nil : rng.pick(team.sales)
        let serialKey = CustomerCode.cityPrefix(city.place)
        let serial = (serials[serialKey] ?? 0) + 1
        serials[serialKey] = serial
        let code = CustomerCode.make(grade: grade, status: status, city: city.place, serial: serial)
        let trade = rng.pick(V.tradeNames)
        let industry = rng.pick(V.industries)
        let name = city.name + trade + industry + rng.weighted(V.suffixes)
        let type: CustomerType = rng.weighted([(.dealer, 30), (.directUser, 30), (.oem, 15), (.commercial, 10), (.government, 5), (.industrial, 8), (.other, 2)])
        let createdDay = today.adding(days: -rng.int(in: 60...1_500))
        let created = LocalDateTime(date: createdDay, hour: rng.int(in: 9...17), minute: rng.int(in: 0...59))!
        let web = "www.\(city.place.initials.lowercased())\(trade.unicodeScalars.first!.value % 997)\(serial).com.cn"
        var lastOrder: LocalDate?
        // Most ordered recently; some sit in the churn warning window, a few just past
        // six months, so the first start shows both rules at work.
        if status == .cooperating {
            lastOrder = today.adding(days: -(rng.chance(3) ? rng.int(in: 184...190) : rng.int(in: 3...175)))
        }
        if status == .lost { lastOrder = today.adding(days: -rng.int(in: 185...600)) }
        let phone = landline(city)
        let customerID = nextID.customer
        nextID.customer += 1
        var rows = DemoCustomerRows(id: customerID, name: name, city: city.name, province: city.place.province, phone: phone, values: rowValues([
            customerID, code, name,
            "\(city.name)市\(rng.pick(V.districts))\(rng.pick(V.roads))\(rng.int(in: 1...388))号",
            city.postalPrefix + zeroPadded(rng.int(in: 0...999), 3),
            phone, rng.chance(40) ? landline(city) : "", rng.chance(70) ? web : "",
            rng.chance(60) ? "sales@" + web.dropFirst(4) : "", industry,
            personName(), [50, 100, 200, 300, 500, 1000, 2000, 5000][rng.int(in: 0...7)],
            industry + "产品", rng.int(in: 1...30), rng.pick(V.conditions),
            type.rawValue, type == .other ? "科研院所" : "",
            grade.rawValue, rng.pick(CreditLevel.allCases).rawValue,
            "主要供应商 \(rng.int(in: 2...6)) 家，我司占比约 \(rng.int(in: 1...6) * 10)%",
            rng.pick(CustomerSource.allCases).rawValue, status.rawValue, city.place.province, city.name,
            owner?.id, team.id, team.region, created.description, created.description,
            lastOrder?.description, rng.chance(20) ? "年底有扩产计划" : "",
            owner == nil || status != .potential ? nil : created.date.description]))
        summary.customers += 1

        for n in 0..<rng.int(in: 1...3) {
            let position = rng.pick(V.positions)
            let contactName = personName()
            // Birthdays spread over the year, as people's do.
            let birthday = rng.chance(50) ? LocalDate(dayNumber: today.dayNumber - 365 * rng.int(in: 25...55) - rng.int(in: 0...364)) : nil
            let contactID = nextID.contact
            nextID.contact += 1
            let mobile = mobile()
            let contactPhone = rng.chance(30) ? phone : ""
            rows.contacts.append(.init(id: contactID, name: contactName, mobile: mobile, phone: contactPhone, values: rowValues([
                contactID, customerID, contactName, position.1, position.0, mobile, contactPhone, "",
                rng.chance(55) ? "male" : "female", birthday?.description, n == 0 && (position.0 == "总经理" || rng.chance(40))])))
            summary.contacts += 1
        }
        // Some customers are worked by two salespeople: the second is attached.
        if let owner, rng.chance(5) {
            rows.partnerID = rng.pick(team.sales.filter { $0.id != owner.id }).id
        }
        drawHistory(&rows, status: status, owner: owner ?? rng.pick(team.sales), team: team)
        return rows
    }

    mutating func drawHistory(_ rows: inout DemoCustomerRows, status: CustomerStatus, owner: Staff, team: TeamStaff) {
        let customerID = rows.id
        let count: Int
        switch status {
        case .cooperating: count = rng.int(in: 6...18)
        case .potential: count = rng.int(in: 2...12)
        case .lost: count = rng.int(in: 3...9)
        case .invalid: count = rng.int(in: 1...2)
        }
        // An open card for most prospects; its due date falls around today, some overdue.
        var card: (id: Int64, level: IntentLevel, next: LocalDate)?
        // Prospects without a card are followed up within the pool's 30 days; a few sit at
        // the edge, so the warning and tomorrow's drop show on the first day.
        var lastDay = status == .potential ? today.adding(days: -(rng.chance(6) ? rng.int(in: 26...29) : rng.int(in: 1...25)))
                                           : today.adding(days: -rng.int(in: 1...60))
        let contact = rows.contacts[0].name
        if status == .potential, rng.chance(75) {
            let level: IntentLevel = rng.weighted([(.h, 6), (.a, 22), (.b, 34), (.c, 38)])
            let cadence = level.defaultCadenceDays
            // A C card falls due when its prospect would drop to the pool (both 30 days), so
            // C cards are due from tomorrow on; the others may be late.
            let next = today.adding(days: level == .h ? rng.int(in: -4...1) : level == .c ? rng.int(in: 1...cadence) : rng.int(in: -12...cadence))
            lastDay = min(next.adding(days: -cadence), options.now.hour >= 10 ? today : today.adding(days: -1))
            cardSerial += 1
            let created = lastDay.adding(days: -rng.int(in: count * 5...count * 20))
            let cardID = nextID.card
            nextID.card += 1
            var values = rowValues([
                cardID, customerID, "YX\(created.year)\(pad4(cardSerial % 10_000))-\(cardSerial)", created.description,
                rng.pick(LeadSource.allCases).rawValue, owner.id, contact,
                rng.chance(60) ? "male" : "female", rng.int(in: 28...58)])
            let phone = mobile()
            let occupation = rng.pick(V.occupations), callback = rng.pick(["上午", "下午", "晚上 7 点后", "工作日"])
            let product = rng.pick(V.products), model = "\(rng.pick(["X", "K", "M"]))-\(rng.int(in: 1...9))00"
            values += rowValues([phone, occupation, callback, product, model,
                       rng.pick(PurchaseType.allCases).rawValue,
                       [rng.pick(V.focusPoints), rng.pick(V.focusPoints)].joined(separator: "、"),
                       rng.pick(V.competitors), rng.int(in: 5...80) * 10_000, rng.pick(V.payments),
                       level.rawValue, next.description, rng.chance(5) ? CardState.defeatPending.rawValue : CardState.open.rawValue])
            rows.card = .init(open: true, phone: phone, product: product, model: model, values: values)
            card = (cardID, level, next)
            summary.cards += 1
        } else if status == .cooperating, rng.chance(40) {
            cardSerial += 1
            // The card's number carries the year it was made in, as the lead's cards do.
            let created = today.adding(days: -rng.int(in: 200...400))
            let cardID = nextID.card
            nextID.card += 1
            let product = rng.pick(V.products)
            rows.card = .init(open: false, phone: "", product: product, model: "", values: rowValues([
                cardID, customerID, "YX\(created.year)\(pad4(cardSerial % 10_000))-\(cardSerial)",
                created.description, LeadSource.callIn.rawValue, owner.id, contact, product, PurchaseType.new.rawValue,
                IntentLevel.h.rawValue, CardState.won.rawValue, today.adding(days: -rng.int(in: 30...190)).description]))
            summary.cards += 1
        }

        // Visit days: spread over the past year, ending on lastDay.
        var days = (1..<count).map { _ in lastDay.adding(days: -rng.int(in: 1...330)) }
        days.append(lastDay)
        days.sort()
        let levels = IntentLevel.allCases.reversed()   // C, B, A, H: interest grows over the visits
        for (index, day) in days.enumerated() {
            let isLast = index == days.count - 1
            let method: ContactMethod = rng.weighted([(.phone, 50), (.onSite, 20), (.walkIn, 8), (.message, 15), (.techSupport, 7)])
            let hour = day == today ? rng.int(in: 8...max(8, options.now.hour - 1)) : rng.int(in: 8...19)
            let at = LocalDateTime(date: day, hour: hour, minute: rng.int(in: 0...59))!
            let handler = rng.chance(88) ? owner : (rng.chance(50) ? team.assistant : team.supervisor)
            let contactID = rows.contacts[rng.int(in: 0...(rows.contacts.count - 1))].id
            var content = visitContent()
            if rng.chance(30) { content += "。" + visitContent() }
            var level: IntentLevel?
            var next: LocalDate?
            var bottleneck = ""
            var impression = ""
            var comment: (String, Int64, String)?
            if let card {
                let progress = min(levels.count - 1, index * levels.count / max(1, days.count))
                let drawn = Array(levels)[progress]
                level = isLast ? card.level : max(drawn, card.level) == card.level ? drawn : card.level
                next = isLast ? card.next : days[index + 1]
                bottleneck = rng.pick(V.bottlenecks)
                impression = rng.pick(V.impressions)
                // Evenings past were checked; a few of yesterday's still wait (carried over).
                if day < today.adding(days: -1) || (day < today && rng.chance(80)) {
                    comment = (rng.pick(V.comments), team.supervisor.id, "\(day) 18:\(pad2(rng.int(in: 0...59)))")
                }
            }
            rows.visits.append(rowValues([customerID, card?.id, index + 1, method.rawValue, at.description, handler.id,
                                          contactID, content, level?.rawValue, impression, bottleneck, next?.description,
                                          comment?.0, comment?.1, comment?.2]))
            summary.activities += 1
        }
    }

    /// One of the usual things a visit records, naming a competitor where it speaks of one.
    /// (Foundation's `replacingOccurrences` was a quarter of the time spent drawing rows.)
    mutating func visitContent() -> String {
        let parts = rng.pick(V.contentParts)
        return parts.joined(separator: rng.pick(V.competitors))
    }

    func pad4(_ n: Int) -> String { zeroPadded(n, 4) }
    func pad2(_ n: Int) -> String { zeroPadded(n, 2) }
}
