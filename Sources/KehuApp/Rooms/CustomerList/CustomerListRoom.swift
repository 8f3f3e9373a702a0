import KehuCore
import KehuStore

/// The customer list: an archive view (all, cooperating, formal VIP, …, the pool)
/// narrowed by a filter and put in an order, read a window of rows at a time — three
/// screens' worth around what is shown, so paging needs no query and memory stays flat
/// at any size.
public struct CustomerListState: Equatable, Sendable {
    public internal(set) var archiveView: ArchiveView = .all
    /// The filter and order (`f`), kept for the session.
    public internal(set) var filter = CustomerFilter()
    public internal(set) var order: CustomerListOrder = .code
    /// The filter and order in force, short, for the status line; empty when none.
    public internal(set) var filterSummary = ""
    public internal(set) var total = 0
    public internal(set) var list = ListState()
    public internal(set) var windowOffset = 0
    public internal(set) var windowRows: [CustomerListRow] = []

    public var selectedRow: CustomerListRow? { row(at: list.selected) }

    func row(at index: Int) -> CustomerListRow? {
        let local = index - windowOffset
        return local >= 0 && local < windowRows.count ? windowRows[local] : nil
    }

    /// The window to read for `rows` on screen, or nil when the rows read cover them.
    func windowNeeded(rows: Int) -> (offset: Int, limit: Int)? {
        let rows = max(1, rows)
        let needed = list.top..<min(total, list.top + rows)
        let have = windowOffset..<(windowOffset + windowRows.count)
        if needed.isEmpty || (have.contains(needed.lowerBound) && have.contains(needed.upperBound - 1)) { return nil }
        return (max(0, list.top - rows), rows * 3)
    }
}

public enum CustomerListAction: Equatable, Sendable {
    case move(Action, rows: Int)
    /// A click on the `row`th line of the list on screen.
    case select(visibleRow: Int, rows: Int)
    /// Rows read from `offset`; then show the selected customer when asked.
    case windowRead(offset: Int, rows: [CustomerListRow], thenShow: Bool)
    /// The rows read so far are stale (a save, a new customer): read again when needed.
    case forgetWindow
}

enum CustomerListRoom {
    static func reduce(_ state: inout CustomerListState, _ action: CustomerListAction) -> Effect {
        switch action {
        case .move(let key, let rows):
            guard state.list.apply(key, count: state.total, rows: rows) else { return .none }
            if let window = state.windowNeeded(rows: rows) {
                return .readCustomers(offset: window.offset, limit: window.limit, thenShow: true)
            }
            return .showCustomer(state.selectedRow?.id)
        case .select(let row, let rows):
            guard state.list.select(visibleRow: row, count: state.total, rows: rows) else { return .none }
            if let window = state.windowNeeded(rows: rows) {
                return .readCustomers(offset: window.offset, limit: window.limit, thenShow: true)
            }
            return .showCustomer(state.selectedRow?.id)
        case .windowRead(let offset, let rows, let thenShow):
            state.windowOffset = offset
            state.windowRows = rows
            return thenShow ? .showCustomer(state.selectedRow?.id) : .none
        case .forgetWindow:
            state.windowOffset = 0
            state.windowRows = []
            return .none
        }
    }
}
