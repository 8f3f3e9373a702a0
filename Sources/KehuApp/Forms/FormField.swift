import KehuCore

/// One line of a form: free text, or one choice among a few (method, level, source).
public struct FormField: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case text(TextInput)
        case choice(options: [String], selected: Int?)
    }

    public enum Name: String, Hashable, Sendable, Codable {
        // Follow-up
        case method, contact, newContact, content, level, impression, bottleneck, nextVisit
        // Lead
        case name, phone, source, product, city, note
        // Customer archive
        case companyName, address, postalCode, customerPhone, fax, website, email, industry, legalRepresentative
        case registeredCapital, mainProducts, yearsInBusiness, businessCondition, customerType, creditLevel
        case supplierStructure, customerSource
        // Contacts
        case contactChoice, contactName, department, position, mobile, contactPhone, contactEmail, gender, birthday
        case decisionMaker
        // Closing a card
        case outcome, dealProduct, dealAmount, dealDate, contractNumber, settledOn, defeatReason, competitor, chosenProduct, chosenPrice
        // Evening check
        case comment, returnReason, rejectReason, churnReasonText
        // A company setting
        case settingValue
        // Judging a lead
        case leadVerdict, leadNote
        // Correcting a follow-up
        case correctionReason
        // The whole intent card
        case cardAge, cardOccupation, cardResidence, cardCallback, cardCurrentProduct, cardMainUser, cardPurpose, cardSituation
        case cardModel, cardColour, cardPurchaseType, cardFocus, cardLiked, cardCompared, cardBudget, cardPayment
        case cardFavourable, cardUnfavourable, cardResources, cardObjections, cardScore
        // The archive's nature and credit line; why a customer is invalid
        case customerNature, creditLine, invalidReason
        // The walk-in register
        case companions, arrivedAt, leftAt, trialGiven, callbackPurpose
        // Shipments and payments; merging; moving to another city
        case paymentOrder, shippedAmount, receivedAmount, mergeCode
        // Grade review: one score per criterion of the company's sheet
        case newOwner
        // The list's filter and order
        case filterGrade, filterStatus, filterOwner, filterLevel, filterOverdue, filterSource, filterProvince, filterCity, filterTeam, sortOrder
        case potential, score1, score2, score3, score4, score5, score6, score7, score8
    }

    public let name: Name
    public var kind: Kind
    /// Shown but not editable (no open card: no level to judge).
    public var isEnabled = true
    /// Set when the user changed a choice.
    public var choiceEdited = false
    /// A label from data rather than the strings table (a criterion of the score sheet).
    public var customLabel: String?

    public init(_ name: Name, text: String = "") {
        self.name = name
        kind = .text(TextInput(text))
    }

    public init(_ name: Name, options: [String], selected: Int?) {
        self.name = name
        kind = .choice(options: options, selected: selected)
    }

    public var text: String {
        if case .text(let input) = kind { return input.text }
        return ""
    }

    public var selected: Int? {
        if case .choice(_, let selected) = kind { return selected }
        return nil
    }

    public var isEdited: Bool {
        if case .text(let input) = kind { return input.isEdited }
        return choiceEdited
    }
}

extension FormField.Name {
    /// Fields written in lines (notes, what happened, a comment): a paste or the editor's
    /// text keeps its line breaks; every other field is one line.
    public var keepsLines: Bool {
        [.note, .content, .comment, .cardSituation, .impression, .bottleneck].contains(self)
    }

    /// The validation fields that point at this form field.
    public var validationFields: [Field] {
        switch self {
        case .content: return [.activityContent]
        case .nextVisit: return [.nextVisit]
        case .name: return [.cardPerson]
        case .phone: return [.cardPhone]
        case .city: return [.city]
        case .newContact, .contactName: return [.contactName]
        case .companyName: return [.customerName]
        case .customerPhone: return [.customerPhone]
        case .fax: return [.customerFax]
        case .email: return [.customerEmail]
        case .registeredCapital: return [.registeredCapital]
        case .yearsInBusiness: return [.yearsInBusiness]
        case .mobile: return [.contactMobile]
        case .contactPhone: return [.contactPhone]
        case .contactEmail: return [.contactEmail]
        case .birthday: return [.contactBirthday]
        case .dealProduct: return [.dealProduct]
        case .dealAmount: return [.dealAmount]
        case .dealDate: return [.dealDate]
        case .defeatReason: return [.defeatReason]
        case .chosenPrice: return [.defeatPrice]
        case .comment: return [.supervisorComment]
        case .returnReason: return [.defeatDecision]
        case .rejectReason: return [.gradeDecision, .contractDecision]
        case .churnReasonText: return [.churnReason]
        case .shippedAmount: return [.shippedAmount]
        case .receivedAmount: return [.receivedAmount]
        case .mergeCode: return [.mergeTarget]
        case .leadNote: return [.leadVerdictNote]
        case .correctionReason: return [.correctionReason]
        case .cardAge: return [.cardAge]
        case .cardBudget: return [.cardBudget]
        case .cardScore: return [.cardScore]
        case .creditLine: return [.creditLine]
        case .companions: return [.companions]
        case .arrivedAt: return [.arrivedAt]
        case .leftAt: return [.leftAt]
        case .invalidReason: return [.invalidReason]
        case .score1, .score2, .score3, .score4, .score5, .score6, .score7, .score8: return [.gradeScore]
        default: return []
        }
    }
}
