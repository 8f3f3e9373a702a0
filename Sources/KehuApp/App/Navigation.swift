import TerminalBasics

/// The three panes of the main screen, in focus order.
public enum Pane: CaseIterable, Sendable {
    case list, card, timeline

    public var context: KeyContext {
        switch self {
        case .list: return .list
        case .card: return .card
        case .timeline: return .timeline
        }
    }
}

/// A line for the status bar: a confirmation, or an error that says what and where.
public struct StatusMessage: Hashable, Sendable {
    public enum Kind: Sendable { case info, error }
    public let kind: Kind
    public let text: String
}

/// What the left pane lists.
public enum ListView: CaseIterable, Sendable {
    /// Everything due for me: the salesperson's start view.
    case today
    case allCustomers
    /// The supervisor's evening check of the team's follow-ups.
    case evening
    /// The sales manager's weekly spot check of cards across the region.
    case spotCheck
    /// Grade changes waiting for my approval.
    case approvals
    /// Funnel, KPIs, churn, 80/20, defeats, sources, VIP progress — what the viewer may see.
    case reports
}
