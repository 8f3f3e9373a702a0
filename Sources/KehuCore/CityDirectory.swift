/// Cities kehu knows, with what the customer code needs: the province's one-character
/// abbreviation and the city's pinyin initials as the city is really said (重庆 CQ, 长沙 CS,
/// 乐山 LS, not a character-by-character reading). Area codes and postal prefixes come
/// along. A starting set; the archive-rules issue brings every prefecture-level city.
public enum CityDirectory {
    public struct City: Hashable, Sendable {
        public let province: String
        public let abbreviation: String
        public let name: String
        public let initials: String
        public let areaCode: String
        public let postalPrefix: String
        public let region: String
    }

    public static let entries: [City] = [
        City(province: "广东", abbreviation: "粤", name: "广州", initials: "GZ", areaCode: "020", postalPrefix: "510", region: "华南"),
        City(province: "广东", abbreviation: "粤", name: "深圳", initials: "SZ", areaCode: "0755", postalPrefix: "518", region: "华南"),
        City(province: "广东", abbreviation: "粤", name: "佛山", initials: "FS", areaCode: "0757", postalPrefix: "528", region: "华南"),
        City(province: "广东", abbreviation: "粤", name: "东莞", initials: "DG", areaCode: "0769", postalPrefix: "523", region: "华南"),
        City(province: "广东", abbreviation: "粤", name: "珠海", initials: "ZH", areaCode: "0756", postalPrefix: "519", region: "华南"),
        City(province: "广东", abbreviation: "粤", name: "中山", initials: "ZS", areaCode: "0760", postalPrefix: "528", region: "华南"),
        City(province: "福建", abbreviation: "闽", name: "厦门", initials: "XM", areaCode: "0592", postalPrefix: "361", region: "华南"),
        City(province: "福建", abbreviation: "闽", name: "福州", initials: "FZ", areaCode: "0591", postalPrefix: "350", region: "华南"),
        City(province: "湖南", abbreviation: "湘", name: "长沙", initials: "CS", areaCode: "0731", postalPrefix: "410", region: "华南"),
        City(province: "上海", abbreviation: "沪", name: "上海", initials: "SH", areaCode: "021", postalPrefix: "200", region: "华东"),
        City(province: "江苏", abbreviation: "苏", name: "南京", initials: "NJ", areaCode: "025", postalPrefix: "210", region: "华东"),
        City(province: "江苏", abbreviation: "苏", name: "苏州", initials: "SZ", areaCode: "0512", postalPrefix: "215", region: "华东"),
        City(province: "江苏", abbreviation: "苏", name: "无锡", initials: "WX", areaCode: "0510", postalPrefix: "214", region: "华东"),
        City(province: "江苏", abbreviation: "苏", name: "常州", initials: "CZ", areaCode: "0519", postalPrefix: "213", region: "华东"),
        City(province: "浙江", abbreviation: "浙", name: "杭州", initials: "HZ", areaCode: "0571", postalPrefix: "310", region: "华东"),
        City(province: "浙江", abbreviation: "浙", name: "宁波", initials: "NB", areaCode: "0574", postalPrefix: "315", region: "华东"),
        City(province: "浙江", abbreviation: "浙", name: "温州", initials: "WZ", areaCode: "0577", postalPrefix: "325", region: "华东"),
        City(province: "山东", abbreviation: "鲁", name: "济南", initials: "JN", areaCode: "0531", postalPrefix: "250", region: "华东"),
        City(province: "山东", abbreviation: "鲁", name: "青岛", initials: "QD", areaCode: "0532", postalPrefix: "266", region: "华东"),
        City(province: "北京", abbreviation: "京", name: "北京", initials: "BJ", areaCode: "010", postalPrefix: "100", region: "华北"),
        City(province: "天津", abbreviation: "津", name: "天津", initials: "TJ", areaCode: "022", postalPrefix: "300", region: "华北"),
        City(province: "河南", abbreviation: "豫", name: "郑州", initials: "ZZ", areaCode: "0371", postalPrefix: "450", region: "华北"),
        City(province: "陕西", abbreviation: "陕", name: "西安", initials: "XA", areaCode: "029", postalPrefix: "710", region: "华北"),
        City(province: "内蒙古", abbreviation: "蒙", name: "鄂尔多斯", initials: "EEDS", areaCode: "0477", postalPrefix: "017", region: "华北"),
        City(province: "内蒙古", abbreviation: "蒙", name: "呼和浩特", initials: "HHHT", areaCode: "0471", postalPrefix: "010", region: "华北"),
        City(province: "四川", abbreviation: "川", name: "成都", initials: "CD", areaCode: "028", postalPrefix: "610", region: "华北"),
        City(province: "四川", abbreviation: "川", name: "乐山", initials: "LS", areaCode: "0833", postalPrefix: "614", region: "华北"),
        City(province: "重庆", abbreviation: "渝", name: "重庆", initials: "CQ", areaCode: "023", postalPrefix: "400", region: "华北"),
        City(province: "湖北", abbreviation: "鄂", name: "武汉", initials: "WH", areaCode: "027", postalPrefix: "430", region: "华南"),
    ]

    /// Finds a city by name, with or without 市.
    public static func city(named raw: String) -> City? {
        var name = Normalization.halfWidth(raw).trimmingWhitespace()
        if name.hasSuffix("市") { name.removeLast() }
        return entries.first { $0.name == name }
    }
}

/// 客户编码: grade letter, status letter, -, province abbreviation, city initials, serial.
public enum CustomerCode {
    /// The part shared by every customer of one city ("粤GZ"): serials count within it.
    public static func cityPrefix(_ city: CityDirectory.City) -> String { city.abbreviation + city.initials }

    public static func make(grade: CustomerGrade, status: CustomerStatus, city: CityDirectory.City, serial: Int) -> String {
        let digits = String(serial)
        let padded = digits.count >= 4 ? digits : String(repeating: "0", count: 4 - digits.count) + digits
        return "\(grade.letter)\(status.letter)-\(cityPrefix(city))\(padded)"
    }
}
