import KehuCore

// English: the domain's coded values and contexts.
extension Strings {
    static func english(_ v: CustomerGrade) -> String {
        switch v {
        case .vip: return "A VIP"
        case .key: return "B key"
        case .general: return "C general"
        case .image: return "I image"
        case .potentialVIP: return "A pot. VIP"
        case .potentialKey: return "B pot. key"
        }
    }

    static func english(_ v: CustomerStatus) -> String {
        switch v {
        case .cooperating: return "a active"
        case .potential: return "b potential"
        case .lost: return "c lost"
        case .invalid: return "d invalid"
        }
    }

    static func english(_ v: CustomerType) -> String {
        switch v {
        case .dealer: return "Dealer"
        case .directUser: return "Direct user"
        case .oem: return "OEM"
        case .commercial: return "Commercial"
        case .government: return "Government"
        case .industrial: return "Industrial"
        case .other: return "Other"
        }
    }

    static func english(_ v: CustomerSource) -> String {
        switch v {
        case .phoneSales: return "Phone sales"
        case .onSiteVisit: return "Visit"
        case .walkIn: return "Walk-in"
        case .exhibition: return "Exhibition"
        case .internet: return "Internet"
        case .referral: return "Referral"
        case .other: return "Other"
        }
    }

    static func english(_ v: CreditLevel) -> String {
        switch v {
        case .excellent: return "excellent"
        case .good: return "good"
        case .fair: return "fair"
        case .poor: return "poor"
        }
    }

    static func english(_ v: ContactMethod) -> String {
        switch v {
        case .phone: return "Call"
        case .onSite: return "Visit"
        case .walkIn: return "Walk"
        case .message: return "Msg"
        case .techSupport: return "Tech"
        }
    }

    static func english(_ v: Role) -> String {
        switch v {
        case .salesperson: return "Sales"
        case .assistant: return "Assistant"
        case .supervisor: return "Supervisor"
        case .salesManager: return "Sales mgr"
        case .marketingManager: return "Mkt mgr"
        case .generalManager: return "GM"
        case .admin: return "Admin"
        }
    }

    static func english(_ v: PurchaseType) -> String {
        switch v {
        case .new: return "new"
        case .additional: return "additional"
        case .replacement: return "replacement"
        case .referral: return "referral"
        }
    }

    static func english(_ v: CardState) -> String {
        switch v {
        case .open: return "open"
        case .defeatPending: return "defeat pending"
        case .won: return "won"
        case .lost: return "lost"
        }
    }

    static func english(_ v: Field) -> String {
        switch v {
        case .customerName: return "Company name"
        case .customerCode: return "Customer code"
        case .customerPhone: return "Phone"
        case .customerFax: return "Fax"
        case .customerEmail: return "Email"
        case .customerTypeOther: return "Other type"
        case .registeredCapital: return "Registered capital"
        case .contactName: return "Contact name"
        case .contactMobile: return "Mobile"
        case .contactPhone: return "Contact phone"
        case .contactEmail: return "Contact email"
        case .activityContent: return "Content"
        case .visitNumber: return "Visit number"
        case .nextVisit: return "Next visit"
        case .cardPerson: return "Lead name"
        case .cardPhone: return "Phone"
        case .cardAge: return "Age"
        case .cardBudget: return "Budget"
        case .cardScore: return "Intent score"
        case .date: return "Date"
        case .city: return "City"
        case .dealProduct: return "Product bought"
        case .dealAmount: return "Amount"
        case .dealDate: return "Deal date"
        case .settledOn: return "Settled on"
        case .defeatReason: return "Reason"
        case .defeatPrice: return "Price chosen"
        case .yearsInBusiness: return "Years in business"
        case .contactBirthday: return "Birthday"
        case .supervisorComment: return "Comment"
        case .defeatDecision: return "Reason for returning"
        case .gradeDecision: return "Reason for rejecting"
        case .gradeScore: return "Score"
        case .churnReason: return "Reason for the loss"
        case .leadVerdictNote: return "Why"
        case .correctionReason: return "Why corrected"
        case .invalidReason: return "Why invalid"
        case .creditLine: return "Credit line"
        case .companions: return "Came along"
        case .arrivedAt: return "Arrived"
        case .leftAt: return "Left"
        case .shippedAmount: return "Shipped"
        case .receivedAmount: return "Received"
        case .contractDecision: return "Reason for rejecting"
        case .mergeTarget: return "Merge into (code)"
        }
    }

    static func englishHint(_ v: Action) -> String {
        switch v {
        case .moveUp, .moveDown: return "move"
        case .pageUp, .pageDown: return "page"
        case .first, .last: return "ends"
        case .focusNext, .focusPrevious: return "pane"
        case .help: return "help"
        case .close: return "close"
        case .redraw: return "redraw"
        case .quit: return "quit"
        case .nextView: return "view"
        case .logFollowUp: return "follow up"
        case .newLead: return "new lead"
        case .editCustomer: return "edit"
        case .editContacts: return "contacts"
        case .closeCard: return "close card"
        case .history: return "history"
        case .proposeGrade: return "grade"
        case .recordOrder: return "order"
        case .search: return "search"
        case .filter: return "filter"
        case .reports: return "reports"
        case .settings: return "settings"
        case .judgeLead: return "judge lead"
        case .correct: return "correct"
        case .editCard: return "card"
        case .markInvalid: return "invalid"
        case .recordPayment: return "payments"
        case .mergeCustomer: return "merge"
        case .moveCustomer: return "move"
        case .copyPhone: return "copy phone"
        case .copyCode: return "copy code"
        case .openCustomer: return "open"
        case .commandLine: return "command"
        case .scrollLeft, .scrollRight: return "scroll sideways"
        case .clearFilter: return "clear filter"
        case .nextArchiveView, .previousArchiveView: return "archive view"
        case .claim: return "claim"
        case .assign: return "assign"
        case .poolPreview: return "pool preview"
        case .comment: return "comment"
        case .needsGuidance: return "guidance"
        case .markDoubtful: return "doubtful"
        case .approve: return "approve"
        case .returnDefeat: return "return"
        case .nextField, .previousField, .nextOrSave: return "field"
        case .save: return "save"
        case .cancel: return "cancel"
        case .cursorLeft, .cursorRight: return "cursor"
        case .lineStart, .lineEnd: return "line ends"
        case .deleteBackward, .deleteForward, .killLine: return "delete"
        case .editExternally: return "editor"
        case .confirm: return "yes"
        case .decline: return "no"
        }
    }

    static func englishDescription(_ v: Action) -> String {
        switch v {
        case .moveUp: return "Up one row"
        case .moveDown: return "Down one row"
        case .pageUp: return "Up one page"
        case .pageDown: return "Down one page"
        case .first: return "To the first row"
        case .last: return "To the last row"
        case .focusNext: return "Focus the next pane"
        case .focusPrevious: return "Focus the previous pane"
        case .help: return "Show this help"
        case .close: return "Close: the help, a question or the search"
        case .redraw: return "Redraw the whole screen"
        case .quit: return "Quit kehu"
        case .nextView: return "Switch view: Today / All customers"
        case .logFollowUp: return "Log a follow-up for the selected customer"
        case .newLead: return "Register a walk-in or call-in lead"
        case .editCustomer: return "Edit the selected customer's archive"
        case .editContacts: return "Add or edit contacts"
        case .closeCard: return "Close the intent card: deal or defeat application"
        case .history: return "Who changed what on this customer"
        case .proposeGrade: return "Grade review: score and propose a grade change"
        case .recordOrder: return "Record a repeat order; its amount decides who approves the contract"
        case .search: return "Search by name, code, phone, contact, city or pinyin (full or initials)"
        case .filter: return "Filter and order the list: grade, status, owner, level, overdue, source, place, team"
        case .reports: return "Reports: funnel, KPIs, churn, 80/20, defeats, sources, potential VIPs (again to go back)"
        case .markInvalid: return "Mark the customer invalid, with why (the code takes d, open cards close)"
        case .recordPayment: return "Book what has shipped and been received on an approved order (running totals); the amount owed follows"
        case .mergeCustomer: return "Merge a duplicate record into this customer (supervisors and above; contacts, visits, cards, orders and former codes all kept)"
        case .moveCustomer: return "Move to another province or city: a new code there, the former code kept"
        case .copyPhone: return "Copy the selected customer's phone to your own clipboard (works through SSH and tmux)"
        case .copyCode: return "Copy the selected customer's code to your own clipboard"
        case .openCustomer: return "Open the selected customer: its card takes the focus"
        case .commandLine: return "Command line: type a command's name or word, Tab completes, ↑↓ choose, Enter runs it"
        case .scrollLeft: return "Scroll a report wider than its pane to the left"
        case .scrollRight: return "Scroll a report wider than its pane to the right"
        case .editCard: return "Fill in the whole intent card: the person, the need, the analysis, the intent score"
        case .correct: return "Correct the follow-up at the top of the timeline (its author, the team's supervisor); the original is kept"
        case .judgeLead: return "Judge the lead effective or not (assistants, supervisors, managers), for the weekly summary"
        case .settings: return "Company settings: cadence, pool, churn, KPI targets, spot check… (admins: Enter to change)"
        case .clearFilter: return "Clear the filter and order by code again"
        case .nextArchiveView: return "Next archive view (partners, VIP, key, lost, pool…)"
        case .previousArchiveView: return "Previous archive view"
        case .claim: return "Claim the selected customer from the pool"
        case .assign: return "Give the customer to a salesperson, or back to the pool (supervisors)"
        case .poolPreview: return "What drops to the pool tomorrow, and why"
        case .comment: return "Write a comment and sign it"
        case .needsGuidance: return "Flag for guidance at the evening meeting"
        case .markDoubtful: return "Mark a follow-up or a defeat as doubtful for the meeting (again to clear)"
        case .approve: return "Approve the defeat application"
        case .returnDefeat: return "Return the defeat application (with a reason)"
        case .nextField: return "Next field (Enter on the last field saves)"
        case .nextOrSave: return "Next field; saves on the last one"
        case .previousField: return "Previous field"
        case .save: return "Save the form"
        case .cancel: return "Cancel (asks first when something was typed)"
        case .cursorLeft: return "Cursor left / previous option"
        case .cursorRight: return "Cursor right / next option"
        case .lineStart: return "To the start of the line"
        case .lineEnd: return "To the end of the line"
        case .deleteBackward: return "Delete the character before the cursor"
        case .deleteForward: return "Delete the character at the cursor"
        case .killLine: return "Delete to the end of the line"
        case .editExternally: return "Edit long text in $EDITOR"
        case .confirm: return "Yes"
        case .decline: return "No"
        }
    }

    static func english(_ v: KeyContext) -> String {
        switch v {
        case .global: return "Global"
        case .list: return "Customer list"
        case .card: return "Customer card"
        case .timeline: return "Visits"
        case .help: return "Help"
        case .form: return "Form"
        case .prompt: return "Question"
        case .evening: return "Evening check"
        case .search: return "Search"
        }
    }
}
