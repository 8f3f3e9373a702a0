/// The fields a validation message can point at; the UI turns these into labels in the
/// user's language.
public enum Field: String, CaseIterable, Sendable {
    case customerName, customerCode, customerPhone, customerFax, customerEmail
    case customerTypeOther, registeredCapital
    case contactName, contactMobile, contactPhone, contactEmail
    case activityContent, visitNumber, nextVisit
    case cardPerson, cardPhone, cardAge, cardBudget, cardScore
    case date, city
    case dealProduct, dealAmount, dealDate, settledOn, defeatReason, defeatPrice
    case yearsInBusiness, contactBirthday
    case supervisorComment, defeatDecision, gradeDecision, gradeScore, churnReason
    case leadVerdictNote, correctionReason, invalidReason, creditLine, companions, arrivedAt, leftAt
    case shippedAmount, receivedAmount, contractDecision, mergeTarget
}

/// What is wrong with one field, typed so that the UI can name field and problem.
public enum ValidationError: Error, Hashable, Sendable {
    case required(field: Field)
    case badPhone(field: Field, value: String)
    case badMobile(field: Field, value: String)
    case badEmail(field: Field, value: String)
    case badDate(field: Field, value: String)
    case dateBefore(field: Field, value: LocalDate, earliest: LocalDate)
    case negative(field: Field)
    case outOfRange(field: Field, value: String)

    public var field: Field {
        switch self {
        case .required(let f), .badPhone(let f, _), .badMobile(let f, _), .badEmail(let f, _),
             .badDate(let f, _), .dateBefore(let f, _, _), .negative(let f), .outOfRange(let f, _):
            return f
        }
    }
}
