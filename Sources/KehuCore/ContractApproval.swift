/// Who signs off a contract (合同审批), by its amount. Company settings
/// `contract.officeLimitYuan` and `contract.directorAboveYuan`; SPEC defaults: below
/// 100,000 yuan the office manager, 100,000 to 300,000 the key-account department and
/// the sales VP together, above 300,000 the sales director.
public enum ContractApprover: String, CaseIterable, Hashable, Sendable, Codable {
    case officeManager
    case keyAccountAndSalesVP
    case salesDirector
}

public struct ContractApprovalRules: Hashable, Sendable {
    /// Contracts below this go to the office manager.
    public var officeLimitYuan: Int
    /// Contracts above this go to the sales director.
    public var directorAboveYuan: Int

    public static let standard = ContractApprovalRules(officeLimitYuan: 100_000, directorAboveYuan: 300_000)

    public init(officeLimitYuan: Int, directorAboveYuan: Int) {
        self.officeLimitYuan = max(0, officeLimitYuan)
        self.directorAboveYuan = max(self.officeLimitYuan, directorAboveYuan)
    }

    public func approver(amountYuan: Int) -> ContractApprover {
        if amountYuan < officeLimitYuan { return .officeManager }
        if amountYuan > directorAboveYuan { return .salesDirector }
        return .keyAccountAndSalesVP
    }
}
