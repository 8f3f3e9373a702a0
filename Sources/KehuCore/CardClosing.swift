/// 成交: what was bought, for how much, when. Becomes an order on the customer.
public struct Deal: Hashable, Sendable, Codable {
    public var product: String
    public var amountYuan: Int
    public var date: LocalDate
    public var contractNumber: String = ""
    /// Paid and delivered in full (结清): retention counts three years from the last one.
    public var settledOn: LocalDate?

    public init(product: String, amountYuan: Int, date: LocalDate) {
        self.product = product; self.amountYuan = amountYuan; self.date = date
    }

    public func validate(today: LocalDate) -> [ValidationError] {
        var errors: [ValidationError] = []
        if product.trimmingWhitespace().isEmpty { errors.append(.required(field: .dealProduct)) }
        if amountYuan <= 0 { errors.append(.outOfRange(field: .dealAmount, value: String(amountYuan))) }
        if date > today { errors.append(.outOfRange(field: .dealDate, value: date.description)) }
        if let settledOn {
            if settledOn < date { errors.append(.dateBefore(field: .settledOn, value: settledOn, earliest: date)) }
            else if settledOn > today { errors.append(.outOfRange(field: .settledOn, value: settledOn.description)) }
        }
        return errors
    }
}

/// 战败申请: the lead bought elsewhere or gave up. A supervisor approves or returns it;
/// until then the card stays open for follow-up.
public struct DefeatApplication: Hashable, Sendable, Codable {
    public var reason: String
    public var chosenProduct: String = ""
    public var chosenPriceYuan: Int?
    public var competitor: String = ""

    public init(reason: String) { self.reason = reason }

    public func validate() -> [ValidationError] {
        var errors: [ValidationError] = []
        if reason.trimmingWhitespace().isEmpty { errors.append(.required(field: .defeatReason)) }
        if let price = chosenPriceYuan, price < 0 { errors.append(.negative(field: .defeatPrice)) }
        return errors
    }
}

extension CustomerStatus {
    /// The customer code with this status's letter: the serial stays, the letter follows.
    public func recode(_ code: String) -> String {
        guard code.count > 2 else { return code }
        var characters = Array(code)
        characters[1] = letter
        return String(characters)
    }
}
