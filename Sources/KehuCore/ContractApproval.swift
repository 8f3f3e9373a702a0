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

/// One signature a contract needs (002 §3.2), in the order they are given:
/// below the office limit the office manager signs and the key-account department files
/// it; in the middle band the key-account department signs and the sales VP approves;
/// above the director's limit the key-account department and the sales VP sign and the
/// sales director approves.
public enum ContractStep: String, CaseIterable, Hashable, Sendable, Codable {
    case officeManager
    case keyAccount
    case salesVP
    case salesDirector

    /// The kehu roles that sign this step when the company has not set
    /// `contract.signers.<step>`: the office is headed by its sales manager, the
    /// key-account department sits with marketing, the VP is the sales manager's superior
    /// in a band where the office manager does not sign, the director is the general
    /// manager. No chain holds the same role twice.
    public var defaultSigners: [Role] {
        switch self {
        case .officeManager: return [.salesManager]
        case .keyAccount: return [.marketingManager]
        case .salesVP: return [.salesManager]
        case .salesDirector: return [.generalManager]
        }
    }

    public var settingKey: String { "contract.signers.\(rawValue)" }
}

extension ContractApprover {
    /// The signatures a contract in this band needs, in turn.
    public var chain: [ContractStep] {
        switch self {
        case .officeManager: return [.officeManager, .keyAccount]
        case .keyAccountAndSalesVP: return [.keyAccount, .salesVP]
        case .salesDirector: return [.keyAccount, .salesVP, .salesDirector]
        }
    }
}

/// Where a contract's approval stands.
public enum ContractState: String, CaseIterable, Hashable, Sendable, Codable {
    case pending
    case approved
    case rejected
}

/// Which roles sign each step (company settings `contract.signers.*`, or the defaults).
public struct ContractSigners: Hashable, Sendable {
    public var roles: [ContractStep: [Role]]

    public static let standard = ContractSigners(roles: Dictionary(uniqueKeysWithValues: ContractStep.allCases.map { ($0, $0.defaultSigners) }))

    public init(roles: [ContractStep: [Role]]) { self.roles = roles }

    public func signers(of step: ContractStep) -> [Role] { roles[step] ?? step.defaultSigners }

    /// May a user with `role` sign `step`?
    public func may(_ role: Role, sign step: ContractStep) -> Bool { signers(of: step).contains(role) }
}

/// An order's money after approval: what was shipped and what the customer paid.
public struct OrderProgress: Hashable, Sendable {
    public var shippedYuan: Int
    public var receivedYuan: Int

    public init(shippedYuan: Int, receivedYuan: Int) {
        self.shippedYuan = shippedYuan; self.receivedYuan = receivedYuan
    }

    /// What the customer still owes on an order of `amountYuan` (never below zero).
    public static func outstanding(amountYuan: Int, receivedYuan: Int) -> Int { max(0, amountYuan - receivedYuan) }

    /// Why these amounts cannot stand for an order of `amountYuan`.
    public func validate(amountYuan: Int) -> [ValidationError] {
        var problems: [ValidationError] = []
        if shippedYuan < 0 || shippedYuan > amountYuan {
            problems.append(.outOfRange(field: .shippedAmount, value: String(shippedYuan)))
        }
        if receivedYuan < 0 || receivedYuan > amountYuan {
            problems.append(.outOfRange(field: .receivedAmount, value: String(receivedYuan)))
        }
        return problems
    }

    /// Shipped and paid in full.
    public func isSettled(amountYuan: Int) -> Bool { shippedYuan >= amountYuan && receivedYuan >= amountYuan }
}
