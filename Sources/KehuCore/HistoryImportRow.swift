/// One line of an imported sheet of contacts, visit history or intent cards, read against
/// the customer it belongs to (by code, else by name), or the reasons it cannot be.
public struct HistoryImportRow: Sendable {
    public enum Kind: String, Sendable { case contacts, activities, cards }

    public let line: Int
    public let fields: [String]
    /// How the row names its customer.
    public var customerCode = ""
    public var customerName = ""
    public var contact: Contact?
    /// For visits: what happened, when, how, by whom (a display name or login, kept as
    /// the visit's handler, not the importer) and with whom.
    public var occurredAt: LocalDateTime?
    public var method: ContactMethod = .phone
    public var handlerName = ""
    public var contactName = ""
    public var content = ""
    public var level: IntentLevel?
    public var impression = ""
    public var bottleneckPlan = ""
    public var nextVisitOn: LocalDate?
    /// The number the visit had (拜访次数), kept when the customer has no visit by it yet.
    public var visitNumber: Int?
    /// A supervisor's signed comment on the visit: its words, who signed (a display name
    /// or login, like the handler) and when.
    public var comment: (text: String, signer: String, at: LocalDateTime?)?
    /// For visits: the number of the intent card the visit belongs to.
    public var cardNumber = ""
    /// For cards: the card (its customer and filler found on import), and who filled it
    /// in (a display name or login).
    public var card: IntentCard?
    public var filledByName = ""
    public var problems: [CustomerImportRow.Problem] = []

    static let headers: [String: String] = [
        "客户编码": "code", "客户代码": "code", "编码": "code", "code": "code", "customercode": "code",
        "单位名称": "customer", "客户名称": "customer", "公司名称": "customer", "customer": "customer", "company": "customer",
        "姓名": "name", "联系人": "name", "name": "name", "contact": "name", "部门": "department", "department": "department",
        "职务": "position", "position": "position", "title": "position", "手机": "mobile", "mobile": "mobile", "电话": "phone",
        "phone": "phone", "邮箱": "email", "email": "email", "性别": "gender", "gender": "gender", "生日": "birthday",
        "birthday": "birthday", "决策人": "decisionMaker", "decisionmaker": "decisionMaker", "备注": "notes", "notes": "notes",
        "日期": "date", "时间": "date", "拜访日期": "date", "拜访时间": "date", "date": "date", "方式": "method", "拜访方式": "method",
        "method": "method", "经办人": "handler", "handler": "handler", "业务员": "handler", "内容": "content", "洽谈内容": "content",
        "具体情况": "content", "content": "content", "级别": "level", "级别判定": "level", "level": "level",
        "下次访问": "next", "下次访问时间": "next", "next": "next",
        // What kehu's own export writes, in either language.
        "名称": "name", "customername": "customer", "occurredat": "date", "isdecisionmaker": "decisionMaker",
        "leveljudged": "level", "nextvisiton": "next", "洽谈印象": "impression", "印象": "impression", "impression": "impression",
        "瓶颈分析及跟踪方案": "bottleneck", "瓶颈方案": "bottleneck", "bottleneckplan": "bottleneck",
        "拜访次数": "visitNumber", "第几次": "visitNumber", "visitnumber": "visitNumber", "主管批示": "comment", "批示": "comment",
        "supervisorcomment": "comment", "批示人": "signer", "commentsigner": "signer", "批示时间": "commentAt", "commentat": "commentAt",
        "意向卡号": "cardNumber", "cardnumber": "cardNumber",
        // The intent card (意向客户管理卡), as kehu's export heads it in either language.
        "卡号": "number", "number": "number", "建卡日期": "createdOn", "createdon": "createdOn", "信息来源": "cardSource",
        "cardsource": "cardSource", "填卡人": "filledBy", "filledby": "filledBy", "卡状态": "state", "state": "state",
        "意向级别": "level", "意向度": "intentScore", "intentscore": "intentScore", "顾客姓名": "personName", "personname": "personName",
        "年龄": "age", "age": "age", "职业": "occupation", "occupation": "occupation", "居住区域": "residence", "residence": "residence",
        "方便回访时间": "bestCallbackTime", "bestcallbacktime": "bestCallbackTime", "现有产品": "currentProduct",
        "currentproduct": "currentProduct", "主要使用者": "mainUser", "mainuser": "mainUser", "用途": "purpose", "purpose": "purpose",
        "基本情况": "situation", "situation": "situation", "意向产品": "product", "product": "product", "型号": "model", "model": "model",
        "颜色": "colour", "colour": "colour", "购买类型": "purchaseType", "purchasetype": "purchaseType", "关注点": "focusPoints",
        "focuspoints": "focusPoints", "中意点": "likedPoints", "likedpoints": "likedPoints", "对比产品": "comparedProducts",
        "comparedproducts": "comparedProducts", "预算(元)": "budgetYuan", "预算": "budgetYuan", "budgetyuan": "budgetYuan",
        "付款方式": "paymentMethod", "paymentmethod": "paymentMethod", "有利因素": "favourable", "favourable": "favourable",
        "不利因素": "unfavourable", "unfavourable": "unfavourable", "所需资源": "resourcesNeeded", "resourcesneeded": "resourcesNeeded",
        "主要异议": "objections", "objections": "objections", "同行人数": "companions", "companions": "companions",
        "到店时间": "arrivedAt", "arrivedat": "arrivedAt", "离店时间": "leftAt", "leftat": "leftAt", "试用": "trialGiven",
        "trialgiven": "trialGiven", "回访目的": "callbackPurpose", "callbackpurpose": "callbackPurpose",
        "下次访问时刻": "nextVisitTime", "nextvisittime": "nextVisitTime", "结束日期": "closedOn", "closedon": "closedOn",
        "结束原因": "closeReason", "closereason": "closeReason", "所购产品": "chosenProduct", "chosenproduct": "chosenProduct",
        "成交价(元)": "chosenPriceYuan", "chosenpriceyuan": "chosenPriceYuan", "竞争对手": "competitor", "competitor": "competitor",
    ]

    /// Whether kehu reads a column with this header in a contacts or visits sheet.
    public static func isKnownHeader(_ header: String) -> Bool { headers[ImportMapping.key(header)] != nil }

    public static func isNotesHeader(_ header: String) -> Bool { headers[ImportMapping.key(header)] == "notes" }

    /// Whether a header names the customer (by code or name): a header row has one.
    public static func namesCustomer(_ header: String) -> Bool {
        ["code", "customer"].contains(headers[ImportMapping.key(header)] ?? "")
    }

    public init(kind: Kind, line: Int, fields: [String], headers: [String]) {
        self.line = line
        self.fields = fields
        var values: [String: (header: String, value: String)] = [:]
        for (index, header) in headers.enumerated() where index < fields.count {
            guard let key = Self.headers[ImportMapping.key(header)] else { continue }
            // In a contacts sheet 联系人 is the person; in a visit sheet, who was met; on a
            // card, the person the card is about.
            let field = key == "name" ? (kind == .activities ? "contactName" : kind == .cards ? "personName" : key) : key
            if values[field] == nil || values[field]!.value.isEmpty {
                // Kept exactly as given; fields whose meaning needs it are normalised below.
                values[field] = (ImportMapping.columnName(header, at: index), fields[index].trimmingWhitespace())
            }
        }
        func text(_ key: String) -> String { values[key]?.value ?? "" }
        /// Codes and coded answers (性别, 决策人, 方式, 级别) mean the same in either width.
        func code(_ key: String) -> String { Normalization.halfWidth(text(key)) }
        func column(_ key: String, _ fallback: String) -> String { values[key]?.header ?? fallback }
        customerCode = code("code")
        customerName = text("customer")
        if customerCode.isEmpty, customerName.isEmpty { problems.append(.missing(column: column("customer", "单位名称"))) }
        switch kind {
        case .contacts:
            var person = Contact(customerID: 0, name: text("name"))
            if person.name.isEmpty { problems.append(.missing(column: column("name", "姓名"))) }
            person.department = text("department")
            person.position = text("position")
            for (key, keyPath) in [("mobile", \Contact.mobile), ("phone", \Contact.phone)] where !text(key).isEmpty {
                if let number = PhoneNumber(text(key)) { person[keyPath: keyPath] = number.description }
                else { problems.append(.unreadable(column: column(key, key), value: text(key))) }
            }
            person.email = code("email")
            if !person.email.isEmpty, !EmailAddress.isValid(person.email) { problems.append(.unreadable(column: column("email", "email"), value: person.email)) }
            switch code("gender") {
            case "": break
            case "男", "m", "male", "M": person.gender = .male
            case "女", "f", "female", "F": person.gender = .female
            default: problems.append(.unreadable(column: column("gender", "性别"), value: text("gender")))
            }
            if !text("birthday").isEmpty {
                if let day = DateParsing.birthday(text("birthday")) ?? ImportValues.date(text("birthday")) { person.birthday = day }
                else { problems.append(.unreadable(column: column("birthday", "生日"), value: text("birthday"))) }
            }
            person.isDecisionMaker = ["是", "y", "yes", "1", "决策人", "true"].contains(code("decisionMaker").lowercased())
            person.notes = text("notes")
            contact = person
        case .activities:
            let when = text("date")
            if let moment = DateParsing.dateTime(when) ?? ImportValues.date(when).flatMap({ LocalDateTime(date: $0, hour: 9, minute: 0) }) {
                occurredAt = moment
            } else {
                problems.append(when.isEmpty ? .missing(column: column("date", "日期")) : .unreadable(column: column("date", "日期"), value: when))
            }
            let methods: [String: ContactMethod] = ["电话": .phone, "来电": .phone, "phone": .phone, "上门": .onSite, "拜访": .onSite,
                                                    "onsite": .onSite, "来店": .walkIn, "walkin": .walkIn, "消息": .message, "微信": .message,
                                                    "邮件": .message, "短信": .message, "message": .message, "技术支持": .techSupport,
                                                    "techsupport": .techSupport, "技术": .techSupport, "call": .phone,
                                                    "visit": .onSite, "walk": .walkIn, "msg": .message, "tech": .techSupport, "": .phone]
            if let method = methods[code("method").lowercased()] { self.method = method }
            else { problems.append(.unreadable(column: column("method", "方式"), value: text("method"))) }
            handlerName = text("handler")
            if handlerName.isEmpty { problems.append(.missing(column: column("handler", "经办人"))) }
            contactName = text("contactName")
            content = text("content")
            impression = text("impression")
            bottleneckPlan = text("bottleneck")
            if !text("visitNumber").isEmpty {
                if let number = Int(code("visitNumber")), number > 0 { visitNumber = number }
                else { problems.append(.unreadable(column: column("visitNumber", "拜访次数"), value: text("visitNumber"))) }
            }
            if !text("comment").isEmpty {
                let at = code("commentAt")
                let signedAt = at.isEmpty ? nil : DateParsing.dateTime(at)
                if !at.isEmpty, signedAt == nil { problems.append(.unreadable(column: column("commentAt", "批示时间"), value: at)) }
                if text("signer").isEmpty { problems.append(.missing(column: column("signer", "批示人"))) }
                comment = (text("comment"), text("signer"), signedAt)
            }
            if content.isEmpty { problems.append(.missing(column: column("content", "内容"))) }
            if !text("level").isEmpty {
                if let level = IntentLevel(rawValue: code("level").uppercased()) { self.level = level }
                else { problems.append(.unreadable(column: column("level", "级别"), value: text("level"))) }
            }
            if !text("next").isEmpty {
                if let day = ImportValues.date(text("next")) { nextVisitOn = day }
                else { problems.append(.unreadable(column: column("next", "下次访问"), value: text("next"))) }
            }
            cardNumber = code("cardNumber")
        case .cards:
            readCard(text: text, code: code, column: column)
        }
    }

    /// A card row: every field of the paper card, its register, and how it ended. Coded
    /// values are read in either language (来店/walk-in, 新购/new, 成交/won); numbers and
    /// dates as offices write them.
    private mutating func readCard(text: (String) -> String, code: (String) -> String, column: (String, String) -> String) {
        filledByName = text("filledBy")
        if filledByName.isEmpty { problems.append(.missing(column: column("filledBy", "填卡人"))) }
        var createdOn = LocalDate(dayNumber: 0)
        if let day = ImportValues.date(text("createdOn")) { createdOn = day }
        else { problems.append(text("createdOn").isEmpty ? .missing(column: column("createdOn", "建卡日期"))
                                                         : .unreadable(column: column("createdOn", "建卡日期"), value: text("createdOn"))) }
        func coded<T>(_ key: String, _ header: String, _ names: [String: T], default fallback: T) -> T {
            let word = code(key).lowercased()
            if word.isEmpty { return fallback }
            if let value = names[word] { return value }
            problems.append(.unreadable(column: column(key, header), value: text(key)))
            return fallback
        }
        let source = coded("cardSource", "信息来源", Self.leadSources, default: LeadSource.other)
        let level = coded("level", "意向级别", Dictionary(uniqueKeysWithValues: IntentLevel.allCases.map { ($0.rawValue.lowercased(), $0) }),
                          default: IntentLevel.c)
        var card = IntentCard(customerID: 0, number: code("number"), createdOn: createdOn, source: source, filledByID: 0,
                              personName: text("personName"), level: level)
        card.state = coded("state", "卡状态", Self.cardStates, default: CardState.open)
        card.purchaseType = coded("purchaseType", "购买类型", Self.purchaseTypes, default: PurchaseType.new)
        switch code("gender").lowercased() {
        case "": break
        case "男", "m", "male": card.gender = .male
        case "女", "f", "female": card.gender = .female
        default: problems.append(.unreadable(column: column("gender", "性别"), value: text("gender")))
        }
        func whole(_ key: String, _ header: String) -> Int? {
            let raw = code(key).replacingAll(",", with: "")
            if raw.isEmpty { return nil }
            if let n = Int(raw), n >= 0 { return n }
            problems.append(.unreadable(column: column(key, header), value: text(key)))
            return nil
        }
        card.age = whole("age", "年龄")
        card.intentScore = whole("intentScore", "意向度")
        card.budgetYuan = whole("budgetYuan", "预算(元)")
        card.chosenPriceYuan = whole("chosenPriceYuan", "成交价(元)")
        card.register.companions = whole("companions", "同行人数")
        if !text("phone").isEmpty {
            if let number = PhoneNumber(text("phone")) { card.phone = number.description }
            else { problems.append(.unreadable(column: column("phone", "电话"), value: text("phone"))) }
        }
        card.occupation = text("occupation"); card.residence = text("residence"); card.bestCallbackTime = text("bestCallbackTime")
        card.currentProduct = text("currentProduct"); card.mainUser = text("mainUser"); card.purpose = text("purpose")
        card.situation = text("situation"); card.product = text("product"); card.model = text("model"); card.colour = text("colour")
        card.focusPoints = text("focusPoints").split(whereSeparator: { "、,，".contains($0) }).map { String($0).trimmingWhitespace() }
            .filter { !$0.isEmpty }
        card.likedPoints = text("likedPoints"); card.comparedProducts = text("comparedProducts"); card.paymentMethod = text("paymentMethod")
        card.favourable = text("favourable"); card.unfavourable = text("unfavourable")
        card.resourcesNeeded = text("resourcesNeeded"); card.objections = text("objections")
        // Times as the register writes them: 9:05 is 09:05.
        func clock(_ key: String) -> String {
            let raw = code(key)
            return FollowUp.isClock(raw) && raw.count == 4 ? "0" + raw : raw
        }
        card.register.arrivedAt = clock("arrivedAt"); card.register.leftAt = clock("leftAt")
        card.register.trialGiven = ["是", "y", "yes", "1", "true"].contains(code("trialGiven").lowercased())
        card.register.callbackPurpose = text("callbackPurpose")
        for (key, header, keyPath) in [("next", "下次访问", \IntentCard.nextVisitOn), ("closedOn", "结束日期", \IntentCard.closedOn)]
        where !text(key).isEmpty {
            if let day = ImportValues.date(text(key)) { card[keyPath: keyPath] = day }
            else { problems.append(.unreadable(column: column(key, header), value: text(key))) }
        }
        if !code("nextVisitTime").isEmpty { card.nextVisitTime = code("nextVisitTime") }
        card.closeReason = text("closeReason"); card.chosenProduct = text("chosenProduct"); card.competitor = text("competitor")
        // The card's own rules, told by the sheet's column like every other problem.
        let columns: [Field: (key: String, header: String)] = [
            .cardPerson: ("personName", "顾客姓名"), .cardPhone: ("phone", "电话"), .cardAge: ("age", "年龄"),
            .cardBudget: ("budgetYuan", "预算(元)"), .cardScore: ("intentScore", "意向度"), .companions: ("companions", "同行人数"),
            .arrivedAt: ("arrivedAt", "到店时间"), .leftAt: ("leftAt", "离店时间")]
        for problem in card.validate() {
            let (key, header) = columns[problem.field] ?? ("personName", "顾客姓名")
            let named = column(key, header)
            let value = text(key)
            let told: CustomerImportRow.Problem = value.isEmpty ? .missing(column: named) : .unreadable(column: named, value: value)
            if !problems.contains(told) { problems.append(told) }
        }
        self.card = card
    }

    static let leadSources: [String: LeadSource] = [
        "来店": .walkIn, "walk-in": .walkIn, "walkin": .walkIn, "来电": .callIn, "call-in": .callIn, "callin": .callIn,
        "网络": .internet, "internet": .internet, "转介绍": .referral, "referral": .referral, "展会": .exhibition,
        "exhibition": .exhibition, "外拓": .outbound, "outbound": .outbound, "其他": .other, "other": .other]
    static let purchaseTypes: [String: PurchaseType] = [
        "新购": .new, "new": .new, "增购": .additional, "additional": .additional, "置换": .replacement,
        "replacement": .replacement, "转介绍": .referral, "referral": .referral]
    static let cardStates: [String: CardState] = [
        "跟进中": .open, "open": .open, "战败待批": .defeatPending, "defeat pending": .defeatPending, "defeatpending": .defeatPending,
        "成交": .won, "won": .won, "战败": .lost, "lost": .lost]
}
