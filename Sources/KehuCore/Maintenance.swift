/// 客情维护: who must contact a cooperating customer, how, and how often, by grade
/// (SPEC §2 table; the months are company settings `maintenance.<grade>.<duty>`).
public struct MaintenanceDuty: Hashable, Sendable {
    /// Whose duty it is.
    public enum Holder: String, CaseIterable, Sendable {
        case owner               // 商务经理: the customer's owner
        case assistant           // tech support / assistant of the customer's team
        case salesManager
        case marketingManager
        case techSupport         // a technical-support visit, by the team's assistant

        /// Whether the customer's owner's contacts count for it as well as the holder's:
        /// the company owes a customer its technical support (000 §7.1.3, 7.3.3), so a
        /// 技术支持 visit by the owner does as well as one by the team's assistant.
        public var countsOwnersContacts: Bool { self == .techSupport }

        public var role: Role {
            switch self {
            case .owner: return .salesperson
            case .assistant, .techSupport: return .assistant
            case .salesManager: return .salesManager
            case .marketingManager: return .marketingManager
            }
        }
    }

    /// What kind of contact counts.
    public enum Kind: String, Sendable {
        case phone, onSite, techSupport

        /// The method a follow-up logged for this duty starts on: the one it asks for.
        public var usualMethod: ContactMethod {
            switch self {
            case .phone: return .phone
            case .onSite: return .onSite
            case .techSupport: return .techSupport
            }
        }

        /// Methods that satisfy this kind: a visit also does for a call.
        public var methods: [ContactMethod] {
            switch self {
            case .phone: return [.phone, .message, .onSite, .walkIn]
            case .onSite: return [.onSite, .walkIn]
            case .techSupport: return [.techSupport]
            }
        }
    }

    public let holder: Holder
    public let kind: Kind
    public let everyMonths: Int

    public init(holder: Holder, kind: Kind, everyMonths: Int) {
        self.holder = holder; self.kind = kind; self.everyMonths = everyMonths
    }

    /// The role whose activities satisfy it (the owner's by the owner in person).
    public var role: Role { holder.role }

    /// When the next contact is due after the last one that counted; with none on
    /// record, counting from when the customer became a customer.
    public func dueDate(lastSatisfying: LocalDate?, since start: LocalDate) -> LocalDate {
        (lastSatisfying ?? start).adding(months: everyMonths)
    }
}

public enum MaintenancePlan {
    /// The default schedule of SPEC §2.
    public static func duties(for grade: CustomerGrade) -> [MaintenanceDuty] {
        switch grade {
        case .vip:
            return [MaintenanceDuty(holder: .owner, kind: .onSite, everyMonths: 1),
                    MaintenanceDuty(holder: .assistant, kind: .phone, everyMonths: 1),
                    MaintenanceDuty(holder: .salesManager, kind: .onSite, everyMonths: 3),
                    MaintenanceDuty(holder: .marketingManager, kind: .onSite, everyMonths: 6),
                    MaintenanceDuty(holder: .techSupport, kind: .techSupport, everyMonths: 6)]
        case .key:
            return [MaintenanceDuty(holder: .owner, kind: .onSite, everyMonths: 1),
                    MaintenanceDuty(holder: .assistant, kind: .phone, everyMonths: 1),
                    MaintenanceDuty(holder: .salesManager, kind: .onSite, everyMonths: 6),
                    MaintenanceDuty(holder: .marketingManager, kind: .onSite, everyMonths: 12),
                    MaintenanceDuty(holder: .techSupport, kind: .techSupport, everyMonths: 6)]
        case .general, .image:
            return [MaintenanceDuty(holder: .owner, kind: .phone, everyMonths: 1),
                    MaintenanceDuty(holder: .assistant, kind: .phone, everyMonths: 1)]
        case .potentialVIP, .potentialKey:
            return []   // prospects are followed through their intent cards
        }
    }

    /// The schedule with a company's months (`maintenance.vip.salesManager` = "2"); 0 turns
    /// a duty off.
    public static func duties(for grade: CustomerGrade, months overrides: [String: Int]) -> [MaintenanceDuty] {
        duties(for: grade).compactMap { duty in
            guard let months = overrides["maintenance.\(grade.rawValue).\(duty.holder.rawValue)"] else { return duty }
            return months > 0 ? MaintenanceDuty(holder: duty.holder, kind: duty.kind, everyMonths: months) : nil
        }
    }

    /// The duties a person in `role` holds on a customer of `grade`.
    public static func duties(for grade: CustomerGrade, role: Role, months overrides: [String: Int] = [:]) -> [MaintenanceDuty] {
        duties(for: grade, months: overrides).filter { $0.role == role }
    }
}
