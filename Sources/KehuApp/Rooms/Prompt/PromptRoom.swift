import KehuStore

/// A question kehu waits on before doing anything else.
public enum Prompt: Hashable, Sendable {
    case discard
    case duplicates([DuplicateMatch])
    /// A form kept when a session ended, with what it was and for whom, to offer back.
    case draft(Draft, label: String)
}

enum PromptRoom {
    /// The answer to the question asked: `me` is the viewer, whose own duplicate a lead
    /// can be taken to.
    static func reduce(_ prompt: inout Prompt?, _ answer: Action, me: Int64?) -> Effect {
        guard let current = prompt else { return .none }
        switch (current, answer) {
        case (.discard, .confirm):
            prompt = nil
            return .closeForm
        case (.discard, .decline), (.discard, .close), (.duplicates, .close), (.draft, .close):
            prompt = nil
            return .none
        case (.duplicates(let matches), .confirm):
            prompt = nil
            // The viewer's own first, else one they may open; a colleague's out of sight cannot be.
            guard let open = matches.first(where: { $0.ownerID != nil && $0.ownerID == me }) ?? matches.first(where: \.isOpenable) else {
                return .showError(.duplicateOthers)
            }
            return .batch([.closeForm, .selectCustomer(id: open.customerID, code: open.code)])
        case (.duplicates, .decline):
            prompt = nil
            return .saveLeadAnyway
        case (.draft(let draft, _), .confirm):
            prompt = nil
            return .batch([.restoreDraft(draft), .deleteDraft(id: draft.id)])
        case (.draft(let draft, _), .decline):
            prompt = nil
            return .deleteDraft(id: draft.id)
        case (_, .redraw):
            return .redraw
        default:
            return .none
        }
    }
}
