import KehuCore

/// The mouse and the clipboard: a click focuses the pane under it and, in a list (the
/// customers, the matches, Today, the evening queue, approvals, the reports menu), selects
/// the row; the wheel scrolls the pane under it; `y` and `Y`
/// put the selected customer's phone or code on the user's own clipboard.
extension MainViewModel {
    /// What `y` and `Y` copy.
    public enum CopiedField: Sendable { case phone, code }

    /// Lines the wheel moves per notch.
    static let wheelStep = 3

    /// Clicks and the wheel act only on the three panes, not under a form, a box or a prompt.
    private var pointerFree: Bool { form == nil && overlay == nil && prompt == nil && commandLine == nil }

    /// A click on the `row`th line inside `pane` (0 is the first line under its border).
    public func click(_ pane: Pane, row: Int) {
        guard pointerFree else { return }
        if search != nil {
            // The search's first line is the query; the matches start under it.
            if pane == .list { sendSearch(.select(visibleRow: row - 1, rows: viewport.searchRows)) }
            return
        }
        if focus != pane {
            focus = pane
            openShownCustomer()
        }
        guard pane == .list else { return }
        switch view {
        case .allCustomers: sendList(.select(visibleRow: row, rows: viewport.listRows))
        case .today: run(TodayRoom.reduce(&todayRoom, .pick(visibleRow: row, rows: viewport.listRows)))
        case .evening, .spotCheck: sendEvening(.pick(visibleRow: row, rows: viewport.listRows))
        // The approvals pane keeps its selection on its last line when it scrolls.
        case .approvals: sendApprovals(.pick(index: max(0, approvalSelected - viewport.listRows + 1) + row))
        case .reports: sendReports(.pickMenu(row))
        }
    }

    /// The wheel over `pane`: its lines (or its selection, in a list) move without the focus moving.
    public func wheel(_ pane: Pane, down: Bool) {
        guard pointerFree else { return }
        let action: Action = down ? .moveDown : .moveUp
        for _ in 0..<Self.wheelStep {
            switch pane {
            case .list: search != nil ? handleSearch(action) : moveSelection(action)
            case .card where view == .reports, .timeline where view == .reports:
                sendReports(.scrollReport(action, rows: max(1, viewport.cardRows + viewport.timelineRows)))
            case .card: sendCard(.scrollCard(action))
            case .timeline: sendCard(.scrollTimeline(action))
            }
        }
    }

    func copySelected(_ field: CopiedField) {
        guard let detail else {
            show(strings.nothingToCopy, kind: .error)
            return
        }
        let customer = detail.customer
        let text: String
        switch field {
        case .code:
            text = customer.code
        case .phone:
            // The customer's own line, else the first contact's mobile or phone.
            let candidates = [customer.phone] + detail.contacts.flatMap { [$0.mobile, $0.phone] }
            guard let phone = candidates.first(where: { !$0.isEmpty }) else {
                show(strings.noPhoneToCopy(customer.name), kind: .error)
                return
            }
            text = phone
        }
        pendingClipboard = text
        show(strings.copied(text), kind: .info)
    }

    /// The clipboard text, once: the run loop sends it and it is gone.
    public func takeClipboard() -> String? {
        defer { pendingClipboard = nil }
        return pendingClipboard
    }
}
