import KehuCore
import KehuStore

/// 意向客户管理卡: the whole card as the paper has it — the person, the need, the
/// analysis, the intent score beside the level. Opens on the customer's hottest open
/// card; the card number and creation date are in its title. The level follows the score
/// (SPEC §2: ≥ 90 A, 70–89 B, 60–69 C) until the user picks one of their own.
public struct CardForm: EditableForm, Sendable {
    public var fields: [FormField]
    public var focus = 0
    public let original: IntentCard
    public let customerName: String
    public let focusPoints: [String]
    static let genders: [Contact.Gender?] = [nil, .male, .female]

    public init(card: IntentCard, customerName: String, focusPoints: [String], strings s: Strings) {
        original = card
        self.customerName = customerName
        self.focusPoints = focusPoints
        func money(_ yuan: Int?) -> String {
            guard let yuan else { return "" }
            return yuan % 10_000 == 0 ? "\(yuan / 10_000)万" : String(yuan)
        }
        fields = [
            FormField(.name, text: card.personName),
            FormField(.gender, options: s.columns(.maleFemale), selected: CardForm.genders.firstIndex(of: card.gender) ?? 0),
            FormField(.cardAge, text: card.age.map(String.init) ?? ""),
            FormField(.phone, text: card.phone),
            FormField(.cardOccupation, text: card.occupation),
            FormField(.cardResidence, text: card.residence),
            FormField(.cardCallback, text: card.bestCallbackTime),
            FormField(.cardCurrentProduct, text: card.currentProduct),
            FormField(.cardMainUser, text: card.mainUser),
            FormField(.cardPurpose, text: card.purpose),
            FormField(.cardSituation, text: card.situation),
            FormField(.product, text: card.product),
            FormField(.cardModel, text: card.model),
            FormField(.cardColour, text: card.colour),
            FormField(.cardPurchaseType, options: PurchaseType.allCases.map { s.label($0) },
                      selected: PurchaseType.allCases.firstIndex(of: card.purchaseType) ?? 0),
            FormField(.cardFocus, text: card.focusPoints.joined(separator: "、")),
            FormField(.cardLiked, text: card.likedPoints),
            FormField(.cardCompared, text: card.comparedProducts),
            FormField(.cardBudget, text: money(card.budgetYuan)),
            FormField(.cardPayment, text: card.paymentMethod),
            FormField(.cardFavourable, text: card.favourable),
            FormField(.cardUnfavourable, text: card.unfavourable),
            FormField(.cardResources, text: card.resourcesNeeded),
            FormField(.cardObjections, text: card.objections),
            FormField(.cardScore, text: card.intentScore.map(String.init) ?? ""),
            FormField(.level, options: IntentLevel.allCases.map(\.rawValue), selected: IntentLevel.allCases.firstIndex(of: card.level)),
        ] + RegisterFields.fields(card.register, strings: s)
        for index in fields.indices {
            if case .text(var input) = fields[index].kind { input.keepAsValue(); fields[index].kind = .text(input) }
        }
    }

    public mutating func fieldChanged(_ name: FormField.Name) {
        // The score suggests the level, unless the user chose one themselves.
        guard name == .cardScore, field(.level)?.isEdited == false,
              let score = AmountInput.integer(field(.cardScore)?.text ?? ""), let level = IntentCard.suggestedLevel(score: score),
              let index = fields.firstIndex(where: { $0.name == .level }) else { return }
        if case .choice(let options, _) = fields[index].kind { fields[index].kind = .choice(options: options, selected: IntentLevel.allCases.firstIndex(of: level)) }
    }

    /// What the score suggests, for the hint beside it.
    public var suggestedLevel: IntentLevel? { AmountInput.integer(field(.cardScore)?.text ?? "").flatMap(IntentCard.suggestedLevel(score:)) }

    /// The card as edited, or the problems (each names its field).
    public func build() -> FormOutcome<IntentCard> {
        var card = original
        var problems: [ValidationError] = []
        func text(_ name: FormField.Name) -> String { (field(name)?.text ?? "").trimmingWhitespace() }
        /// A whole number, nil when blank; anything else is a problem of `problem`'s field.
        func number(_ name: FormField.Name, _ problem: Field) -> Int? {
            let raw = text(name)
            guard !raw.isEmpty else { return nil }
            if let value = AmountInput.integer(raw) { return value }
            problems.append(.outOfRange(field: problem, value: raw))
            return nil
        }
        card.personName = text(.name)
        card.gender = CardForm.genders[field(.gender)?.selected ?? 0]
        card.age = number(.cardAge, .cardAge)
        card.phone = text(.phone)
        card.occupation = text(.cardOccupation)
        card.residence = text(.cardResidence)
        card.bestCallbackTime = text(.cardCallback)
        card.currentProduct = text(.cardCurrentProduct)
        card.mainUser = text(.cardMainUser)
        card.purpose = text(.cardPurpose)
        card.situation = text(.cardSituation)
        card.product = text(.product)
        card.model = text(.cardModel)
        card.colour = text(.cardColour)
        card.purchaseType = PurchaseType.allCases[field(.cardPurchaseType)?.selected ?? 0]
        // Focus points as the company names them; a point of one's own is kept as written.
        card.focusPoints = Normalization.halfWidth(text(.cardFocus)).split(whereSeparator: { "、,，;； ".contains($0) })
            .map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
        card.likedPoints = text(.cardLiked)
        card.comparedProducts = text(.cardCompared)
        let budget = text(.cardBudget)
        if budget.isEmpty { card.budgetYuan = nil } else if let yuan = AmountInput.yuan(budget) { card.budgetYuan = yuan }
        else { problems.append(.outOfRange(field: .cardBudget, value: budget)) }
        card.paymentMethod = text(.cardPayment)
        card.favourable = text(.cardFavourable)
        card.unfavourable = text(.cardUnfavourable)
        card.resourcesNeeded = text(.cardResources)
        card.objections = text(.cardObjections)
        card.intentScore = number(.cardScore, .cardScore)
        card.level = field(.level)?.selected.map { IntentLevel.allCases[$0] } ?? original.level
        let (register, registerProblems) = RegisterFields.read(self)
        card.register = register
        problems += registerProblems
        problems += card.validate().filter { !problems.map(\.field).contains($0.field) }
        return problems.isEmpty ? .ready(card) : .invalid(problems)
    }
}
