import KehuCore

/// What the hint line offers in the view on screen: only what the view answers, in its
/// own words.
extension MainViewModel {
    /// Actions the current view does not answer, left out of the hint line.
    public var hintsNotAnswered: Set<Action> {
        let customerActions: Set<Action> = [.logFollowUp, .newLead, .editCustomer, .closeCard, .history, .proposeGrade, .search,
                                            .filter, .nextArchiveView, .openCustomer]
        switch view {
        case .reports: return customerActions
        case .approvals: return [.comment, .needsGuidance, .markDoubtful, .scrollLeft]
        case .today, .evening, .spotCheck: return [.filter, .nextArchiveView, .scrollLeft]
        default: return [.scrollLeft]
        }
    }

    /// A view's own word for an action: rejecting in Approvals, going back from Reports.
    public var hintWords: [Action: String] {
        let zh = strings.language == .zh
        switch view {
        case .approvals: return [.returnDefeat: zh ? "驳回" : "reject"]
        case .reports: return [.reports: zh ? "返回" : "back"]
        default: return [:]
        }
    }
}
