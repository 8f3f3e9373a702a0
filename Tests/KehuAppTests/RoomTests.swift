import Testing
import KehuCore
@testable import KehuStore
@testable import KehuApp

/// Rooms tested as reducers: an action in, the state changed and the effect asked for
/// out — no screen, no database.
struct RoomTests {
    let table = ReportTable(name: "funnel", title: "漏斗",
                            sections: [.init(title: "阶段", columns: ["阶段", "张数"], rows: (1...40).map { ["D", "\($0)"] })], emptyText: "")

    @Test func theReportsMenuAsksForTheReportAndShowsItFromTheTop() {
        var state = ReportsState()
        #expect(ReportsRoom.reduce(&state, .moveMenu(.moveDown, rows: 10)) == .runReport(.kpi))
        #expect(ReportsRoom.reduce(&state, .moveMenu(.moveUp, rows: 10)) == .runReport(.funnel))
        #expect(ReportsRoom.reduce(&state, .moveMenu(.moveUp, rows: 10)) == .none)          // already at the top
        #expect(ReportsRoom.reduce(&state, .loaded(table)) == .none)
        #expect(state.table == table && state.lines.count > 40)
        _ = ReportsRoom.reduce(&state, .scrollReport(.pageDown, rows: 10))
        #expect(state.scroll.top == 9)
        _ = ReportsRoom.reduce(&state, .scrollReport(.last, rows: 10))
        #expect(state.scroll.top == state.lines.count - 10)
        _ = ReportsRoom.reduce(&state, .loaded(table))
        #expect(state.scroll.top == 0)
    }

    @Test func theReportPeriodsAreWhatAManagerLooksAt() {
        let today = LocalDate(year: 2026, month: 3, day: 15)!
        #expect(ReportsRoom.period(.kpi, today: today) == (LocalDate(year: 2026, month: 3, day: 1)!, today))
        #expect(ReportsRoom.period(.churn, today: today) == (LocalDate(year: 2026, month: 2, day: 1)!, LocalDate(year: 2026, month: 2, day: 28)!))
        #expect(ReportsRoom.period(.pareto, today: today).0 == LocalDate(year: 2025, month: 3, day: 16)!)
    }

    @Test func approvalsAskTheRunnerToShowDecideOrAskWhy() {
        var state = ApprovalsState()
        #expect(ApprovalsRoom.reduce(&state, .approve) == .none)                            // nothing selected
        let proposals = [7, 9].map { id in
            GradeProposal(id: Int64(id), customerID: Int64(id * 10), customerCode: "Ca-粤GZ000\(id)", customerName: "客户\(id)", from: .general,
                          to: .key, score: 80, scoreSheet: "", proposerName: "张伟", proposedAt: LocalDateTime(date: LocalDate(dayNumber: 0), hour: 9, minute: 0)!,
                          state: .pending, decisions: [])
        }
        _ = ApprovalsRoom.reduce(&state, .loaded(proposals.map(ApprovalItem.grade)))
        #expect(ApprovalsRoom.reduce(&state, .move(.moveDown, rows: 5)) == .showCustomer(90))
        #expect(ApprovalsRoom.reduce(&state, .approve) == .approveGrade(proposalID: 9))
        #expect(ApprovalsRoom.reduce(&state, .reject) == .askWhyGradeRejected(proposalID: 9, customerName: "客户9"))
        _ = ApprovalsRoom.reduce(&state, .loaded(proposals.prefix(1).map(ApprovalItem.grade)))
        #expect(state.list.selected == 0 && state.selected == .grade(proposals[0]))
    }

    @Test func searchAsksForMatchesAsYouTypeAndGoesWhereEnterOrEscSays() {
        var state = SearchState()
        #expect(SearchRoom.reduce(&state, .type("华")) == .search("华"))
        #expect(SearchRoom.reduce(&state, .type("南")) == .search("华南"))
        #expect(SearchRoom.reduce(&state, .key(.cursorLeft, rows: 10)) == .none)       // moving the cursor searches nothing
        let hits = [11, 12].map { id in
            SearchHit(row: CustomerListRow(id: Int64(id), code: "Ca-粤GZ00\(id)", name: "华南\(id)", grade: .general, status: .potential,
                                           nextFollowUpOn: nil, hasNewComment: false, churnWarning: false), match: .namePrefix)
        }
        #expect(SearchRoom.reduce(&state, .results(hits)) == .showCustomer(11))
        #expect(SearchRoom.reduce(&state, .key(.moveDown, rows: 10)) == .showCustomer(12))
        #expect(SearchRoom.reduce(&state, .key(.moveDown, rows: 10)) == .none)           // the last match
        #expect(SearchRoom.reduce(&state, .key(.confirm, rows: 10)) == .goToCustomer(id: 12, code: "Ca-粤GZ0012"))
        #expect(SearchRoom.reduce(&state, .key(.deleteBackward, rows: 10)) == .search("南"))   // the cursor stood after 华
        #expect(SearchRoom.reduce(&state, .key(.close, rows: 10)) == .closeSearch)
        #expect(SearchRoom.reduce(&state, .results([])) == .showCustomer(nil))
        #expect(SearchRoom.reduce(&state, .key(.confirm, rows: 10)) == .closeSearch)     // nothing to go to
    }

    @Test func theCustomerListReadsAWindowOnlyWhenItRunsOut() {
        func row(_ id: Int) -> CustomerListRow {
            CustomerListRow(id: Int64(id), code: "Ca-粤GZ\(id)", name: "客户\(id)", grade: .general, status: .potential,
                            nextFollowUpOn: nil, hasNewComment: false, churnWarning: false)
        }
        var state = CustomerListState()
        state.total = 100
        #expect(state.windowNeeded(rows: 10)! == (offset: 0, limit: 30))
        #expect(CustomerListRoom.reduce(&state, .windowRead(offset: 0, rows: (0..<30).map(row), thenShow: false)) == .none)
        #expect(state.windowNeeded(rows: 10) == nil)
        #expect(CustomerListRoom.reduce(&state, .move(.moveDown, rows: 10)) == .showCustomer(1))
        #expect(CustomerListRoom.reduce(&state, .move(.pageDown, rows: 10)) == .showCustomer(11))
        // Past the rows read: read the next window, then show.
        #expect(CustomerListRoom.reduce(&state, .move(.last, rows: 10)) == .readCustomers(offset: 80, limit: 30, thenShow: true))
        #expect(CustomerListRoom.reduce(&state, .windowRead(offset: 80, rows: (80..<100).map(row), thenShow: true)) == .showCustomer(99))
        #expect(CustomerListRoom.reduce(&state, .move(.moveDown, rows: 10)) == .none)             // the end
        _ = CustomerListRoom.reduce(&state, .forgetWindow)
        #expect(state.selectedRow == nil && state.windowNeeded(rows: 10) != nil)
    }

    @Test func aFormAsksToSaveCloseOrDiscardAndTypesIntoItsField() {
        var state = FormState(form: .note(NoteForm(.churnReason(eventID: 1, customerName: "广州华南"))))
        #expect(FormRoom.reduce(&state, .key(.cancel)) == .closeForm)                  // nothing typed: just close
        #expect(FormRoom.reduce(&state, .type("客户搬迁到外省")) == .none)
        #expect(state.form.editable.focusedField.text == "客户搬迁到外省")
        #expect(FormRoom.reduce(&state, .key(.cancel)) == .askDiscard)                 // typed: ask first
        #expect(FormRoom.reduce(&state, .key(.editExternally)) == .editExternally("客户搬迁到外省"))
        #expect(FormRoom.reduce(&state, .externalText("第一行\n第二行")) == .none)
        #expect(state.form.editable.focusedField.text == "第一行 第二行")
        #expect(FormRoom.reduce(&state, .externalText(nil)) == .showError(.editorFailed))
        #expect(FormRoom.reduce(&state, .key(.save)) == .saveForm)
    }

    @Test func aPromptIsAnsweredWithAnEffect() {
        let mine = DuplicateMatch(customerID: 5, code: "Ca-粤GZ0005", name: "华南机电", ownerID: 2, ownerName: "张伟", reason: .phone)
        var theirs = DuplicateMatch(customerID: 6, code: "Ca-粤GZ0006", name: "", ownerID: 3, ownerName: "刘洋", reason: .phone)
        theirs.isOpenable = false                                   // a colleague's, out of sight
        var teamMate = DuplicateMatch(customerID: 7, code: "Ca-粤GZ0007", name: "白云电器", ownerID: 4, ownerName: "李娜", reason: .phone)
        teamMate.isOpenable = true                                  // a supervisor's team member's
        var prompt: Prompt? = .duplicates([theirs, mine])
        #expect(PromptRoom.reduce(&prompt, .moveDown, me: 2) == .none && prompt != nil)    // a question waits for its answer
        #expect(PromptRoom.reduce(&prompt, .confirm, me: 2) == .batch([.closeForm, .selectCustomer(id: 5, code: "Ca-粤GZ0005")]))
        #expect(prompt == nil)
        prompt = .duplicates([theirs])
        #expect(PromptRoom.reduce(&prompt, .confirm, me: 2) == .showError(.duplicateOthers))
        prompt = .duplicates([theirs, teamMate])
        #expect(PromptRoom.reduce(&prompt, .confirm, me: 2) == .batch([.closeForm, .selectCustomer(id: 7, code: "Ca-粤GZ0007")]))
        prompt = .duplicates([theirs])
        #expect(PromptRoom.reduce(&prompt, .decline, me: 2) == .saveLeadAnyway)
        prompt = .discard
        #expect(PromptRoom.reduce(&prompt, .confirm, me: 2) == .closeForm)
        prompt = .discard
        #expect(PromptRoom.reduce(&prompt, .decline, me: 2) == .none && prompt == nil)
    }
}
