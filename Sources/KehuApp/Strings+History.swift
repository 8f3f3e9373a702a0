import KehuCore
import KehuStore

/// The history overlay's words: every table and column a customer's history touches, in
/// the session's language, and stored values as people say them.
extension Strings {
    private var zh: Bool { language == .zh }

    /// What a table's rows are.
    public func historyTable(_ table: String) -> String {
        switch table {
        case "contractDecisions": return zh ? "合同签署" : "contract signature"
        case "gradeProposals": return zh ? "评级" : "grade review"
        case "leadVerdicts": return zh ? "线索判定" : "lead verdict"
        default: return tableLabel(table)
        }
    }

    /// A column's label; the archive's and forms' labels first, then the rest by name.
    public func historyColumn(_ table: String, _ column: String) -> String {
        let words: [String: (String, String)] = [
            "lastOrderOn": ("最近订单", "last order"), "claimedOn": ("认购日期", "claimed on"), "teamID": ("团队", "team"),
            "region": ("区域", "region"), "province": ("省份", "province"), "city": ("城市", "city"),
            "nature": ("客户性质", "nature"), "creditLineYuan": ("信用额度", "credit line"), "invalidReason": ("无效原因", "why invalid"),
            "typeOther": ("其他类型", "other type"), "createdAt": ("建档时间", "created"), "customerID": ("客户", "customer"),
            "mergedInto": ("并入", "merged into"), "personName": ("顾客姓名", "person"), "gender": ("性别", "gender"),
            "age": ("年龄", "age"), "occupation": ("职业", "occupation"), "residence": ("居住区域", "residence"),
            "bestCallbackTime": ("方便回访时间", "best time to call back"), "currentProduct": ("现有产品", "current product"),
            "mainUser": ("主要使用者", "main user"), "purpose": ("用途", "use"), "situation": ("基本情况", "situation"),
            "product": ("意向产品", "product"), "model": ("型号", "model"), "colour": ("颜色", "colour"),
            "purchaseType": ("购买类型", "purchase type"), "focusPoints": ("关注点", "focus points"), "likedPoints": ("中意点", "liked"),
            "comparedProducts": ("对比产品", "compared"), "budgetYuan": ("预算", "budget"), "paymentMethod": ("付款方式", "payment"),
            "favourable": ("有利因素", "favourable"), "unfavourable": ("不利因素", "unfavourable"),
            "resourcesNeeded": ("所需资源", "resources needed"), "objections": ("主要异议", "objections"),
            "intentScore": ("意向度", "intent score"), "companions": ("同行人数", "companions"), "arrivedAt": ("到店时间", "arrived"),
            "leftAt": ("离店时间", "left"), "trialGiven": ("试用", "trial"), "callbackPurpose": ("回访目的", "call back for"),
            "nextVisitTime": ("下次访问时刻", "next visit time"), "closedOn": ("结束日期", "closed on"),
            "defeatAppliedOn": ("申请日", "applied on"), "defeatDecisionNote": ("退回理由", "returned because"),
            "defeatDoubtful": ("存疑", "doubtful"), "defeatReturnedAt": ("退回时间", "returned at"), "filledByID": ("填卡人", "filled by"),
            "number": ("卡号", "number"), "createdOn": ("建卡日期", "created on"), "method": ("方式", "method"),
            "occurredAt": ("时间", "time"), "handlerID": ("经办人", "handler"), "contactID": ("联系人", "contact"),
            "content": ("洽谈内容", "content"), "impression": ("洽谈印象", "impression"), "bottleneckPlan": ("瓶颈分析及跟踪方案", "bottleneck plan"),
            "levelJudged": ("级别判定", "level"), "visitNumber": ("拜访次数", "visit number"), "cardID": ("意向卡", "card"),
            "commentSignerID": ("批示人", "signed by"), "commentAt": ("批示时间", "signed at"), "commentSeen": ("批示已读", "comment read"),
            "reviewerID": ("点评人", "reviewed by"), "reviewedAt": ("点评时间", "reviewed at"), "reviewComment": ("经理点评", "manager's review"),
            "needsGuidance": ("需指导", "needs guidance"), "doubtful": ("存疑", "doubtful"), "correctedAt": ("更正时间", "corrected at"),
            "correctedByID": ("更正人", "corrected by"), "recheck": ("待复核", "to recheck"), "orderedOn": ("签订日", "signed"),
            "amountYuan": ("合同额", "amount"), "approval": ("审批", "approval"), "approvalState": ("审批状态", "approval"),
            "settledOn": ("结清日", "settled on"), "shippedYuan": ("已发货", "shipped"), "receivedYuan": ("已回款", "received"),
            "recordedByID": ("录入", "recorded by"), "recordedAt": ("录入时间", "recorded at"), "step": ("签署", "step"),
            "approved": ("同意", "approved"), "note": ("说明", "note"), "effective": ("有效", "effective"),
            "toGrade": ("拟定等级", "proposed grade"), "fromGrade": ("原等级", "former grade"), "score": ("总分", "score"),
        ]
        if table == "intentCards", column == "level" { return zh ? "意向级别" : "level" }
        if table == "activities", column == "level" { return words["levelJudged"].map { zh ? $0.0 : $0.1 } ?? column }
        let known = columnLabel(table, column)
        if known != column { return known }
        return words[column].map { zh ? $0.0 : $0.1 } ?? column
    }

    /// A stored value as people say it: a name for an id, a grade, status, method or state
    /// in words, yes or no for a flag, — for nothing.
    public func historyValue(_ table: String, _ column: String, _ raw: String?, name: String?) -> String {
        if let name { return name }
        guard let raw, !raw.isEmpty else { return "—" }
        let flags: Set<String> = ["isDecisionMaker", "trialGiven", "defeatDoubtful", "doubtful", "needsGuidance", "recheck",
                                  "commentSeen", "approved", "effective"]
        if flags.contains(column) { return raw == "1" || raw == "true" ? (zh ? "是" : "yes") : (zh ? "否" : "no") }
        switch column {
        case "status": return CustomerStatus(rawValue: raw).map { label($0) } ?? raw
        case "type": return CustomerType(rawValue: raw).map { label($0) } ?? raw
        case "source" where table == "customers": return CustomerSource(rawValue: raw).map { label($0) } ?? raw
        case "source" where table == "intentCards": return LeadSource(rawValue: raw).map { label($0) } ?? raw
        case "method": return ContactMethod(rawValue: raw).map { label($0) } ?? raw
        case "creditLevel": return CreditLevel(rawValue: raw).map { label($0) } ?? raw
        case "purchaseType": return PurchaseType(rawValue: raw).map { label($0) } ?? raw
        case "gender": return raw == "male" ? (zh ? "男" : "male") : raw == "female" ? (zh ? "女" : "female") : raw
        case "approvalState": return ContractState(rawValue: raw).map { label($0) } ?? raw
        case "approval": return ContractApprover(rawValue: raw).map { label($0) } ?? raw
        case "step": return ContractStep(rawValue: raw).map { label($0) } ?? raw
        case "toGrade", "fromGrade": return CustomerGrade(rawValue: raw).map { label($0) } ?? raw
        case "amountYuan", "shippedYuan", "receivedYuan", "budgetYuan", "chosenPriceYuan", "creditLineYuan":
            return Int(raw).map { yuan($0) } ?? raw
        default: return storedValue(table, column, raw)
        }
    }

    /// Who did it: their name, and who typed it when an admin worked as them
    /// (`李强（root 代为）`); the login as recorded when it is no one kehu knows.
    public func historyActor(_ entry: AuditEntry) -> String {
        guard !entry.actorName.isEmpty else { return entry.actor }
        guard !entry.actingLogin.isEmpty else { return entry.actorName }
        return zh ? "\(entry.actorName)（\(entry.actingLogin) 代为）" : "\(entry.actorName) (by \(entry.actingLogin))"
    }

    /// What happened, in one phrase: `联系人 李娜 新建`, `档案 负责人：张伟 → —`.
    public func historyChange(_ entry: AuditEntry) -> String {
        let what = [historyTable(entry.table), entry.subject].filter { !$0.isEmpty }.joined(separator: " ")
        if entry.field == "*" { return zh ? "新建\(what)" : "\(what) created" }
        let old = historyValue(entry.table, entry.field, entry.oldValue, name: entry.oldName)
        let new = historyValue(entry.table, entry.field, entry.newValue, name: entry.newName)
        return "\(what) \(historyColumn(entry.table, entry.field))\(zh ? "：" : ": ")\(old) → \(new)"
    }
}
