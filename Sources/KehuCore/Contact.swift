/// 联系人: a person at a customer. A customer has several.
public struct Contact: Hashable, Sendable, Identifiable {
    public enum Gender: String, CaseIterable, Codable, Sendable { case male, female }

    public var id: Int64?
    public var customerID: Int64
    public var name: String
    public var department: String = ""
    public var position: String = ""
    public var mobile: String = ""
    public var phone: String = ""
    public var email: String = ""
    public var gender: Gender?
    public var birthday: LocalDate?
    public var isDecisionMaker = false
    public var notes: String = ""

    public init(id: Int64? = nil, customerID: Int64, name: String) {
        self.id = id
        self.customerID = customerID
        self.name = name
    }

    public func validate() -> [ValidationError] {
        var errors: [ValidationError] = []
        if name.trimmingWhitespace().isEmpty { errors.append(.required(field: .contactName)) }
        if !mobile.isEmpty {
            if let number = PhoneNumber(mobile) {
                if !number.isMainlandMobile { errors.append(.badMobile(field: .contactMobile, value: mobile)) }
            } else {
                errors.append(.badPhone(field: .contactMobile, value: mobile))
            }
        }
        if !phone.isEmpty, PhoneNumber(phone) == nil { errors.append(.badPhone(field: .contactPhone, value: phone)) }
        if !email.isEmpty, !EmailAddress.isValid(email) { errors.append(.badEmail(field: .contactEmail, value: email)) }
        return errors
    }
}
