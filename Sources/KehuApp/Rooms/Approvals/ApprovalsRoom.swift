import KehuCore
import KehuStore

/// One thing waiting for the viewer's signature: a grade change or a contract.
public enum ApprovalItem: Hashable, Sendable {
    case grade(GradeProposal)
    case contract(ContractProposal)

    public var customerID: Int64 {
        switch self {
        case .grade(let p): return p.customerID
        case .contract(let c): return c.order.customerID
        }
    }

    public var customerName: String {
        switch self {
        case .grade(let p): return p.customerName
        case .contract(let c): return c.customerName
        }
    }
}

/// Grade changes and contracts waiting for the viewer's decision, one selected; the card
/// pane shows the selected one. Contracts come first: an order waits on them to ship.
public struct ApprovalsState: Equatable, Sendable {
    public internal(set) var items: [ApprovalItem] = []
    public internal(set) var list = ListState()

    public var selected: ApprovalItem? { items.indices.contains(list.selected) ? items[list.selected] : nil }
}

public enum ApprovalsAction: Equatable, Sendable {
    case move(Action, rows: Int)
    case loaded([ApprovalItem])
    case approve
    case reject
    /// A click on an item (its index in the list).
    case pick(index: Int)
}

enum ApprovalsRoom {
    static func reduce(_ state: inout ApprovalsState, _ action: ApprovalsAction) -> Effect {
        switch action {
        case .move(let key, let rows):
            guard state.list.apply(key, count: state.items.count, rows: rows) else { return .none }
            return .showCustomer(state.selected?.customerID)
        case .loaded(let items):
            state.items = items
            state.list.keepVisible(count: items.count, rows: max(1, items.count))
            return .none
        case .pick(let index):
            guard state.items.indices.contains(index), index != state.list.selected else { return .none }
            state.list.selected = index
            return .showCustomer(state.selected?.customerID)
        case .approve:
            switch state.selected {
            case .grade(let p)?: return .approveGrade(proposalID: p.id)
            case .contract(let c)?: return .approveContract(orderID: c.order.id)
            case nil: return .none
            }
        case .reject:
            switch state.selected {
            case .grade(let p)?: return .askWhyGradeRejected(proposalID: p.id, customerName: p.customerName)
            case .contract(let c)?: return .askWhyContractRejected(orderID: c.order.id, customerName: c.customerName)
            case nil: return .none
            }
        }
    }
}
