import KehuCore

// 简体中文: the domain's coded values and contexts as Chinese users say them.
extension Strings {
    static func chinese(_ v: CustomerGrade) -> String {
        switch v {
        case .vip: return "A VIP"
        case .key: return "B 重点"
        case .general: return "C 一般"
        case .image: return "I 形象"
        case .potentialVIP: return "A 潜在VIP"
        case .potentialKey: return "B 潜在重点"
        }
    }

    static func chinese(_ v: CustomerStatus) -> String {
        switch v {
        case .cooperating: return "a 合作"
        case .potential: return "b 潜在"
        case .lost: return "c 流失"
        case .invalid: return "d 无效"
        }
    }

    static func chinese(_ v: CustomerType) -> String {
        switch v {
        case .dealer: return "经销商"
        case .directUser: return "直接用户"
        case .oem: return "配套客户"
        case .commercial: return "商业机构"
        case .government: return "政府市政"
        case .industrial: return "工矿企业"
        case .other: return "其他"
        }
    }

    static func chinese(_ v: CustomerSource) -> String {
        switch v {
        case .phoneSales: return "电话销售"
        case .onSiteVisit: return "上门拜访"
        case .walkIn: return "自动上门"
        case .exhibition: return "展览会"
        case .internet: return "网络"
        case .referral: return "转介绍"
        case .other: return "其他"
        }
    }

    static func chinese(_ v: CreditLevel) -> String {
        switch v {
        case .excellent: return "优"
        case .good: return "良"
        case .fair: return "中"
        case .poor: return "差"
        }
    }

    static func chinese(_ v: ContactMethod) -> String {
        switch v {
        case .phone: return "电话"
        case .onSite: return "上门"
        case .walkIn: return "来店"
        case .message: return "消息"
        case .techSupport: return "技术"
        }
    }

    static func chinese(_ v: Role) -> String {
        switch v {
        case .salesperson: return "销售顾问"
        case .assistant: return "市场助理"
        case .supervisor: return "销售主管"
        case .salesManager: return "销售经理"
        case .marketingManager: return "市场经理"
        case .generalManager: return "总经理"
        case .admin: return "管理员"
        }
    }

    static func chinese(_ v: PurchaseType) -> String {
        switch v {
        case .new: return "新购"
        case .additional: return "增购"
        case .replacement: return "置换"
        case .referral: return "转介绍"
        }
    }

    static func chinese(_ v: CardState) -> String {
        switch v {
        case .open: return "跟进中"
        case .defeatPending: return "战败待批"
        case .won: return "成交"
        case .lost: return "战败"
        }
    }

    static func chinese(_ v: Field) -> String {
        switch v {
        case .customerName: return "单位名称"
        case .customerCode: return "客户代码"
        case .customerPhone: return "电话"
        case .customerFax: return "传真"
        case .customerEmail: return "邮箱"
        case .customerTypeOther: return "其他类型说明"
        case .registeredCapital: return "注册资金"
        case .contactName: return "联系人姓名"
        case .contactMobile: return "手机"
        case .contactPhone: return "联系人电话"
        case .contactEmail: return "联系人邮箱"
        case .activityContent: return "内容"
        case .visitNumber: return "拜访次数"
        case .nextVisit: return "下次访问"
        case .cardPerson: return "客户姓名"
        case .cardPhone: return "电话"
        case .cardAge: return "年龄"
        case .cardBudget: return "预算"
        case .cardScore: return "意向度"
        case .date: return "日期"
        case .city: return "城市"
        case .dealProduct: return "成交产品"
        case .dealAmount: return "成交金额"
        case .dealDate: return "成交日期"
        case .settledOn: return "结清日期"
        case .defeatReason: return "战败原因"
        case .defeatPrice: return "成交价格"
        case .yearsInBusiness: return "经营年限"
        case .contactBirthday: return "生日"
        case .supervisorComment: return "批示"
        case .defeatDecision: return "退回理由"
        case .gradeDecision: return "驳回理由"
        case .gradeScore: return "评分"
        case .churnReason: return "流失原因"
        case .leadVerdictNote: return "说明"
        case .correctionReason: return "更正原因"
        case .invalidReason: return "无效原因"
        case .creditLine: return "信用额度"
        case .companions: return "同行人数"
        case .arrivedAt: return "到店时间"
        case .leftAt: return "离店时间"
        case .shippedAmount: return "已发货金额"
        case .receivedAmount: return "已回款金额"
        case .contractDecision: return "驳回理由"
        case .mergeTarget: return "并入客户代码"
        }
    }

    static func chineseHint(_ v: Action) -> String {
        switch v {
        case .moveUp, .moveDown: return "移动"
        case .pageUp, .pageDown: return "翻页"
        case .first, .last: return "首尾"
        case .focusNext, .focusPrevious: return "切换"
        case .help: return "帮助"
        case .close: return "关闭"
        case .redraw: return "重绘"
        case .quit: return "退出"
        case .nextView: return "视图"
        case .logFollowUp: return "记跟进"
        case .newLead: return "新客户"
        case .editCustomer: return "改档案"
        case .editContacts: return "联系人"
        case .closeCard: return "结卡"
        case .history: return "修改记录"
        case .proposeGrade: return "评级"
        case .recordOrder: return "订单"
        case .search: return "搜索"
        case .filter: return "筛选"
        case .reports: return "报表"
        case .settings: return "设置"
        case .judgeLead: return "线索判定"
        case .correct: return "更正"
        case .editCard: return "意向卡"
        case .markInvalid: return "无效客户"
        case .recordPayment: return "发货回款"
        case .mergeCustomer: return "合并"
        case .moveCustomer: return "改省市"
        case .copyPhone: return "复制电话"
        case .copyCode: return "复制编码"
        case .openCustomer: return "打开"
        case .commandLine: return "命令"
        case .scrollLeft, .scrollRight: return "左右滚动"
        case .clearFilter: return "清除筛选"
        case .nextArchiveView, .previousArchiveView: return "档案视图"
        case .claim: return "认购"
        case .assign: return "分配"
        case .poolPreview: return "公海预告"
        case .comment: return "批示签名"
        case .needsGuidance: return "需指导"
        case .markDoubtful: return "存疑"
        case .approve: return "批准"
        case .returnDefeat: return "退回"
        case .nextField, .previousField, .nextOrSave: return "字段"
        case .save: return "保存"
        case .cancel: return "取消"
        case .cursorLeft, .cursorRight: return "光标"
        case .lineStart, .lineEnd: return "行首尾"
        case .deleteBackward, .deleteForward, .killLine: return "删除"
        case .editExternally: return "编辑器"
        case .confirm: return "确认"
        case .decline: return "否"
        }
    }

    static func chineseDescription(_ v: Action) -> String {
        switch v {
        case .moveUp: return "上移一条"
        case .moveDown: return "下移一条"
        case .pageUp: return "上翻一页"
        case .pageDown: return "下翻一页"
        case .first: return "到第一条"
        case .last: return "到最后一条"
        case .focusNext: return "焦点移到下一个窗格"
        case .focusPrevious: return "焦点移到上一个窗格"
        case .help: return "显示本帮助"
        case .close: return "关闭：帮助、询问或搜索"
        case .redraw: return "重绘整个屏幕"
        case .quit: return "退出 kehu"
        case .nextView: return "切换视图：今日待办 / 全部客户"
        case .logFollowUp: return "为选中的客户记跟进"
        case .newLead: return "登记来店/来电的新客户"
        case .editCustomer: return "编辑选中客户的档案"
        case .editContacts: return "添加或编辑联系人"
        case .closeCard: return "结束意向卡：成交或战败申请"
        case .history: return "查看这个客户的修改记录"
        case .proposeGrade: return "客户资格评审：打分并提交等级变更"
        case .recordOrder: return "记录订单（复购）：金额决定合同审批人"
        case .search: return "搜索：名称、编码、电话、联系人、城市、拼音（全拼或首字母）"
        case .filter: return "筛选与排序：等级、状态、负责人、级别、逾期、来源、省市、团队"
        case .reports: return "报表：漏斗、KPI、流失、二八、战败、来源、潜在VIP（再按一次返回）"
        case .markInvalid: return "标为无效客户（写明原因；编码改为 d，意向卡关闭）"
        case .recordPayment: return "登记已批准订单的发货与回款（累计金额），欠款随之更新"
        case .mergeCustomer: return "把重复的客户档案并入这个客户（主管及以上；联系人、拜访、意向卡、订单、原编码全部保留）"
        case .moveCustomer: return "更改省市：编码换成新地点的新序号，原编码保留"
        case .copyPhone: return "把选中客户的电话复制到你本机的剪贴板（经 SSH 和 tmux 也可以）"
        case .copyCode: return "把选中客户的编码复制到你本机的剪贴板"
        case .openCustomer: return "打开选中的客户：焦点移到它的资料卡"
        case .commandLine: return "命令行：输入命令名或中文名，Tab 补全，↑↓ 选择，回车执行"
        case .scrollLeft: return "报表向左滚动（比窗格宽的报表）"
        case .scrollRight: return "报表向右滚动（比窗格宽的报表）"
        case .editCard: return "填写整张意向卡：顾客、需求、分析、意向度"
        case .correct: return "更正跟进记录（时间线顶上那条；作者、本组主管），原记录保留"
        case .judgeLead: return "判定线索有效或无效（助理、主管、经理），进每周有效线索汇总"
        case .settings: return "公司设置：跟进间隔、公海、流失、KPI 目标、抽查…（管理员按回车修改）"
        case .clearFilter: return "清除筛选，恢复按编码排序"
        case .nextArchiveView: return "下一个档案视图（合作、VIP、重点、流失、公海…）"
        case .previousArchiveView: return "上一个档案视图"
        case .claim: return "从公海认购选中的客户"
        case .assign: return "把客户分配给组员或放回公海（主管）"
        case .poolPreview: return "明天哪些客户会掉入公海，为什么"
        case .comment: return "写批示并签名"
        case .needsGuidance: return "标记需要在夕会上指导"
        case .markDoubtful: return "标记虚假跟进或虚假战败（再按取消），夕会上提出"
        case .approve: return "批准战败申请"
        case .returnDefeat: return "退回战败申请（需写理由）"
        case .nextField: return "下一个字段（最后一个字段上 Enter 保存）"
        case .nextOrSave: return "下一个字段；在最后一个字段上保存"
        case .previousField: return "上一个字段"
        case .save: return "保存表单"
        case .cancel: return "取消（已输入内容时先确认）"
        case .cursorLeft: return "光标左移 / 上一个选项"
        case .cursorRight: return "光标右移 / 下一个选项"
        case .lineStart: return "到行首"
        case .lineEnd: return "到行尾"
        case .deleteBackward: return "删除光标前的字"
        case .deleteForward: return "删除光标处的字"
        case .killLine: return "删除到行尾"
        case .editExternally: return "在 $EDITOR 中编辑长文本"
        case .confirm: return "确认"
        case .decline: return "否定"
        }
    }

    static func chinese(_ v: KeyContext) -> String {
        switch v {
        case .global: return "全局"
        case .list: return "客户列表"
        case .card: return "客户档案"
        case .timeline: return "拜访记录"
        case .help: return "帮助"
        case .form: return "表单"
        case .prompt: return "询问"
        case .evening: return "晚检"
        case .search: return "搜索"
        }
    }
}
