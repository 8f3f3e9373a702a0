/// One line of an imported sheet of contacts or visit history, read against the customer
/// it belongs to (by code, else by name), or the reasons it cannot be.
public struct HistoryImportRow: Sendable {
    public enum Kind: String, Sendable { case contacts, activities }

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
            // In a contacts sheet 联系人 is the person; in a visit sheet, who was met.
            let field = kind == .activities && key == "name" ? "contactName" : key
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
        }
    }
}
