import KehuApp
import KehuCore
import TerminalUI

/// A form over the right panes: a label column, one line per field, the focused field
/// marked and its cursor placed where the next character will go.
enum FormOverlay {
    static func draw(_ vm: MainViewModel, form: ActiveForm, into buffer: inout ScreenBuffer, rect: Rect, context: ScreenContext) {
        let s = vm.strings
        let title: String
        var hints: [FormField.Name: String] = [:]
        var footer: [String] = []
        switch form {
        case .followUp(let f):
            title = "\(s[.followUpTitle]) · \(f.customerName) · \(s.visitNumber(f.visitNumber))"
            if let level = f.selectedLevel, let days = f.cadenceDays { hints[.nextVisit] = s.cadenceHint(level: level.rawValue, days: days) }
            if f.cardID == nil { hints[.level] = s[.noOpenCard] }
        case .lead: title = s[.leadTitle]
        case .customer(let f): title = "\(s[.customerFormTitle]) · \(f.original.name)"
        case .contact: title = "\(s[.contactFormTitle]) · \(vm.detail?.customer.name ?? "")"
        case .closeCard(let f): title = "\(s[.closeCardTitle]) · \(f.customerName)"
        case .filter: title = s[.filterTitle]
        case .payment(let f):
            title = "\(s.paymentFormTitle) · \(f.customerName)"
            if let order = f.selectedOrder { hints[.receivedAmount] = "\(s.amountLabel) \(s.yuan(order.amountYuan))" }
        case .order(let f):
            title = "\(s[.orderFormTitle]) · \(f.customerName)"
            if let approver = f.approver { hints[.dealAmount] = "\(s[.contractApproval]): \(s.label(approver))" }
        case .note(let f):
            switch f.purpose {
            case .comment(_, let customer, let handler): title = "\(s[.commentTitle]) · \(handler) → \(customer)"
            case .review(_, let customer, let handler): title = "\(s[.reviewTitle]) · \(handler) → \(customer)"
            case .returnDefeat(_, let customer): title = "\(s[.returnTitle]) · \(customer)"
            case .rejectGrade(_, let customer), .rejectContract(_, let customer): title = "\(s[.rejectTitle]) · \(customer)"
            case .churnReason(_, let customer): title = "\(s[.churnReasonTitle]) · \(customer)"
            case .invalid(_, let customer): title = "\(s.hint(.markInvalid)) · \(customer)"
            case .merge(_, let customer): title = "\(s.mergeTitle) · \(customer)"
            case .move(_, let customer): title = "\(s.moveTitle) · \(customer)"
            case .setting(let key):
                title = "\(s.hint(.settings)) · \(key)"
                let meaning = CompanySettings.setting(key)?.meaning
                hints[.settingValue] = (s.language == .zh ? meaning?.zh : meaning?.en) ?? ""
            }
        case .assign(let f):
            title = "\(s[.assignTitle]) · \(f.customerName)"
        case .leadVerdict(let f):
            title = "\(s[.leadVerdictTitle]) · \(f.customerName)"
        case .card(let f):
            title = "\(s[.intentCard]) \(f.original.number) · \(f.original.createdOn) · \(f.customerName)"
            if let level = f.suggestedLevel { hints[.cardScore] = "→ \(level.rawValue)" }
            hints[.cardFocus] = f.focusPoints.joined(separator: "、")
        case .correction(let f):
            title = "\(s.correctionTitle(date: f.activity.occurredAt.date.monthDay, handler: f.handlerName, visit: f.activity.visitNumber)) · \(f.customerName)"
            if f.activity.cardID == nil { hints[.level] = s[.noOpenCard] }
        case .grade(let f):
            title = "\(s[.gradeTitle]) · \(f.customer.name)"
            // The result follows the scores as they are typed.
            let approvers = f.approvers.isEmpty ? s[.noApprovalNeeded] : f.approvers.map { s.label($0) }.joined(separator: "→")
            // On lines of its own under the scores: the total, the grade and who approves
            // must show at any width.
            footer = ["\(s[.scoreTotal]) \(f.total) → \(s.label(f.target))", "\(s[.approversLabel]) \(approvers)"]
        }
        let focus = form.editable.focus
        let all = form.editable.fields
        let focusedName = all.indices.contains(focus) ? all[focus].name : nil
        // Disabled fields are hidden, except level and next visit, which say why they are off.
        var fields = all.enumerated().filter { $0.element.isEnabled || $0.offset == focus || $0.element.name == .level || $0.element.name == .nextVisit }.map(\.element)
        // A form longer than the pane scrolls so the focused field stays in view.
        let visibleRows = max(1, rect.height - 2)
        if let index = fields.firstIndex(where: { $0.name == focusedName }), index >= visibleRows {
            fields.removeFirst(index - visibleRows + 1)
        }
        buffer.fill(rect, style: .plain)
        // Save and cancel keys are in the hint line below, generated from the keymap.
        buffer.box(rect, glyphs: .heavy, style: context.style(.paneBorderFocused), title: title, titleStyle: context.style(.paneTitle))
        let inner = rect.inner
        let labelWidth = min(16, (fields.map { DisplayWidth.of($0.customLabel ?? s.label($0.name)) }.max() ?? 8) + 2)
        let problems = Set(vm.formProblems.map(\.field))
        var y = inner.y
        for field in fields where y < inner.maxY {
            let focused = field.name == focusedName
            let hasProblem = field.name.validationFields.contains { problems.contains($0) }
            let labelRole: ThemeRole = hasProblem ? .overdue : focused ? .paneBorderFocused : .cardLabel
            let marker = focused ? "▸" : hasProblem ? "!" : " "
            buffer.put(marker + TextLayout.fit(field.customLabel ?? s.label(field.name), to: labelWidth - 1), x: inner.x, y: y,
                       style: context.style(labelRole), clip: inner)
            let valueX = inner.x + labelWidth
            let valueWidth = inner.maxX - valueX - 1
            switch field.kind {
            case .text(let input):
                let (shown, cursorColumn) = input.visible(width: max(2, valueWidth))
                let hint = hints[field.name].map { "  " + $0 } ?? ""
                let valueRole: ThemeRole = !field.isEnabled ? .listEmpty : focused && input.isSelected ? .listSelected : .cardValue
                var spans: [(String, Style)] = [(shown, context.style(valueRole))]
                if !hint.isEmpty, DisplayWidth.of(shown) + DisplayWidth.of(hint) <= valueWidth { spans.append((hint, context.style(.cardLabel))) }
                buffer.putSpans(spans, x: valueX, y: y, width: valueWidth, fill: .plain)
                if focused { buffer.cursor = CursorPosition(x: valueX + cursorColumn, y: y) }
            case .choice(let options, let selected):
                if !field.isEnabled {
                    buffer.putFitted(hints[field.name] ?? "—", x: valueX, y: y, width: valueWidth, style: context.style(.listEmpty))
                } else {
                    var line = choiceLine(options, selected: selected, width: valueWidth, focused: focused)
                    if let hint = hints[field.name] { line.append(Span("  " + hint, .cardLabel)) }
                    context.draw(line, into: &buffer, x: valueX, y: y, width: valueWidth)
                }
            }
            y += 1
        }
        if !footer.isEmpty {
            for line in footerLines(footer, width: max(4, inner.width - 2)) where y + 1 < inner.maxY {
                y += 1
                buffer.putFitted(" " + line, x: inner.x, y: y, width: inner.width, style: context.style(.cardEmphasis))
            }
        }
    }

    /// The footer's parts joined by " · " while they fit; a line breaks between parts, and
    /// only a part wider than a whole line is wrapped inside (so "审批 销售经理→市场经理"
    /// is never split after its label).
    static func footerLines(_ parts: [String], width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for part in parts {
            let joined = current.isEmpty ? part : current + " · " + part
            if DisplayWidth.of(joined) <= width {
                current = joined
                continue
            }
            if !current.isEmpty { lines.append(current) }
            let pieces = TextLayout.wrap(part, width: width)
            lines.append(contentsOf: pieces.dropLast())
            current = pieces.last ?? ""
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    /// All options inline with the chosen one in brackets; when they do not fit, the
    /// chosen one between arrows.
    static func choiceLine(_ options: [String], selected: Int?, width: Int, focused: Bool) -> StyledLine {
        let inline = options.enumerated().map { $0.offset == selected ? "[\($0.element)]" : $0.element }
        if DisplayWidth.of(inline.joined(separator: " ")) <= width {
            return inline.enumerated().flatMap { index, text -> StyledLine in
                [Span(text, index == selected ? (focused ? .listSelected : .cardEmphasis) : .cardLabel), Span(" ", .cardValue)]
            }
        }
        let chosen = selected.map { options[$0] } ?? "—"
        return [Span("‹ ", .cardLabel), Span(chosen, focused ? .listSelected : .cardEmphasis),
                Span(" ›  \((selected ?? 0) + 1)/\(options.count)", .cardLabel)]
    }
}

