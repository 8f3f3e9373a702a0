/// A person's name split as a vCard's N wants it (family; given): Chinese names family
/// name first, two-character family names (欧阳, 司马, 诸葛 …) recognised; Latin-script
/// names ("David Li") given name first, family name last.
enum PersonName {
    /// The two-character family names still in use (复姓).
    static let compoundFamilyNames: Set<String> = [
        "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "司空", "夏侯", "轩辕",
        "令狐", "钟离", "端木", "独孤", "南宫", "西门", "万俟", "闻人", "赫连", "澹台", "公冶", "宗政", "濮阳", "太叔", "申屠",
        "百里", "呼延", "单于", "拓跋", "第五", "东郭", "左丘", "梁丘", "段干", "亓官", "司寇", "巫马", "公西", "漆雕", "乐正",
    ]

    static func split(_ name: String) -> (family: String, given: String) {
        let trimmed = name.trimmingWhitespace()
        let han = trimmed.unicodeScalars.allSatisfy { (0x3400...0x9FFF).contains($0.value) || (0x20000...0x2FFFF).contains($0.value) || $0 == "·" }
        if han, trimmed.count >= 2, !trimmed.contains("·") {
            let pair = String(trimmed.prefix(2))
            let familyLength = trimmed.count > 2 && compoundFamilyNames.contains(pair) ? 2 : 1
            return (String(trimmed.prefix(familyLength)), String(trimmed.dropFirst(familyLength)))
        }
        // "David Li", "Anna-Lena Schmidt"; a single word, or a transliterated name with a
        // middle dot (阿卜杜拉·买买提), is all given name.
        let words = trimmed.split(separator: " ")
        guard words.count >= 2 else { return ("", trimmed) }
        return (String(words.last!), words.dropLast().joined(separator: " "))
    }
}
