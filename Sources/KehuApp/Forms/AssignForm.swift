import KehuCore
import KehuStore

/// A supervisor gives a customer to one of the team's salespeople, or back to the pool.
public struct AssignForm: EditableForm, Sendable {
    public var fields: [FormField]
    public var focus = 0
    public let customerID: Int64
    public let customerName: String
    public let candidates: [User]

    public init(customer: Customer, candidates: [User], strings s: Strings) {
        customerID = customer.id ?? 0
        customerName = customer.name
        self.candidates = candidates
        let current = candidates.firstIndex { $0.id == customer.ownerID }
        fields = [FormField(.newOwner, options: candidates.map(\.displayName) + [s[.noOwnerPool]], selected: current ?? candidates.count)]
    }

    public mutating func fieldChanged(_ name: FormField.Name) {}

    /// The chosen owner; nil is the pool.
    public func build() -> FormOutcome<Int64?> {
        let index = field(.newOwner)?.selected ?? candidates.count
        return .ready(index < candidates.count ? candidates[index].id : nil)
    }
}
