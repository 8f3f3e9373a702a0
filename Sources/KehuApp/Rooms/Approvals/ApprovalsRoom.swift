import KehuCore
import KehuStore

/// Grade changes waiting for the viewer's decision, oldest first, one selected; the card
/// pane shows the selected proposal.
public struct ApprovalsState: Equatable, Sendable {
    public internal(set) var proposals: [GradeProposal] = []
    public internal(set) var list = ListState()

    public var selected: GradeProposal? { proposals.indices.contains(list.selected) ? proposals[list.selected] : nil }
}

public enum ApprovalsAction: Equatable, Sendable {
    case move(Action, rows: Int)
    case loaded([GradeProposal])
    case approve
    case reject
}

enum ApprovalsRoom {
    static func reduce(_ state: inout ApprovalsState, _ action: ApprovalsAction) -> Effect {
        switch action {
        case .move(let key, let rows):
            guard state.list.apply(key, count: state.proposals.count, rows: rows) else { return .none }
            return .showCustomer(state.selected?.customerID)
        case .loaded(let proposals):
            state.proposals = proposals
            state.list.keepVisible(count: proposals.count, rows: max(1, proposals.count))
            return .none
        case .approve:
            return state.selected.map { .approveGrade(proposalID: $0.id) } ?? .none
        case .reject:
            return state.selected.map { .askWhyGradeRejected(proposalID: $0.id, customerName: $0.customerName) } ?? .none
        }
    }
}
