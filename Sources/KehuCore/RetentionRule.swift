/// 档案保存期限: customers with business are kept; a customer whose business is all
/// settled is kept `years` after the last settlement (company setting `retention.years`,
/// default 3), then listed for purging.
public struct RetentionRule: Hashable, Sendable {
    public var years: Int

    public static let standard = RetentionRule(years: 3)

    public init(years: Int) { self.years = max(1, years) }

    /// The last settlement day that is old enough on `today`: three years ago today (29
    /// February falls back to the 28th).
    public func latestPurgeableSettlement(today: LocalDate) -> LocalDate { today.adding(months: -12 * years) }
}
