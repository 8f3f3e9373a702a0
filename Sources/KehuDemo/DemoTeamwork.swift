import Foundation
import GRDB
import KehuCore
import KehuStore

/// What a team's evenings and weekly summaries leave in a demo archive, so every such
/// screen has something on the first start: leads the assistants judged effective or not
/// this week and last, follow-ups and a defeat the supervisors marked doubtful, defeats
/// returned with a reason and not yet followed up. A random sequence of its own, so the
/// rest of a seed's data stays as it was.
struct DemoTeamwork {
    let db: Database
    let now: LocalDateTime
    var rng: SeededRandom

    init(db: Database, now: LocalDateTime, seed: UInt64) {
        self.db = db
        self.now = now
        rng = SeededRandom(seed: seed &* 0x2545_F491_4F6C_DD1D &+ 0x17)
    }

    static let effectiveNotes = ["有明确采购计划", "决策人已接触", "预算已批", "", "下月招标"]
    static let ineffectiveNotes = ["空号", "不需要此类产品", "个人咨询，非企业客户", "同行询价"]
    static let doubtfulComments = ["通话记录里查不到这个电话", "内容与上次完全相同"]

    mutating func run() throws {
        try judgeLeads()
        try markDoubtful()
        try returnDefeats()
        try correctFollowUps()
        try fillCards()
        try archiveFields()
        try mergeDuplicate()
    }

    /// One customer typed in twice — a salesperson's call two months ago under the short
    /// name, with another contact — merged by the team's supervisor last week: the card
    /// shows the duplicate's code among the former codes, its contact and call, and the
    /// history says where it went.
    mutating func mergeDuplicate() throws {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT c.id, c.code, c.name, c.phone, c.ownerID, c.teamID, c.region, c.province, c.city, t.supervisorID, s.login AS supervisor
            FROM customers c JOIN teams t ON t.id = c.teamID JOIN users s ON s.id = t.supervisorID
            WHERE c.status = 'a' AND c.ownerID IS NOT NULL AND c.name LIKE '%有限公司' ORDER BY c.id LIMIT 1
            """), let parts = CustomerCode.parse(row["code"]) else { return }
        let prefix = parts.prefix
        let serial = try String.fetchAll(db, sql: "SELECT code FROM customers WHERE substr(code, 4, ?) = ? UNION SELECT code FROM formerCodes",
                                         arguments: [prefix.count, prefix])
            .compactMap(CustomerCode.parse).filter { $0.prefix == prefix }.map(\.serial).max() ?? 0
        let name: String = row["name"]
        let created = LocalDateTime(date: now.date.adding(days: -60), hour: 10, minute: 12)!
        try db.execute(sql: """
            INSERT INTO customers(code, name, phone, type, grade, source, status, province, city, ownerID, teamID, region, createdAt, updatedAt)
            VALUES (?, ?, ?, 'other', 'general', 'phoneSales', 'b', ?, ?, ?, ?, ?, ?, ?)
            """, arguments: ["Cb-" + prefix + CustomerCode.serialText(serial + 1), String(name.dropLast(4)), row["phone"] as String,
                             row["province"] as String, row["city"] as String, row["ownerID"] as Int64, row["teamID"] as Int64?,
                             row["region"] as String, created.description, created.description])
        let duplicateID = db.lastInsertedRowID
        let mobile = "139 0228 1166"
        try db.execute(sql: "INSERT INTO contacts(customerID, name, position, mobile, mobileDigits) VALUES (?, '周建华', '设备科', ?, ?)",
                       arguments: [duplicateID, mobile, DuplicateKeys.phone(mobile)])
        try db.execute(sql: """
            INSERT INTO activities(customerID, visitNumber, method, occurredAt, handlerID, content) VALUES (?, 1, 'phone', ?, ?, ?)
            """, arguments: [duplicateID, created.description, row["ownerID"] as Int64, "来电询价，问二期设备的交期"])
        let supervisor: String = row["supervisor"]
        let lastWeek = LocalDateTime(date: now.date.adding(days: -6), hour: 17, minute: 40)!
        try KehuDatabase.mergeRecords(StoreConnection(sqlite: db), duplicateID: duplicateID, into: row["id"], actor: Actor(login: supervisor, clock: FixedClock(lastWeek)))
    }

    static let invalidReasons = ["只做贸易，不需要设备", "个人咨询，非企业客户", "已停业", "不在服务区域"]
    static let natures = ["国有企业", "民营企业", "外资企业", "个体工商户"]

    /// Invalid customers say why; most say what kind of company they are; VIP customers
    /// have a credit line (000 §7.1.5).
    mutating func archiveFields() throws {
        for id in try Int64.fetchAll(db, sql: "SELECT id FROM customers WHERE status = 'd' ORDER BY id") {
            try db.cachedStatement(sql: "UPDATE customers SET invalidReason = ? WHERE id = ?").execute(arguments: [rng.pick(Self.invalidReasons), id])
        }
        for row in try Row.fetchAll(db, sql: "SELECT id, grade FROM customers ORDER BY id") where rng.chance(70) {
            let credit: Int? = (row["grade"] as String) == "vip" ? rng.int(in: 5...50) * 100_000 : nil
            try db.cachedStatement(sql: "UPDATE customers SET nature = ?, creditLineYuan = ? WHERE id = ?")
                .execute(arguments: [rng.pick(Self.natures), credit, row["id"] as Int64])
        }
    }

    static let occupations = ["设备科长", "采购经理", "厂长", "技术主管", "总经理助理"]
    static let residences = ["天河区", "南山区", "顺德区", "浦东新区", "海淀区"]
    static let callbacks = ["工作日上午", "下午三点后", "周末", "晚上七点后"]
    static let situations = ["国企，预算每年三月批", "民营厂，老板说了算", "外资，需总部审批", "扩产中，资金充足"]
    static let favourables = ["老板认可我们的售后", "用过我们的老型号", "离我们服务站近"]
    static let unfavourables = ["竞品便宜 8%", "决策人倾向老供应商", "交期要求紧"]
    static let resources = ["技术员上门演示", "经理拜访", "样机试用一周"]
    static let objections = ["交期太长！", "价格偏高", "担心售后响应"]

    /// "09:05", as the register stores times.
    func arrival(_ hour: Int, _ minutes: String) -> String { (hour < 10 ? "0" : "") + "\(hour):\(minutes)" }

    /// About one open card in six filled in whole, as a careful salesperson does: the
    /// person, the need, the analysis and the score — the card pane and form show all of it.
    mutating func fillCards() throws {
        let cards = try Row.fetchAll(db, sql: "SELECT id, customerID, level FROM intentCards WHERE state IN ('open', 'defeatPending') ORDER BY id")
        for row in cards where rng.chance(16) {
            let level = IntentLevel(rawValue: row["level"]) ?? .c
            let score: Int
            switch level {
            case .h, .a: score = rng.int(in: 90...98)
            case .b: score = rng.int(in: 70...89)
            case .c: score = rng.int(in: 60...69)
            }
            let values: [(any DatabaseValueConvertible)?] = [
                rng.chance(70) ? "male" : "female", rng.int(in: 28...58), rng.pick(Self.occupations), rng.pick(Self.residences),
                rng.pick(Self.callbacks), "老式设备两台", "车间主任", "扩产", rng.pick(Self.situations),
                "CK\(rng.int(in: 40...80))\(rng.pick(["50", "63", "80"]))", rng.pick(["灰白", "蓝色", "银色"]),
                rng.pick(["精度、售后", "交期、价格", "操控性、经济性"]), "操作简单", rng.pick(DemoVocabulary.competitors),
                rng.int(in: 10...60) * 10_000, rng.pick(["一次付清", "分三期", "银行承兑"]), rng.pick(Self.favourables),
                rng.pick(Self.unfavourables), rng.pick(Self.resources), rng.pick(Self.objections), score,
                rng.int(in: 0...3), arrival(rng.int(in: 9...15), rng.pick(["05", "20", "40"])), "\(rng.int(in: 16...17)):\(rng.pick(["00", "30"]))",
                rng.chance(50), rng.pick(["送报价单", "约技术交流", "确认预算"]), row["id"] as Int64]
            try db.cachedStatement(sql: """
                UPDATE intentCards SET gender = ?, age = ?, occupation = ?, residence = ?, bestCallbackTime = ?, currentProduct = ?,
                  mainUser = ?, purpose = ?, situation = ?, model = ?, colour = ?, focusPoints = ?, likedPoints = ?, comparedProducts = ?,
                  budgetYuan = ?, paymentMethod = ?, favourable = ?, unfavourable = ?, resourcesNeeded = ?, objections = ?, intentScore = ?,
                  companions = ?, arrivedAt = ?, leftAt = ?, trialGiven = ?, callbackPurpose = ?
                WHERE id = ?
                """).execute(arguments: StatementArguments(values))
            // The model is in the search lines.
            try SearchText.refresh(db, customerID: row["customerID"])
        }
    }

    /// Per team, yesterday's first signed follow-up corrected this morning by its author
    /// (the level was judged too high): back in tonight's evening queue, the original kept.
    mutating func correctFollowUps() throws {
        let yesterday = now.date.adding(days: -1)
        let rows = try Row.fetchAll(db, sql: """
            SELECT MIN(a.id) AS id FROM activities a JOIN users u ON u.id = a.handlerID
            WHERE a.occurredAt >= ? AND a.occurredAt < ? AND a.supervisorComment IS NOT NULL AND a.levelJudged IS NOT NULL
            GROUP BY u.teamID
            """, arguments: [yesterday.description, now.date.description])
        let morning = min(now, LocalDateTime(date: now.date, hour: 8, minute: 50)!)
        for row in rows {
            guard let id: Int64 = row["id"],
                  let activity = try StoreRow.fetchOne(StoreConnection(sqlite: db), sql: "SELECT * FROM activities WHERE id = ?", arguments: [id]).map(Activity.init(row:))
            else { continue }
            let before = ActivityFields(activity)
            let lower: IntentLevel = activity.levelJudged == .h ? .a : activity.levelJudged == .a ? .b : .c
            try db.execute(sql: """
                INSERT INTO activityCorrections(activityID, correctedAt, correctedByID, reason, before, afterSignature) VALUES (?, ?, ?, ?, ?, 1)
                """, arguments: [id, morning.description, activity.handlerID, "级别判定过高，客户还在比较",
                                 String(decoding: try JSONEncoder().encode(before), as: UTF8.self)])
            try db.execute(sql: "UPDATE activities SET levelJudged = ?, correctedAt = ?, correctedByID = ?, recheck = 1 WHERE id = ?",
                           arguments: [lower.rawValue, morning.description, activity.handlerID, id])
        }
    }

    /// Prospects called in the last two weeks, most of them judged by their team's
    /// assistant the evening of the call (000 §3.4: the calls' effective prospects are
    /// summed up each week).
    mutating func judgeLeads() throws {
        let since = now.date.weekStart.adding(days: -7).description
        let leads = try Row.fetchAll(db, sql: """
            SELECT c.id, MAX(a.occurredAt) AS lastCall, u.id AS assistantID FROM activities a INDEXED BY activities_day
            JOIN customers c ON c.id = a.customerID
            JOIN users u ON u.teamID = c.teamID AND u.role = 'assistant'
            WHERE c.status = 'b' AND a.occurredAt >= ? AND a.occurredAt < ?
            GROUP BY c.id ORDER BY c.id
            """, arguments: [since, now.date.description])
        for row in leads where rng.chance(60) {
            guard let call = LocalDateTime(column: row["lastCall"]) else { continue }
            let effective = rng.chance(75)
            let judged = LocalDateTime(date: call.date, hour: 17, minute: rng.int(in: 30...59))!
            try db.cachedStatement(sql: "INSERT INTO leadVerdicts(customerID, effective, note, judgedByID, judgedAt) VALUES (?, ?, ?, ?, ?)")
                .execute(arguments: [row["id"] as Int64, effective, effective ? rng.pick(Self.effectiveNotes) : rng.pick(Self.ineffectiveNotes),
                                     row["assistantID"] as Int64, max(call, judged).description])
        }
    }

    /// A few signed follow-ups of the past week doubted by the supervisor, and one pending
    /// defeat per team.
    mutating func markDoubtful() throws {
        let signed = try Int64.fetchAll(db, sql: """
            SELECT id FROM activities WHERE occurredAt >= ? AND occurredAt < ? AND supervisorComment IS NOT NULL ORDER BY id
            """, arguments: [now.date.adding(days: -7).description, now.date.description])
        for id in signed where rng.chance(5) {
            try db.cachedStatement(sql: "UPDATE activities SET doubtful = 1, supervisorComment = ? WHERE id = ?")
                .execute(arguments: [rng.pick(Self.doubtfulComments), id])
        }
        try db.execute(sql: """
            UPDATE intentCards SET defeatDoubtful = 1 WHERE id IN (
              SELECT MIN(k.id) FROM intentCards k JOIN customers c ON c.id = k.customerID WHERE k.state = 'defeatPending' GROUP BY c.teamID)
            """)
    }

    /// Per team, one defeat application returned yesterday evening with the supervisor's
    /// reason: in its owner's Today until they follow it up.
    mutating func returnDefeats() throws {
        let cards = try Int64.fetchAll(db, sql: """
            SELECT MAX(k.id) FROM intentCards k JOIN customers c ON c.id = k.customerID WHERE k.state = 'defeatPending' GROUP BY c.teamID
            """)
        let yesterday = LocalDateTime(date: now.date.adding(days: -1), hour: 18, minute: 20)!
        for id in cards {
            try db.execute(sql: """
                UPDATE intentCards SET state = 'open', defeatDecisionNote = ?, defeatReturnedAt = ?, defeatDoubtful = 0 WHERE id = ?
                """, arguments: ["竞品报价没有核实，先约技术交流再说", yesterday.description, id])
        }
    }
}
