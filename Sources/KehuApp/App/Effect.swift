import KehuCore
import KehuStore

/// What a room's reducer asks of the world — read the store, write it, show a customer —
/// as a value. The runner (`MainViewModel`) carries it out and sends what came back to
/// the room as an action, so a reducer only changes its own state and can be tested by
/// the effects it returns, without a database.
public enum Effect: Equatable, Sendable {
    case none
    /// Run one report for the Reports view; the table comes back as `ReportsAction.loaded`.
    case runReport(ReportKind)
    /// Read a customer's card and timeline for the right-hand panes (nil: none shown).
    case showCustomer(Int64?)
    /// Read more of a customer's timeline after the entries already read (all the rest,
    /// or the next page); they come back as `DetailAction.more`.
    case readTimeline(customerID: Int64, after: Int, all: Bool)
    /// Read a window of the customer list; the rows come back as `CustomerListAction.windowRead`.
    case readCustomers(offset: Int, limit: Int, thenShow: Bool)
    /// Read the approvals waiting for the viewer's decision again.
    case reloadApprovals
    /// Approve a grade proposal (a refusal first asks why, in a form).
    case approveGrade(proposalID: Int64)
    /// Ask for the reason a proposal is sent back.
    case askWhyGradeRejected(proposalID: Int64, customerName: String)
    /// Sign the step of a contract the viewer's role signs (a rejection asks why first).
    case approveContract(orderID: Int64)
    /// Ask for the reason a contract is rejected.
    case askWhyContractRejected(orderID: Int64, customerName: String)
    /// Leave the `:` command line, running the chosen command (nil: none).
    case closeCommandLine(running: Action?)
    /// Search the archive for the text; the matches come back as `SearchAction.results`.
    case search(String)
    /// Go to a customer in the whole archive's list, closing the search.
    case goToCustomer(id: Int64, code: String)
    /// Close the search, back where it began.
    case closeSearch
    case openHelp
    case quit
    case redraw
    /// Save the open form (its own store write, by kind).
    case saveForm
    /// Close the form without saving.
    case closeForm
    /// Ask before throwing away what was typed.
    case askDiscard
    /// Open `$EDITOR` on a field's text; it comes back as `FormAction.externalText`.
    case editExternally(String)
    /// Say what is wrong with a field in the status line.
    case showProblem(ValidationError)
    case showError(StringKey)
    /// Show one customer: in Today when it is there, else in the customer list.
    case selectCustomer(id: Int64, code: String)
    /// Create the lead in the open form although it looks like a customer already there.
    case saveLeadAnyway
    /// Reopen a form from a draft kept when a session ended.
    case restoreDraft(Draft)
    case deleteDraft(id: Int64)
    indirect case batch([Effect])
}
