import Testing
import KehuCore

struct CustomerCodeTests {
    /// Real cities, polyphonic characters included, with the initials people actually use.
    @Test(arguments: [
        ("广州", "粤GZ"), ("重庆", "渝CQ"), ("长沙", "湘CS"), ("长春", "吉CC"), ("长治", "晋CZ"), ("厦门", "闽XM"),
        ("乐山", "川LS"), ("蚌埠", "皖BB"), ("六安", "皖LA"), ("亳州", "皖BZ"), ("丽水", "浙LS"), ("丽江", "云LJ"),
        ("朝阳", "辽CY"), ("宿迁", "苏SQ"), ("宿州", "皖SZ"), ("台州", "浙TZ"), ("儋州", "琼DZ"), ("濮阳", "豫PY"),
        ("漯河", "豫LH"), ("莆田", "闽PT"), ("鄂尔多斯", "蒙EEDS"), ("呼和浩特", "蒙HHHT"), ("乌鲁木齐", "新WLMQ"),
        ("齐齐哈尔", "黑QQHE"), ("哈尔滨", "黑HEB"), ("西双版纳", "云XSBN"), ("景德镇", "赣JDZ"), ("贵阳", "贵GY"),
        ("拉萨", "藏LS"), ("香港", "港XG"), ("越南", "VN"), ("德国", "DE"),
    ])
    func prefixesOfRealCities(name: String, prefix: String) throws {
        let city = try #require(CityDirectory.city(named: name))
        #expect(CustomerCode.cityPrefix(city) == prefix)
    }

    @Test func theTableCoversEveryPrefectureLevelDivision() {
        let china = CityDirectory.entries.filter { !$0.isAbroad && $0.prefecture == nil }
        // 34 province-level divisions; 333 prefecture-level ones, plus the 4 municipalities,
        // Hong Kong, Macao, 9 cities of Taiwan and 22 county-level cities and areas
        // governed directly by their province.
        #expect(Set(china.map(\.province)).count == 34)
        #expect(china.count == 333 + 4 + 2 + 9 + 22)
        #expect(Set(CityDirectory.entries.map(\.name)).count == CityDirectory.entries.count)
        for city in china {
            #expect(city.initials.count == city.name.count, "\(city.name) \(city.initials)")
            #expect(city.initials.allSatisfy { $0.isASCII && $0.isUppercase }, "\(city.name)")
            #expect(city.abbreviation.count == 1)
        }
        // One abbreviation per province, and no two provinces share one.
        let abbreviations = Dictionary(grouping: china, by: \.province).mapValues { Set($0.map(\.abbreviation)) }
        #expect(abbreviations.values.allSatisfy { $0.count == 1 })
        #expect(Set(abbreviations.values.map { $0.first! }).count == 34)
        #expect(CityDirectory.entries.filter(\.isAbroad).allSatisfy { $0.initials.count == 2 && $0.region == "海外" })
    }

    @Test func citiesAreFoundHoweverTheyAreWritten() {
        let forms = ["广州市": "广州", "广东省广州市": "广州", "广东广州": "广州", " 广州 ": "广州", "延边朝鲜族自治州": "延边",
                     "湘西土家族苗族自治州": "湘西", "伊犁哈萨克自治州": "伊犁", "大兴安岭地区": "大兴安岭", "兴安盟": "兴安",
                     "神农架林区": "神农架", "香港特别行政区": "香港", "新疆维吾尔自治区乌鲁木齐市": "乌鲁木齐",
                     "广西壮族自治区南宁市": "南宁", "上海市": "上海", "吉林省吉林市": "吉林"]
        for (written, name) in forms { #expect(CityDirectory.city(named: written)?.name == name, "\(written)") }
        for wrong in ["火星", "江苏省广州市", "海南省", "", "市", "广东省"] { #expect(CityDirectory.city(named: wrong) == nil, "\(wrong)") }
    }

    @Test func lettersFollowGradeAndStatusWhileTheSerialStays() throws {
        let hangzhou = try #require(CityDirectory.city(named: "杭州"))
        let huzhou = try #require(CityDirectory.city(named: "湖州"))
        // Two cities of one province with the same initials share one run of serials.
        #expect(CustomerCode.cityPrefix(hangzhou) == CustomerCode.cityPrefix(huzhou))
        let code = CustomerCode.make(grade: .general, status: .potential, city: hangzhou, serial: 7)
        #expect(code == "Cb-浙HZ0007")
        let cooperating = CustomerStatus.cooperating.recode(code)
        #expect(cooperating == "Ca-浙HZ0007")
        #expect(CustomerGrade.vip.recode(cooperating) == "Aa-浙HZ0007")
        #expect(CustomerStatus.lost.recode(CustomerGrade.vip.recode(cooperating)) == "Ac-浙HZ0007")
        let abroad = try #require(CityDirectory.city(named: "越南"))
        #expect(CustomerCode.make(grade: .image, status: .cooperating, city: abroad, serial: 12) == "Ia-VN0012")
        #expect(CustomerCode.parse("Aa-粤GZ0001")! == ("Aa", "粤GZ", 1))
        #expect(CustomerCode.parse("Cb-蒙EEDS12345")! == ("Cb", "蒙EEDS", 12345))
        #expect(CustomerCode.parse("Ia-VN0012")! == ("Ia", "VN", 12))
        for bad in ["", "Aa-粤GZ", "Aa粤GZ0001", "Aa-0001", "Aa-粤GZ001"] { #expect(CustomerCode.parse(bad) == nil, "\(bad)") }
    }

    /// A city past 9,999 customers goes on to five digits; a number is written one way only.
    @Test func serialsHaveFourDigitsUntilACityNeedsMore() throws {
        let guangzhou = try #require(CityDirectory.city(named: "广州"))
        #expect(CustomerCode.make(grade: .general, status: .potential, city: guangzhou, serial: 9999) == "Cb-粤GZ9999")
        #expect(CustomerCode.make(grade: .general, status: .potential, city: guangzhou, serial: 10000) == "Cb-粤GZ10000")
        #expect(CustomerCode.parse("Cb-粤GZ15021")! == ("Cb", "粤GZ", 15021))
        // Padded beyond four digits, or no number at all, is not a kehu code (check says so).
        for bad in ["Cb-粤GZ00015", "Cb-粤GZ09999", "Cb-粤GZ0000", "Cb-粤GZ00000"] { #expect(CustomerCode.parse(bad) == nil, "\(bad)") }
    }

    /// County-level cities, where many companies sit: their own name as the customer's
    /// city, their prefecture's letters in the code (so 义乌's customers count on 金华's run).
    @Test(arguments: [
        ("义乌", "浙江", "金华", "浙JH"), ("昆山市", "江苏", "苏州", "苏SZ"), ("江苏省江阴市", "江苏", "无锡", "苏WX"),
        ("张家港", "江苏", "苏州", "苏SZ"), ("晋江", "福建", "泉州", "闽QZ"), ("普宁市", "广东", "揭阳", "粤JY"),
        ("延吉", "吉林", "延边", "吉YB"), ("都江堰", "四川", "成都", "川CD"), ("库尔勒", "新疆", "巴音郭楞", "新BYGL"),
    ])
    func countyLevelCitiesCarryTheirPrefecturesLetters(name: String, province: String, prefecture: String, prefix: String) throws {
        let city = try #require(CityDirectory.city(named: name))
        #expect(name.contains(city.name) && city.province == province && city.prefecture == prefecture)
        #expect(CustomerCode.cityPrefix(city) == prefix)
    }

    @Test func everyCountyLevelCityFindsItsPrefecture() {
        let counties = CityDirectory.entries.filter { $0.prefecture != nil }
        #expect(counties.count >= 360, "\(counties.count)")
        // A prefecture's own entry is never shadowed by a county-level city of its name.
        for county in counties { #expect(CityDirectory.city(named: county.name) == county, "\(county.name)") }
        #expect(CityDirectory.city(named: "恩施")?.prefecture == nil)
    }
}
