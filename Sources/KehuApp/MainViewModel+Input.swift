import KehuCore
import KehuStore
import TerminalBasics

/// The app's reducer: a key becomes an action in the active context, and the action goes
/// to the room that owns it — a prompt, a form, an overlay, the search — or, on the main
/// screen, to the list, the card or the timeline in focus.
extension MainViewModel {
    /// Looks the key up in the active keymap. Returns false when it means nothing here.
    @discardableResult
    public func handle(_ key: Key) -> Bool {
        if commandLine != nil { return commandLineKey(key) }
        if let action = keymap.action(for: key, in: context) {
            send(action)
            return true
        }
        // In a form, a key that is no command is text: a letter, a Chinese character from
        // the input method, a space.
        if context == .form || context == .search, !key.control, !key.alt {
            let text: String?
            switch key.name {
            case .character(let ch): text = String(ch)
            case .space: text = " "
            default: text = nil
            }
            if let text {
                if context == .search { typeSearch(text) } else { type(text) }
                return true
            }
        }
        return false
    }

    /// Keys that arrived together (an input method committing a phrase, typing ahead over
    /// a slow link): a run of text typed into the search is searched once, for the whole
    /// run, not once per character; every other key is handled as it comes, in order.
    public func handle(burst keys: [Key]) {
        var text = ""
        func flush() {
            if !text.isEmpty { typeSearch(text) }
            text = ""
        }
        for key in keys {
            // Keys after quitting, or after handing a text to the editor, are not acted on.
            guard !shouldQuit, pendingExternalEdit == nil else { break }
            if context == .search, commandLine == nil, !key.control, !key.alt, keymap.action(for: key, in: .search) == nil {
                switch key.name {
                case .character(let ch): text.append(ch); continue
                case .space: text.append(" "); continue
                default: break
                }
            }
            flush()
            handle(key)
        }
        flush()
    }

    /// A paste (the terminal's bracketed paste): text for the field or search in front,
    /// never keys — its line breaks neither move through a form nor save it. Elsewhere it
    /// is ignored.
    public func paste(_ text: String) {
        message = nil
        guard prompt == nil, overlay == nil else { return }
        if commandLine != nil {
            sendCommandLine(.type(text.split(whereSeparator: \.isNewline).joined(separator: " ")))
            return
        }
        switch context {
        case .form: sendForm(.paste(text))
        case .search: typeSearch(text.split(whereSeparator: \.isNewline).joined(separator: " "))
        default: break
        }
    }

    public func send(_ action: Action) {
        message = nil
        redrawRequested = false
        if prompt != nil {
            answerPrompt(action)
            return
        }
        if form != nil {
            handleForm(action)
            return
        }
        if var open = overlay {
            switch open.reduce(action) {
            case .stay: overlay = open
            case .close: overlay = nil
            case .quit: shouldQuit = true
            case .redraw: redrawRequested = true
            case .edit(let entry): editSetting(entry)
            }
            return
        }
        if search != nil {
            handleSearch(action)
            return
        }
        switch action {
        case .nextView: switchView()
        case .logFollowUp: openFollowUpForm()
        case .newLead: openLeadForm()
        case .editCustomer: openCustomerForm()
        case .editContacts: openContactForm()
        case .closeCard: openCloseCardForm()
        case .history: openHistory()
        case .proposeGrade: openGradeForm()
        case .recordOrder: openOrderForm()
        case .search: openSearch()
        case .reports: toggleReports()
        case .settings: openSettings()
        case .judgeLead: openLeadVerdictForm()
        case .correct: openCorrectionForm()
        case .editCard: openCardForm()
        case .markInvalid: openInvalidForm()
        case .recordPayment: openPaymentForm()
        case .mergeCustomer: openMergeForm()
        case .moveCustomer: openMoveForm()
        case .copyPhone: copySelected(.phone)
        case .copyCode: copySelected(.code)
        case .commandLine: openCommandLine()
        case .scrollLeft, .scrollRight:
            guard view == .reports, focus != .list else { break }
            sendReports(.scrollSideways(by: action == .scrollLeft ? -8 : 8, width: max(1, viewport.cardWidth - 1)))
        case .openCustomer:
            guard focus == .list, view != .reports, detail != nil else { break }
            focus = .card
            openShownCustomer()
        case .filter: openFilterForm()
        case .clearFilter: clearFilter()
        case .claim: claimSelected()
        case .assign: openAssignForm()
        case .poolPreview: openPoolPreview()
        case .nextArchiveView: switchArchiveView(by: 1)
        case .previousArchiveView: switchArchiveView(by: -1)
        case .comment: openCommentForm()
        case .needsGuidance: toggleGuidance()
        case .markDoubtful: toggleDoubtful()
        case .approve: view == .approvals ? sendApprovals(.approve) : decideSelectedDefeat(approve: true)
        case .returnDefeat: view == .approvals ? sendApprovals(.reject) : decideSelectedDefeat(approve: false)
        case .nextField, .nextOrSave, .previousField, .save, .cancel, .cursorLeft, .cursorRight, .lineStart, .lineEnd,
             .deleteBackward, .deleteForward, .killLine, .editExternally, .confirm, .decline:
            break
        case .quit: shouldQuit = true
        case .help: openOverlay(.help(focus.context), title: strings[.helpTitle] + " · " + strings.label(focus.context), note: strings[.helpFooter])
        case .close: break
        case .redraw: redrawRequested = true
        case .focusNext:
            focus = Pane.allCases[(Pane.allCases.firstIndex(of: focus)! + 1) % Pane.allCases.count]
            openShownCustomer()
        case .focusPrevious:
            focus = Pane.allCases[(Pane.allCases.firstIndex(of: focus)! + Pane.allCases.count - 1) % Pane.allCases.count]
            openShownCustomer()
        case .moveUp, .moveDown, .pageUp, .pageDown, .first, .last:
            switch focus {
            case .list: moveSelection(action)
            case .card where view == .reports, .timeline where view == .reports:
                sendReports(.scrollReport(action, rows: max(1, viewport.cardRows + viewport.timelineRows)))
            case .card: sendCard(.scrollCard(action))
            case .timeline: sendCard(.scrollTimeline(action))
            }
        }
    }
}
