/// The form open over the right panes.
public enum ActiveForm: Sendable {
    case followUp(FollowUpForm)
    case lead(LeadForm)
    case customer(CustomerForm)
    case contact(ContactForm)
    case closeCard(CloseCardForm)
    case note(NoteForm)
    case grade(GradeForm)
    case assign(AssignForm)
    case order(OrderForm)
    case filter(FilterForm)
    case leadVerdict(LeadVerdictForm)
    case correction(CorrectionForm)
    case card(CardForm)
    case payment(PaymentForm)

    public var editable: any EditableForm {
        switch self {
        case .followUp(let form): return form
        case .lead(let form): return form
        case .customer(let form): return form
        case .contact(let form): return form
        case .closeCard(let form): return form
        case .note(let form): return form
        case .grade(let form): return form
        case .assign(let form): return form
        case .order(let form): return form
        case .filter(let form): return form
        case .leadVerdict(let form): return form
        case .correction(let form): return form
        case .card(let form): return form
        case .payment(let form): return form
        }
    }

    /// The same form with its fields replaced by `editable`'s.
    func with(_ editable: any EditableForm) -> ActiveForm {
        switch self {
        case .followUp: return .followUp(editable as! FollowUpForm)
        case .lead: return .lead(editable as! LeadForm)
        case .customer: return .customer(editable as! CustomerForm)
        case .contact: return .contact(editable as! ContactForm)
        case .closeCard: return .closeCard(editable as! CloseCardForm)
        case .note: return .note(editable as! NoteForm)
        case .grade: return .grade(editable as! GradeForm)
        case .assign: return .assign(editable as! AssignForm)
        case .order: return .order(editable as! OrderForm)
        case .filter: return .filter(editable as! FilterForm)
        case .leadVerdict: return .leadVerdict(editable as! LeadVerdictForm)
        case .correction: return .correction(editable as! CorrectionForm)
        case .card: return .card(editable as! CardForm)
        case .payment: return .payment(editable as! PaymentForm)
        }
    }
}
