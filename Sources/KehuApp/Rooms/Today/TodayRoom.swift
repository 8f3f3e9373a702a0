import KehuCore

/// Today: everything due for the viewer — follow-ups (overdue first), call-backs,
/// birthdays, holidays, maintenance contacts, churn reasons owed — one selected.
public struct TodayState: Equatable, Sendable {
    public internal(set) var items: [TodayItem] = []
    public internal(set) var list = ListState()

    public var selected: TodayItem? { items.indices.contains(list.selected) ? items[list.selected] : nil }
}

public enum TodayAction: Equatable, Sendable {
    case move(Action, rows: Int)
    /// The agenda read again; the selection stays where it was as far as it can.
    case loaded([TodayItem], rows: Int)
    /// Select the item of one customer, if it is in the list.
    case select(customerID: Int64, rows: Int)
    /// A click on the `row`th line of the list on screen.
    case pick(visibleRow: Int, rows: Int)
}

enum TodayRoom {
    static func reduce(_ state: inout TodayState, _ action: TodayAction) -> Effect {
        switch action {
        case .move(let key, let rows):
            guard state.list.apply(key, count: state.items.count, rows: rows) else { return .none }
            return .showCustomer(state.selected?.customerID)
        case .loaded(let items, let rows):
            state.items = items
            state.list.keepVisible(count: items.count, rows: rows)
            return .none
        case .pick(let row, let rows):
            guard state.list.select(visibleRow: row, count: state.items.count, rows: rows) else { return .none }
            return .showCustomer(state.selected?.customerID)
        case .select(let customerID, let rows):
            guard let index = state.items.firstIndex(where: { $0.customerID == customerID }) else { return .none }
            state.list.selected = index
            state.list.keepVisible(count: state.items.count, rows: rows)
            return .showCustomer(customerID)
        }
    }
}
