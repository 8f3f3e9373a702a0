import KehuCore

/// The words of corrections: the timeline's note under a corrected row, the form's title.
extension Strings {
    /// "✎ 张伟 11-22 18:30 更正：记错了客户的意向".
    public func correctedBy(_ name: String, at when: String, reason: String) -> String {
        language == .zh ? "✎ \(name) \(when) 更正：\(reason)" : "✎ corrected by \(name) \(when): \(reason)"
    }

    /// What the row said when first logged: "原记录：电话 · B · 客户说下月采购".
    public func originalRecord(_ fields: ActivityFields, strings s: Strings) -> String {
        let parts = [label(fields.method), fields.levelJudged?.rawValue, fields.content, fields.nextVisitOn.map { "→ \(self[.nextVisit]) \($0.monthDay)" }]
            .compactMap { $0 }.filter { !$0.isEmpty }
        return (language == .zh ? "原记录：" : "· first logged: ") + parts.joined(separator: " · ")
    }

    public func correctionTitle(date: String, handler: String, visit: Int) -> String {
        language == .zh ? "更正 · \(date) \(handler) · 第\(visit)次" : "Correct · \(date) \(handler) · visit \(visit)"
    }

    public var correctionSaved: String { language == .zh ? "已更正，原记录保留" : "Corrected; the original is kept" }
    public var correctionUnchanged: String { language == .zh ? "没有改动" : "Nothing changed" }
    public func markedInvalid(_ name: String) -> String { language == .zh ? "\(name) 已标为无效客户" : "\(name) is marked invalid" }
    public var cardSaved: String { language == .zh ? "意向卡已保存" : "Card saved" }
    public var correctedMark: String { language == .zh ? "已更正" : "corrected" }
}
