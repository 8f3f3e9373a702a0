/// Where customers are: every province-level division of China with the one-character
/// abbreviation of its licence plates (粤, 京, 沪, 川, 贵, 云 …), every prefecture-level
/// division in it (cities, autonomous prefectures, leagues, areas, and the county-level
/// cities governed directly by a province), and foreign countries. The customer code needs
/// each city's pinyin initials as the name is really said — 重庆 CQ, 长沙 CS, 厦门 XM, 蚌埠 BB,
/// 六安 LA, 亳州 BZ — which a character-by-character transliteration gets wrong, so the
/// initials are written out here and checked by hand, not computed.
public enum CityDirectory {
    public struct City: Hashable, Sendable {
        /// 省 (or 国外 for a foreign country).
        public let province: String
        /// One character for Chinese provinces; empty abroad, where the initials say it all.
        public let abbreviation: String
        public let name: String
        /// Pinyin initials in China, the ISO 3166 letters abroad.
        public let initials: String
        /// The geographic region (华北, 东北, 华东, 华中, 华南, 西南, 西北, or 海外).
        public let region: String
        /// For a county-level city (义乌, 昆山, 江阴): the prefecture-level city it lies in,
        /// whose initials its customers' codes carry (see `countyTable`).
        public var prefecture: String? = nil

        public var isAbroad: Bool { abbreviation.isEmpty }
    }

    /// Province, abbreviation, region: city initials, … — a province may take several lines.
    private static let chinaTable = """
        北京 京 华北: 北京 BJ
        天津 津 华北: 天津 TJ
        河北 冀 华北: 石家庄 SJZ, 唐山 TS, 秦皇岛 QHD, 邯郸 HD, 邢台 XT, 保定 BD, 张家口 ZJK, 承德 CD, 沧州 CZ
        河北 冀 华北: 廊坊 LF, 衡水 HS
        山西 晋 华北: 太原 TY, 大同 DT, 阳泉 YQ, 长治 CZ, 晋城 JC, 朔州 SZ, 晋中 JZ, 运城 YC, 忻州 XZ
        山西 晋 华北: 临汾 LF, 吕梁 LL
        内蒙古 蒙 华北: 呼和浩特 HHHT, 包头 BT, 乌海 WH, 赤峰 CF, 通辽 TL, 鄂尔多斯 EEDS, 呼伦贝尔 HLBE, 巴彦淖尔 BYNE, 乌兰察布 WLCB
        内蒙古 蒙 华北: 兴安 XA, 锡林郭勒 XLGL, 阿拉善 ALS
        辽宁 辽 东北: 沈阳 SY, 大连 DL, 鞍山 AS, 抚顺 FS, 本溪 BX, 丹东 DD, 锦州 JZ, 营口 YK, 阜新 FX
        辽宁 辽 东北: 辽阳 LY, 盘锦 PJ, 铁岭 TL, 朝阳 CY, 葫芦岛 HLD
        吉林 吉 东北: 长春 CC, 吉林 JL, 四平 SP, 辽源 LY, 通化 TH, 白山 BS, 松原 SY, 白城 BC, 延边 YB
        黑龙江 黑 东北: 哈尔滨 HEB, 齐齐哈尔 QQHE, 鸡西 JX, 鹤岗 HG, 双鸭山 SYS, 大庆 DQ, 伊春 YC, 佳木斯 JMS, 七台河 QTH
        黑龙江 黑 东北: 牡丹江 MDJ, 黑河 HH, 绥化 SH, 大兴安岭 DXAL
        上海 沪 华东: 上海 SH
        江苏 苏 华东: 南京 NJ, 无锡 WX, 徐州 XZ, 常州 CZ, 苏州 SZ, 南通 NT, 连云港 LYG, 淮安 HA, 盐城 YC
        江苏 苏 华东: 扬州 YZ, 镇江 ZJ, 泰州 TZ, 宿迁 SQ
        浙江 浙 华东: 杭州 HZ, 宁波 NB, 温州 WZ, 嘉兴 JX, 湖州 HZ, 绍兴 SX, 金华 JH, 衢州 QZ, 舟山 ZS
        浙江 浙 华东: 台州 TZ, 丽水 LS
        安徽 皖 华东: 合肥 HF, 芜湖 WH, 蚌埠 BB, 淮南 HN, 马鞍山 MAS, 淮北 HB, 铜陵 TL, 安庆 AQ, 黄山 HS
        安徽 皖 华东: 滁州 CZ, 阜阳 FY, 宿州 SZ, 六安 LA, 亳州 BZ, 池州 CZ, 宣城 XC
        福建 闽 华东: 福州 FZ, 厦门 XM, 莆田 PT, 三明 SM, 泉州 QZ, 漳州 ZZ, 南平 NP, 龙岩 LY, 宁德 ND
        江西 赣 华东: 南昌 NC, 景德镇 JDZ, 萍乡 PX, 九江 JJ, 新余 XY, 鹰潭 YT, 赣州 GZ, 吉安 JA, 宜春 YC
        江西 赣 华东: 抚州 FZ, 上饶 SR
        山东 鲁 华东: 济南 JN, 青岛 QD, 淄博 ZB, 枣庄 ZZ, 东营 DY, 烟台 YT, 潍坊 WF, 济宁 JN, 泰安 TA
        山东 鲁 华东: 威海 WH, 日照 RZ, 临沂 LY, 德州 DZ, 聊城 LC, 滨州 BZ, 菏泽 HZ
        台湾 台 华东: 台北 TB, 新北 XB, 桃园 TY, 台中 TZ, 台南 TN, 高雄 GX, 基隆 JL, 新竹 XZ, 嘉义 JY
        河南 豫 华中: 郑州 ZZ, 开封 KF, 洛阳 LY, 平顶山 PDS, 安阳 AY, 鹤壁 HB, 新乡 XX, 焦作 JZ, 濮阳 PY
        河南 豫 华中: 许昌 XC, 漯河 LH, 三门峡 SMX, 南阳 NY, 商丘 SQ, 信阳 XY, 周口 ZK, 驻马店 ZMD, 济源 JY
        湖北 鄂 华中: 武汉 WH, 黄石 HS, 十堰 SY, 宜昌 YC, 襄阳 XY, 鄂州 EZ, 荆门 JM, 孝感 XG, 荆州 JZ
        湖北 鄂 华中: 黄冈 HG, 咸宁 XN, 随州 SZ, 恩施 ES, 仙桃 XT, 潜江 QJ, 天门 TM, 神农架 SNJ
        湖南 湘 华中: 长沙 CS, 株洲 ZZ, 湘潭 XT, 衡阳 HY, 邵阳 SY, 岳阳 YY, 常德 CD, 张家界 ZJJ, 益阳 YY
        湖南 湘 华中: 郴州 CZ, 永州 YZ, 怀化 HH, 娄底 LD, 湘西 XX
        广东 粤 华南: 广州 GZ, 韶关 SG, 深圳 SZ, 珠海 ZH, 汕头 ST, 佛山 FS, 江门 JM, 湛江 ZJ, 茂名 MM
        广东 粤 华南: 肇庆 ZQ, 惠州 HZ, 梅州 MZ, 汕尾 SW, 河源 HY, 阳江 YJ, 清远 QY, 东莞 DG, 中山 ZS
        广东 粤 华南: 潮州 CZ, 揭阳 JY, 云浮 YF
        广西 桂 华南: 南宁 NN, 柳州 LZ, 桂林 GL, 梧州 WZ, 北海 BH, 防城港 FCG, 钦州 QZ, 贵港 GG, 玉林 YL
        广西 桂 华南: 百色 BS, 贺州 HZ, 河池 HC, 来宾 LB, 崇左 CZ
        海南 琼 华南: 海口 HK, 三亚 SY, 三沙 SS, 儋州 DZ, 五指山 WZS, 琼海 QH, 文昌 WC, 万宁 WN, 东方 DF
        香港 港 华南: 香港 XG
        澳门 澳 华南: 澳门 AM
        重庆 渝 西南: 重庆 CQ
        四川 川 西南: 成都 CD, 自贡 ZG, 攀枝花 PZH, 泸州 LZ, 德阳 DY, 绵阳 MY, 广元 GY, 遂宁 SN, 内江 NJ
        四川 川 西南: 乐山 LS, 南充 NC, 眉山 MS, 宜宾 YB, 广安 GA, 达州 DZ, 雅安 YA, 巴中 BZ, 资阳 ZY
        四川 川 西南: 阿坝 AB, 甘孜 GZ, 凉山 LS
        贵州 贵 西南: 贵阳 GY, 六盘水 LPS, 遵义 ZY, 安顺 AS, 毕节 BJ, 铜仁 TR, 黔西南 QXN, 黔东南 QDN, 黔南 QN
        云南 云 西南: 昆明 KM, 曲靖 QJ, 玉溪 YX, 保山 BS, 昭通 ZT, 丽江 LJ, 普洱 PE, 临沧 LC, 楚雄 CX
        云南 云 西南: 红河 HH, 文山 WS, 西双版纳 XSBN, 大理 DL, 德宏 DH, 怒江 NJ, 迪庆 DQ
        西藏 藏 西南: 拉萨 LS, 日喀则 RKZ, 昌都 CD, 林芝 LZ, 山南 SN, 那曲 NQ, 阿里 AL
        陕西 陕 西北: 西安 XA, 铜川 TC, 宝鸡 BJ, 咸阳 XY, 渭南 WN, 延安 YA, 汉中 HZ, 榆林 YL, 安康 AK
        陕西 陕 西北: 商洛 SL
        甘肃 甘 西北: 兰州 LZ, 嘉峪关 JYG, 金昌 JC, 白银 BY, 天水 TS, 武威 WW, 张掖 ZY, 平凉 PL, 酒泉 JQ
        甘肃 甘 西北: 庆阳 QY, 定西 DX, 陇南 LN, 临夏 LX, 甘南 GN
        青海 青 西北: 西宁 XN, 海东 HD, 海北 HB, 黄南 HN, 海南 HN, 果洛 GL, 玉树 YS, 海西 HX
        宁夏 宁 西北: 银川 YC, 石嘴山 SZS, 吴忠 WZ, 固原 GY, 中卫 ZW
        新疆 新 西北: 乌鲁木齐 WLMQ, 克拉玛依 KLMY, 吐鲁番 TLF, 哈密 HM, 昌吉 CJ, 博尔塔拉 BETL, 巴音郭楞 BYGL, 阿克苏 AKS, 克孜勒苏 KZLS
        新疆 新 西北: 喀什 KS, 和田 HT, 伊犁 YL, 塔城 TC, 阿勒泰 ALT, 石河子 SHZ, 阿拉尔 ALE, 图木舒克 TMSK, 五家渠 WJQ
        新疆 新 西北: 北屯 BT, 铁门关 TMG, 双河 SH, 可克达拉 KKDL, 昆玉 KY, 胡杨河 HYH, 新星 XX, 白杨 BY
        """

    /// County-level cities (县级市) and the prefecture each lies in. Many companies sit in
    /// them (义乌, 昆山, 江阴, 张家港, 晋江 …), so a customer there keeps that city as its
    /// city; its code carries the prefecture's initials (义乌 → 浙JH, like 金华), not initials
    /// of its own, because those would collide with prefectures' in the same province (昆山
    /// KS, 江阴 JY against 揭阳, 晋江 JJ against 九江's run …) and because the prefecture is
    /// the unit a sales region is planned by. Cities named like their prefecture (恩施,
    /// 楚雄, 大理) are the prefecture's entry already. Province: city prefecture, …
    private static let countyTable = """
        河北: 辛集 石家庄, 晋州 石家庄, 新乐 石家庄, 遵化 唐山, 迁安 唐山, 滦州 唐山, 武安 邯郸, 南宫 邢台, 沙河 邢台, 涿州 保定
        河北: 定州 保定, 安国 保定, 高碑店 保定, 泊头 沧州, 任丘 沧州, 黄骅 沧州, 河间 沧州, 霸州 廊坊, 三河 廊坊, 深州 衡水, 平泉 承德
        山西: 古交 太原, 高平 晋城, 介休 晋中, 永济 运城, 河津 运城, 原平 忻州, 侯马 临汾, 霍州 临汾, 孝义 吕梁, 汾阳 吕梁, 怀仁 朔州
        内蒙古: 霍林郭勒 通辽, 满洲里 呼伦贝尔, 牙克石 呼伦贝尔, 扎兰屯 呼伦贝尔, 额尔古纳 呼伦贝尔, 根河 呼伦贝尔, 丰镇 乌兰察布
        内蒙古: 乌兰浩特 兴安, 阿尔山 兴安, 二连浩特 锡林郭勒, 锡林浩特 锡林郭勒
        辽宁: 新民 沈阳, 瓦房店 大连, 庄河 大连, 海城 鞍山, 东港 丹东, 凤城 丹东, 凌海 锦州, 北镇 锦州, 盖州 营口, 大石桥 营口
        辽宁: 灯塔 辽阳, 调兵山 铁岭, 开原 铁岭, 北票 朝阳, 凌源 朝阳, 兴城 葫芦岛
        吉林: 榆树 长春, 德惠 长春, 公主岭 长春, 蛟河 吉林, 桦甸 吉林, 舒兰 吉林, 磐石 吉林, 双辽 四平, 梅河口 通化, 集安 通化
        吉林: 临江 白山, 扶余 松原, 洮南 白城, 大安 白城, 延吉 延边, 图们 延边, 敦化 延边, 珲春 延边, 龙井 延边, 和龙 延边
        黑龙江: 尚志 哈尔滨, 五常 哈尔滨, 讷河 齐齐哈尔, 虎林 鸡西, 密山 鸡西, 铁力 伊春, 同江 佳木斯, 富锦 佳木斯, 抚远 佳木斯
        黑龙江: 绥芬河 牡丹江, 海林 牡丹江, 宁安 牡丹江, 穆棱 牡丹江, 东宁 牡丹江, 北安 黑河, 五大连池 黑河, 嫩江 黑河
        黑龙江: 安达 绥化, 肇东 绥化, 海伦 绥化, 漠河 大兴安岭
        江苏: 江阴 无锡, 宜兴 无锡, 新沂 徐州, 邳州 徐州, 溧阳 常州, 常熟 苏州, 张家港 苏州, 昆山 苏州, 太仓 苏州, 启东 南通
        江苏: 如皋 南通, 海安 南通, 东台 盐城, 仪征 扬州, 高邮 扬州, 丹阳 镇江, 扬中 镇江, 句容 镇江, 兴化 泰州, 靖江 泰州, 泰兴 泰州
        浙江: 建德 杭州, 余姚 宁波, 慈溪 宁波, 瑞安 温州, 乐清 温州, 龙港 温州, 海宁 嘉兴, 平湖 嘉兴, 桐乡 嘉兴, 诸暨 绍兴
        浙江: 嵊州 绍兴, 兰溪 金华, 义乌 金华, 东阳 金华, 永康 金华, 江山 衢州, 温岭 台州, 临海 台州, 玉环 台州, 龙泉 丽水
        安徽: 巢湖 合肥, 无为 芜湖, 界首 阜阳, 天长 滁州, 明光 滁州, 桐城 安庆, 潜山 安庆, 宁国 宣城, 广德 宣城
        福建: 福清 福州, 永安 三明, 石狮 泉州, 晋江 泉州, 南安 泉州, 漳平 龙岩, 邵武 南平, 武夷山 南平, 建瓯 南平, 福安 宁德, 福鼎 宁德
        江西: 乐平 景德镇, 瑞昌 九江, 共青城 九江, 庐山 九江, 贵溪 鹰潭, 瑞金 赣州, 龙南 赣州, 井冈山 吉安, 丰城 宜春, 樟树 宜春
        江西: 高安 宜春, 德兴 上饶
        山东: 胶州 青岛, 平度 青岛, 莱西 青岛, 滕州 枣庄, 龙口 烟台, 莱阳 烟台, 莱州 烟台, 招远 烟台, 栖霞 烟台, 海阳 烟台
        山东: 青州 潍坊, 诸城 潍坊, 寿光 潍坊, 安丘 潍坊, 高密 潍坊, 昌邑 潍坊, 曲阜 济宁, 邹城 济宁, 新泰 泰安, 肥城 泰安
        山东: 荣成 威海, 乳山 威海, 乐陵 德州, 禹城 德州, 临清 聊城, 邹平 滨州
        河南: 巩义 郑州, 荥阳 郑州, 新密 郑州, 新郑 郑州, 登封 郑州, 舞钢 平顶山, 汝州 平顶山, 林州 安阳, 卫辉 新乡, 辉县 新乡
        河南: 长垣 新乡, 沁阳 焦作, 孟州 焦作, 禹州 许昌, 长葛 许昌, 义马 三门峡, 灵宝 三门峡, 邓州 南阳, 永城 商丘, 项城 周口
        湖北: 大冶 黄石, 丹江口 十堰, 宜都 宜昌, 当阳 宜昌, 枝江 宜昌, 老河口 襄阳, 枣阳 襄阳, 宜城 襄阳, 京山 荆门, 钟祥 荆门
        湖北: 应城 孝感, 安陆 孝感, 汉川 孝感, 石首 荆州, 洪湖 荆州, 松滋 荆州, 监利 荆州, 麻城 黄冈, 武穴 黄冈, 赤壁 咸宁
        湖北: 广水 随州, 利川 恩施
        湖南: 浏阳 长沙, 宁乡 长沙, 醴陵 株洲, 湘乡 湘潭, 韶山 湘潭, 耒阳 衡阳, 常宁 衡阳, 武冈 邵阳, 邵东 邵阳, 汨罗 岳阳
        湖南: 临湘 岳阳, 津市 常德, 沅江 益阳, 资兴 郴州, 洪江 怀化, 冷水江 娄底, 涟源 娄底, 吉首 湘西
        广东: 乐昌 韶关, 南雄 韶关, 台山 江门, 开平 江门, 鹤山 江门, 恩平 江门, 廉江 湛江, 雷州 湛江, 吴川 湛江, 高州 茂名
        广东: 化州 茂名, 信宜 茂名, 四会 肇庆, 兴宁 梅州, 陆丰 汕尾, 阳春 阳江, 英德 清远, 连州 清远, 普宁 揭阳, 罗定 云浮
        广西: 横州 南宁, 荔浦 桂林, 岑溪 梧州, 东兴 防城港, 桂平 贵港, 北流 玉林, 靖西 百色, 平果 百色, 合山 来宾, 凭祥 崇左
        四川: 都江堰 成都, 彭州 成都, 邛崃 成都, 崇州 成都, 简阳 成都, 广汉 德阳, 什邡 德阳, 绵竹 德阳, 江油 绵阳, 射洪 遂宁
        四川: 隆昌 内江, 峨眉山 乐山, 阆中 南充, 华蓥 广安, 万源 达州, 西昌 凉山, 会理 凉山, 马尔康 阿坝, 康定 甘孜
        贵州: 清镇 贵阳, 赤水 遵义, 仁怀 遵义, 盘州 六盘水, 凯里 黔东南, 都匀 黔南, 福泉 黔南, 兴义 黔西南, 兴仁 黔西南, 黔西 毕节
        云南: 安宁 昆明, 宣威 曲靖, 澄江 玉溪, 腾冲 保山, 水富 昭通, 禄丰 楚雄, 个旧 红河, 开远 红河, 蒙自 红河, 弥勒 红河
        云南: 景洪 西双版纳, 瑞丽 德宏, 芒市 德宏, 泸水 怒江, 香格里拉 迪庆
        陕西: 兴平 咸阳, 彬州 咸阳, 韩城 渭南, 华阴 渭南, 子长 延安, 神木 榆林, 旬阳 安康
        甘肃: 玉门 酒泉, 敦煌 酒泉, 合作 甘南, 华亭 平凉
        青海: 茫崖 海西, 格尔木 海西, 德令哈 海西, 同仁 黄南
        宁夏: 灵武 银川, 青铜峡 吴忠
        新疆: 库尔勒 巴音郭楞, 伊宁 伊犁, 奎屯 伊犁, 霍尔果斯 伊犁, 博乐 博尔塔拉, 阿拉山口 博尔塔拉, 昌吉 昌吉, 阜康 昌吉
        新疆: 阿图什 克孜勒苏, 乌苏 塔城, 沙湾 塔城, 阿勒泰 阿勒泰, 库车 阿克苏
        """

    /// Countries kehu's users sell to, by Chinese name, with their ISO letters.
    private static let abroadTable = """
        越南 VN, 泰国 TH, 马来西亚 MY, 新加坡 SG, 印度尼西亚 ID, 菲律宾 PH, 柬埔寨 KH, 缅甸 MM, 老挝 LA
        印度 IN, 巴基斯坦 PK, 孟加拉国 BD, 斯里兰卡 LK, 尼泊尔 NP, 蒙古 MN, 俄罗斯 RU, 哈萨克斯坦 KZ, 乌兹别克斯坦 UZ
        吉尔吉斯斯坦 KG, 塔吉克斯坦 TJ, 日本 JP, 韩国 KR, 美国 US, 加拿大 CA, 墨西哥 MX, 巴西 BR, 阿根廷 AR
        智利 CL, 秘鲁 PE, 哥伦比亚 CO, 英国 GB, 德国 DE, 法国 FR, 意大利 IT, 西班牙 ES, 荷兰 NL
        比利时 BE, 波兰 PL, 土耳其 TR, 沙特阿拉伯 SA, 阿联酋 AE, 卡塔尔 QA, 伊朗 IR, 伊拉克 IQ, 以色列 IL
        埃及 EG, 阿尔及利亚 DZ, 摩洛哥 MA, 尼日利亚 NG, 埃塞俄比亚 ET, 肯尼亚 KE, 坦桑尼亚 TZ, 安哥拉 AO, 南非 ZA
        澳大利亚 AU, 新西兰 NZ
        """

    public static let entries: [City] = {
        var cities: [City] = []
        for line in chinaTable.split(separator: "\n") {
            let halves = line.split(separator: ":", maxSplits: 1)
            let head = halves[0].split(separator: " ").map(String.init)
            for item in halves[1].split(separator: ",") {
                let pair = item.split(separator: " ").map(String.init)
                cities.append(City(province: head[0], abbreviation: head[1], name: pair[0], initials: pair[1], region: head[2]))
            }
        }
        // A county-level city: its own name and province, its prefecture's code letters.
        let prefectures = Dictionary(cities.map { ("\($0.province) \($0.name)", $0) }, uniquingKeysWith: { first, _ in first })
        for line in countyTable.split(separator: "\n") {
            let halves = line.split(separator: ":", maxSplits: 1)
            let province = String(halves[0]).trimmingWhitespace()
            for item in halves[1].split(separator: ",") {
                let pair = item.split(separator: " ").map(String.init)
                guard pair[0] != pair[1], let prefecture = prefectures["\(province) \(pair[1])"] else { continue }
                cities.append(City(province: province, abbreviation: prefecture.abbreviation, name: pair[0], initials: prefecture.initials,
                                   region: prefecture.region, prefecture: prefecture.name))
            }
        }
        for item in abroadTable.split(whereSeparator: { $0 == "," || $0 == "\n" }) {
            let pair = item.split(separator: " ").map(String.init)
            cities.append(City(province: "国外", abbreviation: "", name: pair[0], initials: pair[1], region: "海外"))
        }
        return cities
    }()

    private static let byName: [String: City] = Dictionary(entries.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    private static let provinces: [String] = Array(Set(entries.filter { !$0.isAbroad }.map(\.province))).sorted { $0.count > $1.count }

    /// What may follow a city's short name: 广州市, 延边朝鲜族自治州, 兴安盟, 阿克苏地区 …
    private static let designations = ["特别行政区", "自治州", "地区", "林区", "市", "盟", "州"]
    /// What may follow a province's name when it is written before the city.
    private static let provinceDesignations = ["维吾尔自治区", "壮族自治区", "回族自治区", "特别行政区", "自治区", "省", "市"]

    /// Finds a city however it is usually written: 广州, 广州市, 广东省广州市, 广东广州,
    /// 延边朝鲜族自治州, 大兴安岭地区; a country by its Chinese name. Nil for anything else.
    public static func city(named raw: String) -> City? {
        let half = Normalization.halfWidth(raw)
        // (The ideographic space is already a plain one; a name without any is kept whole.)
        let name = half.utf8.contains(0x20) ? half.filter { $0 != " " && $0 != "\u{3000}" } : half
        guard !name.isEmpty else { return nil }
        if let city = byName[name] ?? shortName(name).flatMap({ byName[$0] }) { return city }
        // 广东省广州市: the province first, then the city — which must lie in that province.
        for province in provinces where name.hasPrefix(province) && name.count > province.count {
            var rest = String(name.dropFirst(province.count))
            if let designation = provinceDesignations.first(where: { rest.hasPrefix($0) && rest.count > $0.count }) {
                rest.removeFirst(designation.count)
            }
            if let city = byName[rest] ?? shortName(rest).flatMap({ byName[$0] }), city.province == province { return city }
        }
        return nil
    }

    /// 延边朝鲜族自治州 → 延边: the longest known name the text starts with, when what is
    /// left is a designation (after the peoples' names, for an autonomous prefecture).
    private static func shortName(_ name: String) -> String? {
        guard let designation = designations.first(where: { name.hasSuffix($0) && name.count > $0.count }) else { return nil }
        let stem = String(name.dropLast(designation.count))
        if byName[stem] != nil { return stem }
        // The peoples are named between the place and 自治州 (湘西土家族苗族, 伊犁哈萨克).
        guard designation == "自治州" else { return nil }
        return stride(from: min(stem.count - 1, 4), through: 2, by: -1).map { String(stem.prefix($0)) }.first { byName[$0] != nil }
    }
}

/// 客户编码: grade letter, status letter, -, province abbreviation, city initials, serial.
public enum CustomerCode {
    /// The part serials count within ("粤GZ"). Two cities of one province can share it
    /// (浙江's 杭州 and 湖州 are both 浙HZ); they then share one run of serials, so a code
    /// never names two customers.
    public static func cityPrefix(_ city: CityDirectory.City) -> String { city.abbreviation + city.initials }

    public static func make(grade: CustomerGrade, status: CustomerStatus, city: CityDirectory.City, serial: Int) -> String {
        "\(grade.letter)\(status.letter)-\(cityPrefix(city))\(serialText(serial))"
    }

    /// A serial as a code writes it: four digits (0001–9999), and from the 10,000th
    /// customer of a city on, as many as it takes (10000, 15021) — a city never runs out,
    /// and one number is written only one way.
    public static func serialText(_ serial: Int) -> String {
        let digits = String(serial)
        return digits.count >= 4 ? digits : String(repeating: "0", count: 4 - digits.count) + digits
    }

    /// Splits a code into its letters, prefix and serial: "Aa-粤GZ0001" → ("Aa", "粤GZ", 1).
    /// Nil for text that is not a customer code.
    public static func parse(_ code: String) -> (letters: String, prefix: String, serial: Int)? {
        let parts = code.split(separator: "-", maxSplits: 1)
        guard parts.count == 2, parts[0].count == 2 else { return nil }
        let digits = parts[1].reversed().prefix { $0.isASCII && $0.isNumber }
        let text = String(digits.reversed())
        // Only the one way `serialText` writes it: not 00015, not 0 (nor 0000).
        guard digits.count >= 4, let serial = Int(text), serial > 0, serialText(serial) == text else { return nil }
        let prefix = String(parts[1].dropLast(digits.count))
        guard !prefix.isEmpty else { return nil }
        return (String(parts[0]), prefix, serial)
    }
}
