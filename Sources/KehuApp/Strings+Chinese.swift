import KehuCore

// 简体中文: the default interface language.
extension Strings {
    static func chinese(_ key: StringKey) -> String {
        switch key {
        case .viewAllCustomers: return "全部客户"
        case .paneCustomers: return "客户列表"
        case .paneTimeline: return "拜访记录"
        case .paneCard: return "客户档案"
        case .customersWord: return "客户"
        case .noCustomers: return "还没有客户"
        case .noCustomersHint: return "用 kehu demo 生成演示数据"
        case .noActivities: return "暂无拜访记录"
        case .noSelection: return "未选择客户"
        case .loadingFailed: return "读取失败"
        case .unregisteredRole: return "未登记"
        case .code: return "代码"
        case .type: return "类型"
        case .grade: return "等级"
        case .status: return "状态"
        case .source: return "来源"
        case .address: return "地址"
        case .postalCode: return "邮编"
        case .phone: return "电话"
        case .fax: return "传真"
        case .website: return "网址"
        case .email: return "邮箱"
        case .industry: return "行业"
        case .legalRepresentative: return "法人"
        case .registeredCapital: return "注册资金"
        case .mainProducts: return "主营"
        case .businessCondition: return "经营"
        case .yearsInBusiness: return "经营年限"
        case .creditLevel: return "信用"
        case .supplierStructure: return "供应商"
        case .provinceCity: return "省市"
        case .owner: return "负责人"
        case .team: return "团队"
        case .region: return "区域"
        case .lastOrder: return "最近订单"
        case .created: return "建档"
        case .updated: return "更新"
        case .notes: return "备注"
        case .contacts: return "联系人"
        case .decisionMaker: return "★决策"
        case .intentCard: return "意向卡"
        case .developmentRecord: return "开发编号"
        case .noOwnerPool: return "公海"
        case .budget: return "预算"
        case .compared: return "对比"
        case .nextVisit: return "下次"
        case .cardClosed: return "已结"
        case .supervisorComment: return "主管批示"
        case .bottleneck: return "瓶颈"
        case .impression: return "印象"
        case .withContact: return "联系"
        case .tenThousandYuan: return "万"
        case .years: return "年"
        case .helpTitle: return "帮助"
        case .helpGlobal: return "任何时候"
        case .helpFooter: return "按键来自当前键位表"
        case .tooSmallHint: return "Terminal too small: 80×24 needed"
        case .keymapFallback: return "已改用默认键位"
        case .themeFallback: return "已改用默认主题"
        case .viewToday: return "今日"
        case .paneToday: return "今日待办"
        case .dueToday: return "今天"
        case .followUpDue: return "回访"
        case .callBackDue: return "回电"
        case .birthdayDue: return "生日 · 问候"
        case .greetings: return "节日问候"
        case .nothingDue: return "今天没有待办"
        case .noCustomerSelected: return "请先选择客户"
        case .followUpTitle: return "记跟进"
        case .leadTitle: return "新客户登记 (来店/来电)"
        case .newContactOption: return "新联系人…"
        case .noOpenCard: return "无意向卡"
        case .formInvalid: return "请修改后再保存"
        case .discardQuestion: return "放弃已输入的内容？"
        case .discardYes: return "y 放弃"
        case .discardNo: return "n 继续编辑"
        case .duplicatesTitle: return "可能是已有客户"
        case .duplicatesOpen: return "Enter 打开已有客户"
        case .duplicatesCreate: return "n 仍然新建"
        case .duplicatesBack: return "Esc 返回修改"
        case .duplicateOthers: return "其他同事的客户"
        case .draftQuestion: return "有未保存的草稿"
        case .draftRestore: return "Enter 恢复"
        case .draftDiscard: return "n 丢弃"
        case .draftLater: return "Esc 稍后"
        case .draftFollowUp: return "记跟进"
        case .draftLead: return "新客户登记"
        case .editorFailed: return "编辑器未能运行"
        case .customerFormTitle: return "编辑客户档案"
        case .contactFormTitle: return "联系人"
        case .closeCardTitle: return "结束意向卡"
        case .defeatApplication: return "战败申请"
        case .historyTitle: return "修改记录"
        case .historyEmpty: return "还没有修改记录"
        case .savedCustomer: return "档案已保存"
        case .savedContact: return "联系人已保存"
        case .nothingChanged: return "没有改动"
        case .dealSaved: return "已成交，订单已记入，客户转为合作客户"
        case .defeatApplied: return "战败申请已提交，等待主管批准"
        case .noCardToClose: return "这个客户没有未结的意向卡"
        case .viewEvening: return "晚检"
        case .paneEvening: return "今日跟进 (按销售)"
        case .overdueCards: return "逾期卡片"
        case .defeatApplications: return "战败申请"
        case .carriedOver: return "结转"
        case .checked: return "已批"
        case .needsGuidanceMark: return "需指导"
        case .commentTitle: return "主管批示"
        case .returnTitle: return "退回战败申请"
        case .commentSigned: return "已批示并签名"
        case .defeatApproved: return "已批准战败申请"
        case .defeatReturned: return "已退回战败申请"
        case .nothingToCheck: return "今天没有需要检查的跟进"
        case .levelLabel: return "级别"
        case .contentLabel: return "内容"
        case .reasonLabel: return "原因"
        case .newCommentMark: return "新批示"
        case .thisTime: return "本次"
        case .viewSpotCheck: return "周抽查"
        case .paneSpotCheck: return "本周抽查 (按销售)"
        case .managerReview: return "经理抽查"
        case .reviewTitle: return "抽查意见"
        case .reviewSigned: return "已写抽查意见并签名"
        case .gradeTitle: return "客户资格评审"
        case .viewApprovals: return "审批"
        case .paneApprovals: return "待我审批"
        case .nothingToApprove: return "没有待审批的事项"
        case .gradeApproved: return "已批准"
        case .gradeRejected: return "已驳回"
        case .rejectTitle: return "驳回等级评审"
        case .scoreTotal: return "总分"
        case .approversLabel: return "审批"
        case .noApprovalNeeded: return "无需审批，直接生效"
        }
    }

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
        case .date: return "日期"
        case .city: return "城市"
        case .dealProduct: return "成交产品"
        case .dealAmount: return "成交金额"
        case .dealDate: return "成交日期"
        case .defeatReason: return "战败原因"
        case .defeatPrice: return "成交价格"
        case .yearsInBusiness: return "经营年限"
        case .contactBirthday: return "生日"
        case .supervisorComment: return "批示"
        case .defeatDecision: return "退回理由"
        case .gradeDecision: return "驳回理由"
        case .gradeScore: return "评分"
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
        case .nextArchiveView, .previousArchiveView: return "档案视图"
        case .comment: return "批示签名"
        case .needsGuidance: return "需指导"
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
        case .close: return "关闭帮助"
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
        case .nextArchiveView: return "下一个档案视图（合作、VIP、重点、流失、公海…）"
        case .previousArchiveView: return "上一个档案视图"
        case .comment: return "写批示并签名"
        case .needsGuidance: return "标记需要在夕会上指导"
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
        }
    }
}
