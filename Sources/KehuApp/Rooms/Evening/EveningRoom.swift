import KehuCore
import KehuStore

/// One line of the evening queue: a group heading, or something to check.
public enum EveningRow: Hashable, Sendable {
    case salesperson(name: String, count: Int)
    case overdueHeading(count: Int)
    case defeatHeading(count: Int)
    case followUp(EveningFollowUp)
    case overdue(EveningCard)
    case defeat(EveningCard)

    public var isHeading: Bool {
        switch self {
        case .salesperson, .overdueHeading, .defeatHeading: return true
        default: return false
        }
    }

    public var customerID: Int64? {
        switch self {
        case .followUp(let f): return f.activity.customerID
        case .overdue(let c), .defeat(let c): return c.card.customerID
        default: return nil
        }
    }
}

/// The supervisor's evening queue (and the manager's weekly spot check, which reads the
/// same way): the day's follow-ups grouped by salesperson, then overdue cards, then
/// defeat applications; headings are not stops.
public struct EveningState: Equatable, Sendable {
    public internal(set) var queue: EveningQueue?
    public internal(set) var rows: [EveningRow] = []
    public internal(set) var list = ListState()

    public var selected: EveningRow? { rows.indices.contains(list.selected) ? rows[list.selected] : nil }
}

public enum EveningAction: Equatable, Sendable {
    case move(Action, rows: Int)
    /// The queue read again (nil: there is none for this person).
    case loaded(EveningQueue?, rows: Int)
    /// After signing, on to the next follow-up still waiting: the evening goes on without hunting.
    case nextUnchecked(rows: Int)
    /// A click on the `row`th line on screen; a heading is not a stop and takes no click.
    case pick(visibleRow: Int, rows: Int)
}

enum EveningRoom {
    static func reduce(_ state: inout EveningState, _ action: EveningAction) -> Effect {
        switch action {
        case .move(let key, let rows):
            guard !state.rows.isEmpty else { return .none }
            let before = state.list.selected
            state.list.apply(key, count: state.rows.count, rows: rows)
            // Headings are not stops: move on past them in the direction of travel.
            skipHeading(&state, forward: [.moveDown, .pageDown, .first].contains(key))
            keepVisible(&state, rows: rows)
            return state.list.selected == before ? .none : .showCustomer(state.selected?.customerID)
        case .loaded(let queue, let rows):
            state.queue = queue
            state.rows = queue.map(Self.rows) ?? []
            state.list.keepVisible(count: state.rows.count, rows: rows)
            skipHeading(&state, forward: true)
            keepVisible(&state, rows: rows)
            return .none
        case .pick(let row, let rows):
            let index = state.list.top + row
            guard state.rows.indices.contains(index), !state.rows[index].isHeading else { return .none }
            guard state.list.select(visibleRow: row, count: state.rows.count, rows: rows) else { return .none }
            return .showCustomer(state.selected?.customerID)
        case .nextUnchecked(let rows):
            guard !state.rows.isEmpty else { return .none }
            let start = min(state.list.selected, state.rows.count - 1)
            let order = Array(state.rows.indices[start...]) + Array(state.rows.indices[..<start])
            if let next = order.first(where: { if case .followUp(let f) = state.rows[$0] { return !f.isChecked }; return false }) {
                state.list.selected = next
                keepVisible(&state, rows: rows)
            }
            return .none
        }
    }

    /// The queue as rows: a heading over each salesperson's follow-ups, then the overdue
    /// cards and the defeat applications under theirs.
    static func rows(_ queue: EveningQueue) -> [EveningRow] {
        var rows: [EveningRow] = []
        var index = 0
        while index < queue.followUps.count {
            let name = queue.followUps[index].handlerName
            let group = queue.followUps[index...].prefix { $0.handlerName == name }
            rows.append(.salesperson(name: name, count: group.count))
            rows += group.map(EveningRow.followUp)
            index += group.count
        }
        if !queue.overdueCards.isEmpty {
            rows.append(.overdueHeading(count: queue.overdueCards.count))
            rows += queue.overdueCards.map(EveningRow.overdue)
        }
        if !queue.pendingDefeats.isEmpty {
            rows.append(.defeatHeading(count: queue.pendingDefeats.count))
            rows += queue.pendingDefeats.map(EveningRow.defeat)
        }
        return rows
    }

    private static func skipHeading(_ state: inout EveningState, forward: Bool) {
        let rows = state.rows
        guard !rows.isEmpty else { return }
        var index = state.list.selected
        while rows.indices.contains(index), rows[index].isHeading { index += forward ? 1 : -1 }
        if !rows.indices.contains(index) {
            index = state.list.selected
            while rows.indices.contains(index), rows[index].isHeading { index += forward ? -1 : 1 }
        }
        if rows.indices.contains(index) { state.list.selected = index }
    }

    private static func keepVisible(_ state: inout EveningState, rows: Int) {
        state.list.keepVisible(count: state.rows.count, rows: rows)
        // Keep a group's heading in sight above its first row.
        let top = state.list.top
        if top > 0, state.list.selected == top, state.rows[top - 1].isHeading { state.list.top -= 1 }
    }
}
