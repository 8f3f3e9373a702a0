/// Word lists for demo data: real provinces and cities with the abbreviations and pinyin
/// initials the customer code uses, and the names, trades and phrases of Chinese sales work.
enum DemoVocabulary {
    struct City {
        let province: String
        let abbreviation: String   // 省份简称
        let name: String
        let initials: String       // pinyin initials, polyphones read as the city is said
        let areaCode: String
        let postalPrefix: String
        let region: String
        let weight: Int
    }

    static let cities: [City] = [
        City(province: "广东", abbreviation: "粤", name: "广州", initials: "GZ", areaCode: "020", postalPrefix: "510", region: "华南", weight: 12),
        City(province: "广东", abbreviation: "粤", name: "深圳", initials: "SZ", areaCode: "0755", postalPrefix: "518", region: "华南", weight: 12),
        City(province: "广东", abbreviation: "粤", name: "佛山", initials: "FS", areaCode: "0757", postalPrefix: "528", region: "华南", weight: 8),
        City(province: "广东", abbreviation: "粤", name: "东莞", initials: "DG", areaCode: "0769", postalPrefix: "523", region: "华南", weight: 8),
        City(province: "广东", abbreviation: "粤", name: "珠海", initials: "ZH", areaCode: "0756", postalPrefix: "519", region: "华南", weight: 4),
        City(province: "广东", abbreviation: "粤", name: "中山", initials: "ZS", areaCode: "0760", postalPrefix: "528", region: "华南", weight: 4),
        City(province: "福建", abbreviation: "闽", name: "厦门", initials: "XM", areaCode: "0592", postalPrefix: "361", region: "华南", weight: 4),
        City(province: "福建", abbreviation: "闽", name: "福州", initials: "FZ", areaCode: "0591", postalPrefix: "350", region: "华南", weight: 4),
        City(province: "湖南", abbreviation: "湘", name: "长沙", initials: "CS", areaCode: "0731", postalPrefix: "410", region: "华南", weight: 5),
        City(province: "上海", abbreviation: "沪", name: "上海", initials: "SH", areaCode: "021", postalPrefix: "200", region: "华东", weight: 12),
        City(province: "江苏", abbreviation: "苏", name: "南京", initials: "NJ", areaCode: "025", postalPrefix: "210", region: "华东", weight: 6),
        City(province: "江苏", abbreviation: "苏", name: "苏州", initials: "SZ", areaCode: "0512", postalPrefix: "215", region: "华东", weight: 8),
        City(province: "江苏", abbreviation: "苏", name: "无锡", initials: "WX", areaCode: "0510", postalPrefix: "214", region: "华东", weight: 5),
        City(province: "江苏", abbreviation: "苏", name: "常州", initials: "CZ", areaCode: "0519", postalPrefix: "213", region: "华东", weight: 4),
        City(province: "浙江", abbreviation: "浙", name: "杭州", initials: "HZ", areaCode: "0571", postalPrefix: "310", region: "华东", weight: 8),
        City(province: "浙江", abbreviation: "浙", name: "宁波", initials: "NB", areaCode: "0574", postalPrefix: "315", region: "华东", weight: 6),
        City(province: "浙江", abbreviation: "浙", name: "温州", initials: "WZ", areaCode: "0577", postalPrefix: "325", region: "华东", weight: 4),
        City(province: "山东", abbreviation: "鲁", name: "济南", initials: "JN", areaCode: "0531", postalPrefix: "250", region: "华东", weight: 4),
        City(province: "山东", abbreviation: "鲁", name: "青岛", initials: "QD", areaCode: "0532", postalPrefix: "266", region: "华东", weight: 5),
        City(province: "北京", abbreviation: "京", name: "北京", initials: "BJ", areaCode: "010", postalPrefix: "100", region: "华北", weight: 10),
        City(province: "天津", abbreviation: "津", name: "天津", initials: "TJ", areaCode: "022", postalPrefix: "300", region: "华北", weight: 5),
        City(province: "河南", abbreviation: "豫", name: "郑州", initials: "ZZ", areaCode: "0371", postalPrefix: "450", region: "华北", weight: 5),
        City(province: "陕西", abbreviation: "陕", name: "西安", initials: "XA", areaCode: "029", postalPrefix: "710", region: "华北", weight: 5),
        City(province: "内蒙古", abbreviation: "蒙", name: "鄂尔多斯", initials: "EEDS", areaCode: "0477", postalPrefix: "017", region: "华北", weight: 2),
        City(province: "内蒙古", abbreviation: "蒙", name: "呼和浩特", initials: "HHHT", areaCode: "0471", postalPrefix: "010", region: "华北", weight: 2),
        City(province: "四川", abbreviation: "川", name: "成都", initials: "CD", areaCode: "028", postalPrefix: "610", region: "华北", weight: 7),
        City(province: "四川", abbreviation: "川", name: "乐山", initials: "LS", areaCode: "0833", postalPrefix: "614", region: "华北", weight: 2),
        City(province: "重庆", abbreviation: "渝", name: "重庆", initials: "CQ", areaCode: "023", postalPrefix: "400", region: "华北", weight: 6),
        City(province: "湖北", abbreviation: "鄂", name: "武汉", initials: "WH", areaCode: "027", postalPrefix: "430", region: "华南", weight: 6),
    ]

    static let surnames = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤").map(String.init)
    static let givenChars = Array("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国文辉玲萍红鹏飞斌宇浩凯峰琳雪梅晨欣怡婷佳俊志海波亮林春燕丹云翔宁").map(String.init)

    static let tradeNames = ["华南", "宏达", "顺德", "白云", "港湾", "恒信", "鑫源", "金利", "永盛", "东方", "远大", "新时代",
                             "瑞丰", "同创", "天成", "众诚", "广源", "汇通", "百盛", "嘉禾", "隆基", "精工", "中联", "博远",
                             "安泰", "利达", "盛世", "万通", "海天", "长城", "富康", "兴业", "华美", "联合", "正大", "德润"]
    static let industries = ["机电", "五金", "电子", "物流", "化工", "建材", "食品", "纺织", "汽车配件", "医疗器械",
                             "环保科技", "印刷包装", "电器", "机械制造", "新能源", "精密模具", "家具", "塑胶制品"]
    static let suffixes = [("有限公司", 60), ("股份有限公司", 10), ("厂", 12), ("贸易商行", 6), ("集团有限公司", 4), ("科技有限公司", 8)]
    static let districts = ["高新区", "经济开发区", "工业园区", "新区", "城南区", "城北区", "开发区", "保税区"]
    static let roads = ["科韵路", "建设路", "人民路", "解放路", "工业大道", "创业路", "滨江路", "环城路", "中山路", "发展大道"]
    static let positions = [("总经理", "总经办"), ("采购经理", "采购部"), ("技术总监", "技术部"), ("设备部经理", "设备部"),
                            ("财务经理", "财务部"), ("办公室主任", "行政部"), ("生产经理", "生产部"), ("采购专员", "采购部")]
    static let products = ["数控机床", "激光切割机", "空压机", "叉车", "工业机器人", "注塑机", "折弯机", "发电机组", "冷水机组", "自动化生产线"]
    static let competitors = ["大族", "通快", "阿特拉斯", "林德", "海天", "发那科", "亚威", "康明斯"]
    static let conditions = ["良好", "稳定", "扩张中", "一般", "资金偏紧"]
    static let impressions = ["积极", "热情", "一般", "犹豫", "冷淡", "比较专业", "重视价格"]
    static let focusPoints = ["外观", "安全", "动力", "操控", "舒适", "经济"]
    static let payments = ["全款", "分期", "融资租赁", "银行承兑"]
    static let occupations = ["企业主", "采购", "工程师", "厂长", "个体户"]

    static let contents: [String] = [
        "电话沟通设备需求，客户在比较几家报价",
        "上门拜访，参观车间，了解现有设备情况",
        "客户来店看样机，对性能比较满意",
        "发送产品资料和报价单，约定下周回复",
        "对比了{c}的报价，我方价格略高",
        "客户确认预算，需要总经理审批",
        "技术交流，解答了加工精度方面的问题",
        "跟进报价，客户希望再优惠 3%",
        "客户反馈旧设备故障频繁，有更换意向",
        "邀请客户参加下月展会，已答应",
        "微信发送案例视频，客户已读",
        "回访使用情况，设备运行正常",
        "售后技术支持，现场调试完成",
        "商谈付款方式，倾向分期",
        "客户暂无采购计划，保持联系",
    ]
    static let bottlenecks: [String] = [
        "预算审批未下来，先约技术交流",
        "决策人是总经理，需安排高层见面",
        "价格高于竞品，准备成功案例说明性价比",
        "客户担心售后，安排技术人员陪同拜访",
        "付款方式未谈妥，申请分期方案",
        "竞品关系深，从使用部门入手",
    ]
    static let comments: [String] = [
        "先约技术交流，带案例",
        "抓紧，本周内要见到决策人",
        "价格可以申请特批，先摸清预算",
        "跟进及时，继续保持",
        "需要更详细的瓶颈分析",
        "注意竞品动向，下次带上对比表",
        "好，按计划推进",
    ]
}
