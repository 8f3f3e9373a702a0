import KehuCore
import KehuStore

/// Labels of form fields, of exported and audited columns, and of tables, in both languages.
extension Strings {
    /// The label a form shows before a field.
    public func label(_ value: FormField.Name) -> String {
        switch (language, value) {
        case (.zh, .method): return "方式"
        case (.zh, .contact): return "联系人"
        case (.zh, .newContact): return "新联系人"
        case (.zh, .content): return "内容"
        case (.zh, .level): return "级别判定"
        case (.zh, .impression): return "印象"
        case (.zh, .bottleneck): return "瓶颈方案"
        case (.zh, .nextVisit): return "下次访问"
        case (.zh, .name): return "姓名/单位"
        case (.zh, .phone): return "电话"
        case (.zh, .source): return "来源"
        case (.zh, .product): return "意向产品"
        case (.zh, .city): return "城市"
        case (.zh, .note): return "备注"
        case (.en, .method): return "Method"
        case (.en, .contact): return "Contact"
        case (.en, .newContact): return "New contact"
        case (.en, .content): return "What happened"
        case (.en, .level): return "Level"
        case (.en, .impression): return "Impression"
        case (.en, .bottleneck): return "Block & plan"
        case (.en, .nextVisit): return "Next visit"
        case (.en, .name): return "Name"
        case (.en, .phone): return "Phone"
        case (.en, .source): return "Source"
        case (.en, .product): return "Product"
        case (.en, .city): return "City"
        case (.en, .note): return "Note"
        case (.zh, .companyName): return "单位名称"
        case (.zh, .address): return "地址"
        case (.zh, .postalCode): return "邮编"
        case (.zh, .customerPhone): return "电话"
        case (.zh, .fax): return "传真"
        case (.zh, .website): return "网址"
        case (.zh, .email): return "邮箱"
        case (.zh, .industry): return "行业"
        case (.zh, .legalRepresentative): return "法人代表"
        case (.zh, .registeredCapital): return "注册资金(万)"
        case (.zh, .mainProducts): return "主营产品"
        case (.zh, .yearsInBusiness): return "经营年限"
        case (.zh, .businessCondition): return "经营状况"
        case (.zh, .customerType): return "客户类型"
        case (.zh, .creditLevel): return "信用等级"
        case (.zh, .supplierStructure): return "供应商结构"
        case (.zh, .customerSource): return "客户来源"
        case (.zh, .contactChoice): return "联系人"
        case (.zh, .contactName): return "姓名"
        case (.zh, .department): return "部门"
        case (.zh, .position): return "职务"
        case (.zh, .mobile): return "手机"
        case (.zh, .contactPhone): return "电话"
        case (.zh, .contactEmail): return "邮箱"
        case (.zh, .gender): return "性别"
        case (.zh, .birthday): return "生日"
        case (.zh, .decisionMaker): return "决策人"
        case (.zh, .outcome): return "结果"
        case (.zh, .dealProduct): return "成交产品"
        case (.zh, .dealAmount): return "金额"
        case (.zh, .dealDate): return "成交日期"
        case (.zh, .contractNumber): return "合同号"
        case (.zh, .settledOn): return "结清日期"
        case (.zh, .filterGrade): return "等级"
        case (.zh, .filterStatus): return "状态"
        case (.zh, .filterOwner): return "负责人"
        case (.zh, .filterLevel): return "意向级别"
        case (.zh, .filterOverdue): return "逾期"
        case (.zh, .filterSource): return "来源"
        case (.zh, .filterProvince): return "省份"
        case (.zh, .filterCity): return "城市"
        case (.zh, .filterTeam): return "团队"
        case (.zh, .sortOrder): return "排序"
        case (.zh, .defeatReason): return "战败原因"
        case (.zh, .competitor): return "竞争对手"
        case (.zh, .chosenProduct): return "所购产品"
        case (.zh, .chosenPrice): return "成交价格"
        case (.en, .companyName): return "Company"
        case (.en, .address): return "Address"
        case (.en, .postalCode): return "Postcode"
        case (.en, .customerPhone): return "Phone"
        case (.en, .fax): return "Fax"
        case (.en, .website): return "Website"
        case (.en, .email): return "Email"
        case (.en, .industry): return "Industry"
        case (.en, .legalRepresentative): return "Legal rep."
        case (.en, .registeredCapital): return "Capital (10k)"
        case (.en, .mainProducts): return "Products"
        case (.en, .yearsInBusiness): return "Years"
        case (.en, .businessCondition): return "Condition"
        case (.en, .customerType): return "Type"
        case (.en, .creditLevel): return "Credit"
        case (.en, .supplierStructure): return "Suppliers"
        case (.en, .customerSource): return "Source"
        case (.en, .contactChoice): return "Contact"
        case (.en, .contactName): return "Name"
        case (.en, .department): return "Department"
        case (.en, .position): return "Position"
        case (.en, .mobile): return "Mobile"
        case (.en, .contactPhone): return "Phone"
        case (.en, .contactEmail): return "Email"
        case (.en, .gender): return "Gender"
        case (.en, .birthday): return "Birthday"
        case (.en, .decisionMaker): return "Decides"
        case (.en, .outcome): return "Outcome"
        case (.en, .dealProduct): return "Product"
        case (.en, .dealAmount): return "Amount"
        case (.en, .dealDate): return "Date"
        case (.en, .contractNumber): return "Contract no."
        case (.en, .settledOn): return "Settled on"
        case (.en, .filterGrade): return "Grade"
        case (.en, .filterStatus): return "Status"
        case (.en, .filterOwner): return "Owner"
        case (.en, .filterLevel): return "Level"
        case (.en, .filterOverdue): return "Overdue"
        case (.en, .filterSource): return "Source"
        case (.en, .filterProvince): return "Province"
        case (.en, .filterCity): return "City"
        case (.en, .filterTeam): return "Team"
        case (.en, .sortOrder): return "Order"
        case (.en, .defeatReason): return "Reason"
        case (.en, .competitor): return "Competitor"
        case (.en, .chosenProduct): return "Bought"
        case (.en, .chosenPrice): return "Price"
        case (.zh, .comment): return "批示"
        case (.zh, .returnReason): return "退回理由"
        case (.zh, .settingValue): return "值"
        case (.zh, .leadVerdict): return "判定"
        case (.en, .leadVerdict): return "Verdict"
        case (.zh, .leadNote): return "说明"
        case (.zh, .correctionReason): return "更正原因"
        case (.en, .correctionReason): return "Why"
        case (.en, .leadNote): return "Why"
        case (.en, .settingValue): return "Value"
        case (.en, .comment): return "Comment"
        case (.en, .returnReason): return "Reason"
        case (.zh, .newOwner): return "负责人"
        case (.en, .newOwner): return "Owner"
        case (.zh, .potential): return "正式/潜在"
        case (.en, .potential): return "Formal/pot."
        case (_, .score1), (_, .score2), (_, .score3), (_, .score4), (_, .score5), (_, .score6), (_, .score7), (_, .score8):
            return language == .zh ? "评分" : "Score"
        }
    }

    /// A stored column's name as the history overlay shows it.
    public func columnLabel(_ table: String, _ column: String) -> String {
        let names: [String: FormField.Name] = [
            "name": .companyName, "address": .address, "postalCode": .postalCode, "phone": .customerPhone, "fax": .fax,
            "website": .website, "email": .email, "industry": .industry, "legalRepresentative": .legalRepresentative,
            "registeredCapitalWan": .registeredCapital, "mainProducts": .mainProducts, "yearsInBusiness": .yearsInBusiness,
            "businessCondition": .businessCondition, "type": .customerType, "creditLevel": .creditLevel,
            "supplierStructure": .supplierStructure, "source": .customerSource, "notes": .note, "mobile": .mobile,
            "department": .department, "position": .position, "birthday": .birthday, "isDecisionMaker": .decisionMaker,
            "level": .level, "nextVisitOn": .nextVisit, "closeReason": .defeatReason, "competitor": .competitor,
            "chosenProduct": .chosenProduct, "chosenPriceYuan": .chosenPrice,
            "supervisorComment": .comment, "contractNumber": .contractNumber, "reason": .returnReason,
        ]
        if table == "contacts", column == "name" { return label(FormField.Name.contactName) }
        if table == "contacts", column == "phone" { return label(FormField.Name.contactPhone) }
        let zh = language == .zh
        switch column {
        case "code": return self[.code]
        case "grade": return self[.grade]
        case "status": return self[.status]
        case "ownerID": return self[.owner]
        case "state": return zh ? "状态" : "state"
        case "managerReview": return zh ? "经理点评" : "manager's review"
        default: return names[column].map { label($0) } ?? column
        }
    }

    /// What a table's rows are, for the history overlay.
    public func tableLabel(_ table: String) -> String {
        switch (language, table) {
        case (.zh, "customers"): return "档案"
        case (.zh, "contacts"): return "联系人"
        case (.zh, "intentCards"): return "意向卡"
        case (.zh, "activities"): return "拜访"
        case (.zh, "orders"): return "订单"
        case (.en, "customers"): return "archive"
        case (.en, "contacts"): return "contact"
        case (.en, "intentCards"): return "card"
        case (.en, "activities"): return "visit"
        case (.en, "orders"): return "order"
        default: return table
        }
    }
}
