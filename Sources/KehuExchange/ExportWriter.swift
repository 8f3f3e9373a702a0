import Foundation
import KehuCore
import KehuStore
import ZIPFoundation

/// Turns an export into a file people open elsewhere: CSV as Excel in China reads it
/// (UTF-8 with BOM, CRLF, quoted where needed), a real XLSX workbook with typed dates
/// and numbers, or vCard 4.0 for contacts. Headers and coded values (grade, status,
/// method …) are in the reader's language.
public enum ExportWriter {
    public enum Format: String, CaseIterable, Sendable { case csv, xlsx, vcf }

    /// `progress` hears the rows written of the rows there are (CSV and XLSX).
    public static func data(_ table: ExportTable, format: Format, words s: ExportVocabulary,
                            progress: ((Int, Int) -> Void)? = nil) -> Data {
        switch format {
        case .csv: return csv(table, words: s, progress: progress)
        case .xlsx: return xlsx(table, words: s, progress: progress)
        case .vcf: return vcard(table, words: s)
        }
    }

    // MARK: Labels

    static func header(_ column: String, of kind: ExportKind, _ s: ExportVocabulary) -> String {
        // A contact's name is a person's: 姓名, as contact sheets head it.
        if s.chinese, kind == .contacts, column == "name" { return "姓名" }
        let zh: [String: String] = [
            "code": "客户编码", "name": "名称", "grade": "客户等级", "status": "客户状态", "type": "客户类型", "source": "客户来源",
            "province": "省份", "city": "城市", "address": "地址", "postalCode": "邮编", "phone": "电话", "fax": "传真", "website": "网址",
            "email": "邮箱", "industry": "行业", "legalRepresentative": "法人代表", "registeredCapitalWan": "注册资金(万)", "owner": "责任人",
            "team": "团队", "region": "区域", "createdAt": "建档时间", "lastOrderOn": "最近订单", "notes": "备注", "customerCode": "客户编码",
            "customerName": "单位名称", "department": "部门", "position": "职务", "mobile": "手机", "gender": "性别", "birthday": "生日",
            "isDecisionMaker": "决策人", "visitNumber": "拜访次数", "method": "方式", "occurredAt": "时间", "handler": "经办人",
            "contact": "联系人", "content": "洽谈内容", "levelJudged": "级别判定", "impression": "洽谈印象", "bottleneckPlan": "瓶颈分析及跟踪方案",
            "nextVisitOn": "下次访问", "supervisorComment": "主管批示", "commentSigner": "批示人", "commentAt": "批示时间",
            "cardNumber": "意向卡号",
            "mainProducts": "主营产品", "yearsInBusiness": "经营年限", "businessCondition": "经营状况", "creditLevel": "信用等级",
            "supplierStructure": "供应商结构", "nature": "客户性质", "creditLineYuan": "信用额度(元)", "invalidReason": "无效原因",
            // The intent card (001)
            "number": "卡号", "createdOn": "建卡日期", "cardSource": "信息来源", "filledBy": "填卡人", "state": "卡状态",
            "level": "意向级别", "intentScore": "意向度", "personName": "顾客姓名", "age": "年龄", "occupation": "职业",
            "residence": "居住区域", "bestCallbackTime": "方便回访时间", "currentProduct": "现有产品", "mainUser": "主要使用者",
            "purpose": "用途", "situation": "基本情况", "product": "意向产品", "model": "型号", "colour": "颜色",
            "purchaseType": "购买类型", "focusPoints": "关注点", "likedPoints": "中意点", "comparedProducts": "对比产品",
            "budgetYuan": "预算(元)", "paymentMethod": "付款方式", "favourable": "有利因素", "unfavourable": "不利因素",
            "resourcesNeeded": "所需资源", "objections": "主要异议", "companions": "同行人数", "arrivedAt": "到店时间",
            "leftAt": "离店时间", "trialGiven": "试用", "callbackPurpose": "回访目的", "nextVisitTime": "下次访问时刻",
            "closedOn": "结束日期", "closeReason": "结束原因", "chosenProduct": "所购产品", "chosenPriceYuan": "成交价(元)",
            "competitor": "竞争对手",
        ]
        if s.chinese, let label = zh[column] { return label }
        // English: the column key in words ("lastOrderOn" → "last order on").
        return column.reduce(into: "") { text, ch in
            if ch.isUppercase { text += " " + ch.lowercased() } else { text.append(ch) }
        }
    }

    /// A coded value in words; other text as it is.
    static func label(_ column: String, _ raw: String, _ s: ExportVocabulary) -> String {
        switch column {
        case "grade": return CustomerGrade(rawValue: raw).map(s.grade) ?? raw
        case "status": return CustomerStatus(rawValue: raw).map(s.status) ?? raw
        case "type": return CustomerType(rawValue: raw).map(s.type) ?? raw
        case "source": return CustomerSource(rawValue: raw).map(s.source) ?? raw
        case "method": return ContactMethod(rawValue: raw).map(s.method) ?? raw
        case "gender": return raw == "male" ? (s.chinese ? "男" : "male") : raw == "female" ? (s.chinese ? "女" : "female") : raw
        case "isDecisionMaker", "trialGiven": return raw == "yes" ? (s.chinese ? "是" : "yes") : raw
        case "cardSource": return LeadSource(rawValue: raw).map(s.leadSource) ?? raw
        case "creditLevel": return CreditLevel(rawValue: raw).map(s.creditLevel) ?? raw
        case "purchaseType": return PurchaseType(rawValue: raw).map(s.purchaseType) ?? raw
        case "state": return CardState(rawValue: raw).map(s.cardState) ?? raw
        default: return raw
        }
    }

    static func text(_ value: ExportValue, column: String, _ s: ExportVocabulary) -> String {
        switch value {
        case .text(let raw): return label(column, raw, s)
        case .number(let n): return String(n)
        case .date(let d): return d.description
        case .dateTime(let t): return t.description
        case .empty: return ""
        }
    }

    // MARK: CSV

    static func csv(_ table: ExportTable, words s: ExportVocabulary, progress: ((Int, Int) -> Void)? = nil) -> Data {
        var lines = [table.columns.map { header($0, of: table.kind, s) }]
        lines.reserveCapacity(table.rows.count + 1)
        for (index, row) in table.rows.enumerated() {
            if index % 2_000 == 0 { progress?(index, table.rows.count) }
            lines.append(zip(table.columns, row).map { text($1, column: $0, s) })
        }
        progress?(table.rows.count, table.rows.count)
        return CSVWriter.data(lines)
    }

    // MARK: XLSX

    static func xlsx(_ table: ExportTable, words s: ExportVocabulary, progress: ((Int, Int) -> Void)? = nil) -> Data {
        func escape(_ text: String) -> String {
            var out = ""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "&": out += "&amp;"
                case "<": out += "&lt;"
                case ">": out += "&gt;"
                case "\"": out += "&quot;"
                case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
                default: if scalar.value >= 0x20 { out.unicodeScalars.append(scalar) }   // XML forbids other controls
                }
            }
            return out
        }
        func columnName(_ index: Int) -> String {
            var n = index + 1, name = ""
            while n > 0 { let r = (n - 1) % 26; name = String(UnicodeScalar(UInt8(65 + r))) + name; n = (n - 1) / 26 }
            return name
        }
        // Excel counts days from 1899-12-30.
        let epoch = LocalDate(year: 1899, month: 12, day: 30)!.dayNumber
        func cell(_ value: ExportValue, column: String, ref: String) -> String {
            switch value {
            case .number(let n): return "<c r=\"\(ref)\"><v>\(n)</v></c>"
            case .date(let d): return "<c r=\"\(ref)\" s=\"1\"><v>\(d.dayNumber - epoch)</v></c>"
            case .dateTime(let t):
                let serial = Double(t.date.dayNumber - epoch) + Double(t.hour * 60 + t.minute) / 1440
                return "<c r=\"\(ref)\" s=\"2\"><v>\(serial)</v></c>"
            case .empty: return ""
            case .text: return "<c r=\"\(ref)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\(escape(text(value, column: column, s)))</t></is></c>"
            }
        }
        var sheet = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
            """
        let headers = table.columns.enumerated().map { cell(.text(header($1, of: table.kind, s)), column: "", ref: "\(columnName($0))1") }
        sheet += "<row r=\"1\">" + headers.joined() + "</row>"
        for (index, row) in table.rows.enumerated() {
            if index % 2_000 == 0 { progress?(index, table.rows.count) }
            let r = index + 2
            sheet += "<row r=\"\(r)\">"
            for (c, value) in row.enumerated() { sheet += cell(value, column: table.columns[c], ref: "\(columnName(c))\(r)") }
            sheet += "</row>"
        }
        sheet += "</sheetData></worksheet>"
        let name = table.kind.rawValue
        var zip = Package()
        zip.add("[Content_Types].xml", Data("""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/>\
            <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
            <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
            <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
            </Types>
            """.utf8))
        zip.add("_rels/.rels", Data("""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
            </Relationships>
            """.utf8))
        zip.add("xl/workbook.xml", Data("""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
            <sheets><sheet name="\(name)" sheetId="1" r:id="rId1"/></sheets></workbook>
            """.utf8))
        zip.add("xl/_rels/workbook.xml.rels", Data("""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
            <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
            </Relationships>
            """.utf8))
        zip.add("xl/styles.xml", Data("""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
            <numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy-mm-dd hh:mm"/><numFmt numFmtId="165" formatCode="yyyy-mm-dd"/></numFmts>\
            <fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>\
            <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
            <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
            <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
            <cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
            <xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
            <xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>\
            </styleSheet>
            """.utf8))
        zip.add("xl/worksheets/sheet1.xml", Data(sheet.utf8))
        return zip.data
    }

    /// The workbook's zip: deflated entries, dated 1980-01-01 so the same export gives
    /// the same bytes.
    struct Package {
        private let archive: Archive?
        private var failed = false

        init() { archive = try? Archive(data: Data(), accessMode: .create) }

        mutating func add(_ name: String, _ content: Data) {
            do {
                try archive?.addEntry(with: name, type: .file, uncompressedSize: Int64(content.count),
                                      modificationDate: Date(timeIntervalSince1970: 315_532_800), compressionMethod: .deflate) { position, size in
                    content.subdata(in: Int(position)..<Int(position) + size)
                }
            } catch {
                failed = true
            }
        }

        /// The zip's bytes; empty if it could not be made (then no file is written).
        var data: Data { failed ? Data() : archive?.data ?? Data() }
    }

    // MARK: vCard

    /// vCard 4.0 (RFC 6350), one card per contact, lines folded at 75 octets without
    /// splitting a character. Only contacts have cards.
    static func vcard(_ table: ExportTable, words s: ExportVocabulary) -> Data {
        guard table.kind == .contacts else { return Data() }
        func value(_ row: [ExportValue], _ column: String) -> String {
            guard let index = table.columns.firstIndex(of: column) else { return "" }
            return ExportWriter.text(row[index], column: column, s)
        }
        func escape(_ text: String) -> String {
            text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: ",", with: "\\,")
                .replacingOccurrences(of: ";", with: "\\;").replacingOccurrences(of: "\r\n", with: "\\n").replacingOccurrences(of: "\n", with: "\\n")
        }
        func fold(_ line: String) -> String {
            var out = "", octets = 0
            for ch in line {
                let size = String(ch).utf8.count
                if octets + size > 75 { out += "\r\n "; octets = 1 }
                out.append(ch)
                octets += size
            }
            return out + "\r\n"
        }
        var cards = ""
        for row in table.rows {
            let name = value(row, "name")
            let parts = PersonName.split(name)
            // A UID that stays the same from one export to the next (customer and person),
            // so an address book updates a card instead of adding another.
            let uid = StableID.uuid("kehu-contact|" + value(row, "customerCode") + "|" + name)
            var lines = ["BEGIN:VCARD", "VERSION:4.0", "UID:urn:uuid:" + uid, "FN:" + escape(name),
                         "N:" + escape(parts.family) + ";" + escape(parts.given) + ";;;"]
            let organisation = [value(row, "customerName"), value(row, "department")].filter { !$0.isEmpty }.map(escape).joined(separator: ";")
            if !organisation.isEmpty { lines.append("ORG:" + organisation) }
            if !value(row, "position").isEmpty { lines.append("TITLE:" + escape(value(row, "position"))) }
            if !value(row, "mobile").isEmpty { lines.append("TEL;TYPE=cell,voice;VALUE=text:" + escape(value(row, "mobile"))) }
            if !value(row, "phone").isEmpty { lines.append("TEL;TYPE=work,voice;VALUE=text:" + escape(value(row, "phone"))) }
            if !value(row, "email").isEmpty { lines.append("EMAIL:" + escape(value(row, "email"))) }
            if let index = table.columns.firstIndex(of: "gender"), case .text(let raw) = row[index] { lines.append("GENDER:" + (raw == "male" ? "M" : "F")) }
            if let index = table.columns.firstIndex(of: "birthday") {
                // RFC 6350: 19880601, or --0601 without the year.
                if case .date(let day) = row[index] { lines.append("BDAY:" + day.description.replacingOccurrences(of: "-", with: "")) }
                if case .text(let text) = row[index], text.hasPrefix("--") { lines.append("BDAY:--" + text.dropFirst(2).replacingOccurrences(of: "-", with: "")) }
            }
            if !value(row, "notes").isEmpty { lines.append("NOTE:" + escape(value(row, "notes"))) }
            lines.append("END:VCARD")
            cards += lines.map(fold).joined()
        }
        return Data(cards.utf8)
    }
}
