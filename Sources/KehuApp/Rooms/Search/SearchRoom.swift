import KehuCore
import KehuStore

/// `/`: search as you type. The list pane shows the matches, best first, and the card
/// and timeline follow the selected one; Enter goes to that customer in the whole
/// archive, Esc goes back to where the search began (the app keeps where that was).
public struct SearchState: Equatable, Sendable {
    public internal(set) var input = TextInput()
    public internal(set) var hits: [SearchHit] = []
    public internal(set) var list = ListState()
    /// How many times matches came back since the search opened: one per search run, so
    /// a burst of typed characters searched once shows as one.
    public internal(set) var resultsShown = 0
    public var selected: Int { list.selected }
    public var top: Int { list.top }

    /// At most this many matches are kept; the count then reads "200+".
    public static let limit = 200
    public var isCapped: Bool { hits.count >= Self.limit }
}

public enum SearchAction: Equatable, Sendable {
    /// Typed text (a character, a paste, an input method's word).
    case type(String)
    /// An editing or movement key.
    case key(Action, rows: Int)
    /// The store's matches for the text as it was.
    case results([SearchHit])
    /// A click on the `row`th match on screen.
    case select(visibleRow: Int, rows: Int)
}

enum SearchRoom {
    static func reduce(_ state: inout SearchState, _ action: SearchAction) -> Effect {
        switch action {
        case .type(let text):
            state.input.insert(text)
            return .search(state.input.text)
        case .results(let hits):
            state.hits = hits
            state.list = ListState()
            state.resultsShown += 1
            return .showCustomer(hits.first?.row.id)
        case .select(let row, let rows):
            guard state.list.select(visibleRow: row, count: state.hits.count, rows: rows) else { return .none }
            return .showCustomer(state.hits[state.selected].row.id)
        case .key(let key, let rows):
            let before = state.input.text
            switch key {
            case .deleteBackward: state.input.deleteBackward()
            case .deleteForward: state.input.deleteForward()
            case .cursorLeft: state.input.moveLeft()
            case .cursorRight: state.input.moveRight()
            case .lineStart: state.input.moveToStart()
            case .lineEnd: state.input.moveToEnd()
            case .killLine: state.input.deleteToEnd()
            case .moveUp, .moveDown, .pageUp, .pageDown, .first, .last:
                guard state.list.apply(key, count: state.hits.count, rows: rows) else { return .none }
                return .showCustomer(state.hits[state.selected].row.id)
            case .confirm, .nextOrSave:
                guard state.hits.indices.contains(state.selected) else { return .closeSearch }
                let hit = state.hits[state.selected].row
                return .goToCustomer(id: hit.id, code: hit.code)
            case .close, .cancel: return .closeSearch
            case .quit: return .quit
            case .redraw: return .redraw
            case .help: return .openHelp
            default: return .none
            }
            return state.input.text == before ? .none : .search(state.input.text)
        }
    }
}
