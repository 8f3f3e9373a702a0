import Foundation
import KehuCore
import KehuStore

/// Forms over the main screen: logging a follow-up, registering a lead; the questions
/// they ask; and drafts that survive a dropped connection.
extension MainViewModel {
    func openFollowUpForm() {
        // On a lost customer's Today row, what there is to log is why it was lost.
        if view == .today, let item = todayRoom.selected, case .churnReason(let eventID) = item.kind {
            form = .note(NoteForm(.churnReason(eventID: eventID, customerName: item.customerName)))
            formProblems = []
            return
        }
        guard let detail, let id = detail.customer.id else {
            show(strings[.noCustomerSelected], kind: .error)
            return
        }
        var method = ContactMethod.phone
        if view == .today, let item = todayRoom.selected, item.customerID == id, case .maintenance(let kind) = item.kind {
            method = kind.usualMethod
        }
        attempt {
            let card = try store.openCard(customerID: id)
            form = .followUp(FollowUpForm(detail: detail, openCard: card, visitNumber: try store.nextVisitNumber(customerID: id),
                                          cadence: cadence, today: today, strings: strings, method: method))
            formProblems = []
        }
        openShownCustomer()
    }

    func openLeadForm() {
        attempt {
            let city = try profile?.user.id.flatMap { try store.usualCity(ownerID: $0) } ?? ""
            form = .lead(LeadForm(city: city, strings: strings))
            formProblems = []
        }
    }

    func sendForm(_ action: FormAction) { send(\.formRoom, action, to: FormRoom.reduce) }

    /// Typed text goes to the focused field of the open form.
    func type(_ text: String) { sendForm(.type(text)) }

    func handleForm(_ action: Action) { sendForm(.key(action)) }

    /// The text back from `$EDITOR` (nil when the editor failed or was not saved).
    public func finishExternalEdit(_ text: String?) {
        pendingExternalEdit = nil
        sendForm(.externalText(text))
    }

    func closeForm() {
        form = nil
        formProblems = []
    }

    func saveForm() {
        guard let current = form else { return }
        switch current {
        case .followUp(let f): saveFollowUp(f)
        case .lead(let f): saveLead(f)
        case .customer(let f): saveCustomer(f)
        case .contact(let f): saveContact(f)
        case .closeCard(let f): saveClosing(f)
        case .note(let f): saveNote(f)
        case .grade(let f): saveGrade(f)
        case .assign(let f): saveAssign(f)
        case .leadVerdict(let f): saveLeadVerdict(f)
        case .correction(let f): saveCorrection(f)
        case .card(let f): saveCard(f)
        case .order(let f): saveOrder(f)
        case .payment(let f): savePayment(f)
        case .filter(let f): saveFilter(f)
        }
    }

    private func saveFollowUp(_ f: FollowUpForm) {
        switch f.build() {
        case .invalid(let problems): showFormProblems(problems)
        case .ready(let followUp):
            guard let handler = profile?.user.id else { show(strings.message(StoreError.notFound(table: "users", rowID: 0)), kind: .error); return }
            do {
                let saved = try store.log(followUp, handlerID: handler, by: actor)
                closeForm()
                try refreshAfterSave(showing: followUp.customerID)
                show(strings.savedFollowUp(visit: saved.visitNumber, customer: f.customerName), kind: .info)
            } catch let StoreError.invalid(problems) {
                showFormProblems(problems)
            } catch {
                show(strings.screenMessage(error), kind: .error)
            }
        }
    }

    private func saveLead(_ f: LeadForm) {
        switch f.build() {
        case .invalid(let problems): showFormProblems(problems)
        case .ready(let lead):
            do {
                guard let owner = profile?.user.id else { return }
                let created: CreatedLead
                if f.duplicatesAccepted {
                    created = try store.register(lead, ownerID: owner, teamID: profile?.user.teamID, cadence: cadence, by: actor)
                } else {
                    // Checked and inserted in one transaction: a colleague registering the
                    // same walk-in a moment ago shows here as the customer already there.
                    switch try store.registerUnlessDuplicate(lead, ownerID: owner, teamID: profile?.user.teamID, cadence: cadence, by: actor) {
                    case .duplicates(let matches):
                        prompt = .duplicates(matches)
                        return
                    case .created(let lead):
                        created = lead
                    }
                }
                closeForm()
                try select(customerID: created.customerID, code: created.code)
                show(strings.createdLead(code: created.code, name: lead.name), kind: .info)
            } catch let StoreError.invalid(problems) {
                showFormProblems(problems)
            } catch {
                show(strings.screenMessage(error), kind: .error)
            }
        }
    }

    /// Shows one customer: in the Today list when it is there, else in the full list.
    func select(customerID: Int64, code: String) throws {
        totalCustomers = try store.customerCount(in: archiveView, filter: listFilter, today: today)
        if view == .today {
            try reloadToday()
            if todayItems.contains(where: { $0.customerID == customerID }) {
                run(TodayRoom.reduce(&todayRoom, .select(customerID: customerID, rows: viewport.listRows)))
                return
            }
            view = .allCustomers
        }
        // A customer outside the archive view or filter shown is found in the whole archive.
        if try !store.contains(customerID: customerID, in: archiveView, filter: listFilter, today: today) {
            archiveView = .all
            listFilter = CustomerFilter()
            totalCustomers = try store.customerCount()
            forgetWindow()
        }
        selectedIndex = try store.customerIndex(id: customerID, in: archiveView, filter: listFilter, order: listOrder, today: today)
        // The rows read before may have moved (a new customer, a changed code).
        forgetWindow()
        keepSelectionVisible()
        try fillWindow()
        try loadSelection()
    }

    func answerPrompt(_ action: Action) {
        run(PromptRoom.reduce(&prompt, action, me: profile?.user.id))
    }

    // MARK: Drafts

    /// Saves the open form as a draft, for when the session ends before the user could.
    /// Returns whether anything was kept.
    @discardableResult
    public func saveDraftIfEditing() -> Bool {
        guard let current = form, current.editable.hasUserInput else { return false }
        // Choosing an owner or a filter is two keys to do again, and nothing anyone typed:
        // no draft to offer back.
        switch current {
        case .assign, .filter, .leadVerdict: return false   // a choice and a few words, made again in a moment
        case .note(let f): if case .setting = f.purpose { return false }   // a value, typed again in a moment
        default: break
        }
        let payload = DraftPayload(current)
        guard let data = try? JSONEncoder().encode(payload), let json = String(data: data, encoding: .utf8) else { return false }
        do {
            try store.saveDraft(kind: payload.kind, customerID: payload.customerID, payload: json, at: now)
            return true
        } catch {
            return false
        }
    }

    /// What a draft is — its form and its customer — and when it was kept, for the
    /// question at start ("记跟进 · 广州华南机电 · 11-22 17:40").
    func draftLabel(_ draft: Draft) throws -> String {
        let payload = try? JSONDecoder().decode(DraftPayload.self, from: Data(draft.payload.utf8))
        let what: String
        switch draft.kind {
        case DraftPayload.followUpKind: what = strings[.draftFollowUp]
        case DraftPayload.leadKind: what = strings[.draftLead]
        case "customer": what = strings[.customerFormTitle]
        case "contact": what = strings[.contactFormTitle]
        case "closeCard": what = strings[.closeCardTitle]
        case "grade": what = strings[.gradeTitle]
        case "order": what = strings[.orderFormTitle]
        case "payment": what = strings.paymentFormTitle
        case "correction": what = strings.hint(.correct)
        case "card": what = strings[.intentCard]
        default:
            switch payload?.notePurpose {
            case .review?: what = strings[.reviewTitle]
            case .returnDefeat?: what = strings[.returnTitle]
            case .rejectGrade?, .rejectContract?: what = strings[.rejectTitle]
            case .churnReason?: what = strings[.churnReasonTitle]
            case .invalid?: what = strings.hint(.markInvalid)
            case .merge?: what = strings.mergeTitle
            case .move?: what = strings.moveTitle
            default: what = strings[.commentTitle]
            }
        }
        var whom = payload?.notePurpose.map { NoteForm($0).customerName }
        if whom == nil, let id = draft.customerID ?? payload?.customerID { whom = try store.customer(id: id)?.name }
        return ([what] + (whom.map { [$0] } ?? []) + ["\(draft.savedAt.date.monthDay) \(draft.savedAt.clock)"]).joined(separator: " · ")
    }

    func restore(_ draft: Draft) throws {
        guard let payload = try? JSONDecoder().decode(DraftPayload.self, from: Data(draft.payload.utf8)) else { return }
        switch payload.kind {
        case DraftPayload.followUpKind:
            guard let id = payload.customerID else { return }
            try loadDetail(customerID: id)
            guard let detail else { return }
            // For the card it was written for: if that card was won or lost meanwhile, saving
            // says so instead of logging against another card.
            let card = try payload.recordID.flatMap { cardID in detail.cards.first { $0.id == cardID } } ?? store.openCard(customerID: id)
            var f = FollowUpForm(detail: detail, openCard: card,
                                 visitNumber: try store.nextVisitNumber(customerID: id), cadence: cadence, today: today, strings: strings)
            payload.apply(to: &f)
            form = .followUp(f)
        case DraftPayload.leadKind:
            var f = LeadForm(city: "", strings: strings)
            payload.apply(to: &f)
            form = .lead(f)
        case "note":
            // A comment, review or reason: the note is for the same decision again.
            // Checked against what it saw: a colleague's comment signed meanwhile is a conflict.
            guard let purpose = payload.notePurpose else { return }
            var f = NoteForm(purpose, text: payload.seen ?? "")
            payload.apply(to: &f)
            form = .note(f)
        default:
            guard let id = payload.customerID else { return }
            try loadDetail(customerID: id)
            guard let detail else { return }
            switch payload.kind {
            case "customer":
                // The draft saves against the customer as it was when the form opened, so a
                // colleague's newer change to the same field is a conflict, not overwritten.
                var original = detail.customer
                if let before = payload.original {
                    var opened = CustomerForm(detail.customer, strings: strings)
                    before.apply(to: &opened)
                    if case .ready(let customer) = opened.build() { original = customer }
                }
                var f = CustomerForm(original, strings: strings)
                payload.apply(to: &f)
                form = .customer(f)
            case "contact":
                form = .contact(restoredContactForm(payload, customerID: id, contacts: detail.contacts))
            case "assign", "filter", "leadVerdict":
                return                                   // an older kehu kept these; nothing to restore
            case "grade":
                // Scored from the grade the user saw; a grade changed meanwhile is a conflict.
                var scored = detail.customer
                if let seen = payload.seen.flatMap(CustomerGrade.init(rawValue:)) { scored.grade = seen }
                var f = GradeForm(customer: scored, sheet: try gradeSheet(), strings: strings)
                payload.apply(to: &f)
                form = .grade(f)
            case "order":
                var f = try orderForm(for: detail)
                payload.apply(to: &f)
                form = .order(f)
            case "payment":
                // Against the orders as they stand now: the typed totals over what is booked.
                guard var f = try paymentForm(for: detail) else { return }
                payload.apply(to: &f)
                form = .payment(f)
            case "card":
                // Against the card as it was when the form opened: a colleague's change to
                // the same field meanwhile is a conflict, not overwritten.
                guard let cardID = payload.recordID, let stored = detail.cards.first(where: { $0.id == cardID }) else { return }
                var opened = CardForm(card: stored, customerName: detail.customer.name, focusPoints: try cardFocusPoints(), strings: strings)
                if let before = payload.original {
                    var then = opened
                    before.apply(to: &then)
                    if case .ready(let card) = then.build() {
                        opened = CardForm(card: card, customerName: detail.customer.name, focusPoints: try cardFocusPoints(), strings: strings)
                    }
                }
                payload.apply(to: &opened)
                form = .card(opened)
            case "correction":
                // Against the row as it reads now: the form opens on it, then the typed text.
                guard let activityID = payload.recordID,
                      let entry = try store.timeline(customerID: id, offset: 0, limit: .max).first(where: { $0.activity.id == activityID })
                else { return }
                var f = CorrectionForm(entry: entry, customerName: detail.customer.name, today: today, strings: strings)
                payload.apply(to: &f)
                form = .correction(f)
            default:
                guard let card = try payload.recordID.flatMap({ cardID in detail.cards.first { $0.id == cardID } })
                        ?? store.openCard(customerID: id) else { return }
                var f = CloseCardForm(card: card, customerName: detail.customer.name, today: today, strings: strings)
                payload.apply(to: &f)
                form = .closeCard(f)
            }
        }
    }

    /// A contact draft for the contact it was written for (found by its id, wherever it is
    /// in the list now), saved against that contact as it was when the form opened.
    private func restoredContactForm(_ payload: DraftPayload, customerID: Int64, contacts: [Contact]) -> ContactForm {
        var contacts = contacts
        var draft = payload
        let index = payload.recordID.flatMap { id in contacts.firstIndex { $0.id == id } } ?? contacts.count
        draft.choices[FormField.Name.contactChoice.rawValue] = index
        if index < contacts.count, let before = payload.original {
            var opened = ContactForm(customerID: customerID, contacts: contacts, strings: strings)
            opened.choose(contactAt: index)
            // Which contact is settled by its id above, not by where it stood then.
            let fields = DraftPayload.FieldValues(texts: before.texts, choices: before.choices.filter { $0.key != FormField.Name.contactChoice.rawValue })
            fields.apply(to: &opened)
            if case .ready(let contact) = opened.build() { contacts[index] = contact }
        }
        var f = ContactForm(customerID: customerID, contacts: contacts, strings: strings)
        draft.apply(to: &f)
        return f
    }
}

/// A form's fields as JSON: what the user typed and chose, and where they were.
struct DraftPayload: Codable {
    static let followUpKind = "followUp"
    static let leadKind = "lead"

    let kind: String
    let customerID: Int64?
    /// What a note (a comment, a review, a reason) was for; nil for other forms.
    let notePurpose: NoteForm.Purpose?
    /// The customer edit form's fields as they were when it opened, so a restored draft
    /// is checked against what the user started from (nil for other forms, old drafts).
    let original: FieldValues?
    /// The record the form was for, where a customer has several: the card of a follow-up
    /// or closing, the contact being edited.
    let recordID: Int64?
    /// What the user saw and decided from: a note's stored text, the grade they scored.
    let seen: String?

    /// A form's texts and choices by field name.
    struct FieldValues: Codable {
        let texts: [String: String]
        let choices: [String: Int]

        func apply<F: EditableForm>(to form: inout F) {
            DraftPayload(values: self).apply(to: &form)
        }
    }
    let texts: [String: String]
    let editedTexts: [String]
    var choices: [String: Int]
    let focus: Int

    init(_ form: ActiveForm) {
        let editable = form.editable
        if case .note(let f) = form { notePurpose = f.purpose } else { notePurpose = nil }
        switch form {
        case .customer(let f):
            let opened = DraftPayload(fields: CustomerForm(f.original, strings: Strings(.en)).fields, focus: 0)
            original = FieldValues(texts: opened.texts, choices: opened.choices)
            recordID = nil; seen = nil
        case .contact(let f):
            // The chosen contact as loaded when the form opened.
            var opened = ContactForm(customerID: f.customerID, contacts: f.contacts, strings: Strings(.en))
            opened.choose(contactAt: f.field(.contactChoice)?.selected ?? f.contacts.count)
            let values = DraftPayload(fields: opened.fields, focus: 0)
            original = f.current == nil ? nil : FieldValues(texts: values.texts, choices: values.choices)
            recordID = f.current?.id; seen = nil
        case .followUp(let f): original = nil; recordID = f.cardID; seen = nil
        case .closeCard(let f): original = nil; recordID = f.card.id; seen = nil
        case .note(let f): original = nil; recordID = nil; seen = f.seen
        case .grade(let f): original = nil; recordID = nil; seen = f.customer.grade.rawValue
        case .correction(let f): original = nil; recordID = f.activity.id; seen = nil
        case .card(let f):
            // The card as it was opened: saving the draft later is a change against it.
            let opened = DraftPayload(fields: CardForm(card: f.original, customerName: "", focusPoints: [], strings: Strings(.en)).fields, focus: 0)
            original = FieldValues(texts: opened.texts, choices: opened.choices)
            recordID = f.original.id; seen = nil
        default: original = nil; recordID = nil; seen = nil
        }
        switch form {
        case .followUp(let f): kind = DraftPayload.followUpKind; customerID = f.customerID
        case .lead: kind = DraftPayload.leadKind; customerID = nil
        case .customer(let f): kind = "customer"; customerID = f.original.id
        case .contact(let f): kind = "contact"; customerID = f.customerID
        case .closeCard(let f): kind = "closeCard"; customerID = f.card.customerID
        case .note: kind = "note"; customerID = nil
        case .grade(let f): kind = "grade"; customerID = f.customer.id
        case .assign: kind = "assign"; customerID = nil
        case .order(let f): kind = "order"; customerID = f.customerID
        case .payment(let f): kind = "payment"; customerID = f.customerID
        case .filter: kind = "filter"; customerID = nil
        case .leadVerdict(let f): kind = "leadVerdict"; customerID = f.customerID
        case .correction(let f): kind = "correction"; customerID = f.activity.customerID
        case .card(let f): kind = "card"; customerID = f.original.customerID
        }
        (texts, editedTexts, choices) = DraftPayload.values(editable.fields)
        focus = editable.focus
    }

    /// Texts (and which the user edited) and choices of a form's fields.
    static func values(_ fields: [FormField]) -> (texts: [String: String], edited: [String], choices: [String: Int]) {
        var texts: [String: String] = [:]
        var edited: [String] = []
        var choices: [String: Int] = [:]
        for field in fields {
            switch field.kind {
            case .text(let input):
                texts[field.name.rawValue] = input.text
                if input.isEdited { edited.append(field.name.rawValue) }
            case .choice(_, let selected):
                if let selected { choices[field.name.rawValue] = selected }
            }
        }
        return (texts, edited, choices)
    }

    /// Field values alone, as a payload to apply.
    init(fields: [FormField], focus: Int) {
        kind = ""; customerID = nil; notePurpose = nil; original = nil; recordID = nil; seen = nil
        (texts, editedTexts, choices) = DraftPayload.values(fields)
        self.focus = focus
    }

    init(values: FieldValues) {
        kind = ""; customerID = nil; notePurpose = nil; original = nil; recordID = nil; seen = nil
        texts = values.texts; editedTexts = Array(values.texts.keys); choices = values.choices
        focus = -1
    }

    func apply<F: EditableForm>(to form: inout F) {
        // Choices first: some reload the fields below them (which contact is edited).
        for index in form.fields.indices {
            let name = form.fields[index].name.rawValue
            if case .choice(let options, _) = form.fields[index].kind, let selected = choices[name], options.indices.contains(selected) {
                form.fields[index].kind = .choice(options: options, selected: selected)
                form.fieldChanged(form.fields[index].name)
            }
        }
        for index in form.fields.indices {
            let name = form.fields[index].name.rawValue
            if case .text = form.fields[index].kind, let text = texts[name] {
                form.setText(form.fields[index].name, text, asUser: editedTexts.contains(name))
            }
        }
        if form.fields.indices.contains(focus) { form.focus = focus }
    }
}
