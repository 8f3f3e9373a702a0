import KehuCore

// English translation.
extension Strings {
    static func english(_ key: StringKey) -> String {
        switch key {
        case .viewAllCustomers: return "All customers"
        case .paneCustomers: return "Customers"
        case .paneTimeline: return "Visits"
        case .paneCard: return "Customer"
        case .customersWord: return "Cust."
        case .noCustomers: return "No customers yet"
        case .noCustomersHint: return "kehu demo creates demo data"
        case .noActivities: return "No visits yet"
        case .noSelection: return "No customer selected"
        case .loadingFailed: return "Could not read"
        case .unregisteredRole: return "unregistered"
        case .code: return "Code"
        case .type: return "Type"
        case .grade: return "Grade"
        case .status: return "Status"
        case .source: return "Source"
        case .address: return "Addr"
        case .postalCode: return "Post"
        case .phone: return "Tel"
        case .fax: return "Fax"
        case .website: return "Web"
        case .email: return "Email"
        case .industry: return "Trade"
        case .legalRepresentative: return "Legal rep"
        case .registeredCapital: return "Capital"
        case .mainProducts: return "Products"
        case .businessCondition: return "Business"
        case .yearsInBusiness: return "Years"
        case .creditLevel: return "Credit"
        case .supplierStructure: return "Suppliers"
        case .provinceCity: return "Place"
        case .owner: return "Owner"
        case .team: return "Team"
        case .region: return "Region"
        case .lastOrder: return "Last order"
        case .created: return "Created"
        case .updated: return "Updated"
        case .notes: return "Notes"
        case .contacts: return "Contacts"
        case .decisionMaker: return "★decides"
        case .intentCard: return "Card"
        case .developmentRecord: return "Dev. no."
        case .noOwnerPool: return "pool"
        case .budget: return "budget"
        case .compared: return "vs"
        case .nextVisit: return "next"
        case .cardClosed: return "closed"
        case .supervisorComment: return "Supervisor"
        case .bottleneck: return "Block"
        case .impression: return "Mood"
        case .withContact: return "with"
        case .tenThousandYuan: return "0k CNY"
        case .years: return "y"
        case .helpTitle: return "Help"
        case .helpGlobal: return "Anywhere"
        case .helpFooter: return "Keys come from the active keymap"
        case .tooSmallHint: return "Enlarge the window, or press q to quit"
        case .keymapFallback: return "using the default keymap"
        case .themeFallback: return "using the default theme"
        case .viewToday: return "Today"
        case .paneToday: return "Due today"
        case .dueToday: return "today"
        case .followUpDue: return "follow up"
        case .callBackDue: return "call back"
        case .birthdayDue: return "birthday · greet"
        case .greetings: return "holiday greetings"
        case .nothingDue: return "Nothing due today"
        case .noCustomerSelected: return "Select a customer first"
        case .followUpTitle: return "Log follow-up"
        case .leadTitle: return "New lead (walk-in / call-in)"
        case .newContactOption: return "New contact…"
        case .noOpenCard: return "no open card"
        case .formInvalid: return "Fix these before saving"
        case .discardQuestion: return "Discard what you typed?"
        case .discardYes: return "y discard"
        case .discardNo: return "n keep editing"
        case .duplicatesTitle: return "This may be an existing customer"
        case .duplicatesOpen: return "Enter open existing"
        case .duplicatesCreate: return "n create anyway"
        case .duplicatesBack: return "Esc back"
        case .duplicateOthers: return "a colleague's customer"
        case .draftQuestion: return "An unsaved draft is waiting"
        case .draftRestore: return "Enter restore"
        case .draftDiscard: return "n discard"
        case .draftLater: return "Esc later"
        case .draftFollowUp: return "follow-up"
        case .draftLead: return "new lead"
        case .editorFailed: return "The editor did not run"
        case .customerFormTitle: return "Edit customer"
        case .contactFormTitle: return "Contacts"
        case .closeCardTitle: return "Close the intent card"
        case .defeatApplication: return "defeat"
        case .historyTitle: return "History"
        case .historyEmpty: return "No changes recorded yet"
        case .savedCustomer: return "Customer saved"
        case .savedContact: return "Contact saved"
        case .nothingChanged: return "Nothing changed"
        case .dealSaved: return "Deal recorded: the order is on the customer, now cooperating"
        case .defeatApplied: return "Defeat application sent to the supervisor"
        case .noCardToClose: return "This customer has no open intent card"
        case .viewEvening: return "Evening"
        case .paneEvening: return "Today's follow-ups by salesperson"
        case .overdueCards: return "Overdue cards"
        case .defeatApplications: return "Defeat applications"
        case .carriedOver: return "carried"
        case .checked: return "checked"
        case .needsGuidanceMark: return "guide"
        case .commentTitle: return "Comment"
        case .returnTitle: return "Return the defeat application"
        case .commentSigned: return "Comment signed"
        case .defeatApproved: return "Defeat approved"
        case .defeatReturned: return "Defeat application returned"
        case .nothingToCheck: return "Nothing to check today"
        case .levelLabel: return "Level"
        case .contentLabel: return "Said"
        case .reasonLabel: return "Reason"
        case .newCommentMark: return "new comment"
        case .thisTime: return "this visit"
        case .viewSpotCheck: return "Spot check"
        case .paneSpotCheck: return "This week's sample"
        case .managerReview: return "Manager"
        case .reviewTitle: return "Spot-check review"
        case .reviewSigned: return "Review signed"
        case .gradeTitle: return "Grade review"
        case .viewApprovals: return "Approvals"
        case .paneApprovals: return "Waiting for me"
        case .nothingToApprove: return "Nothing waits for your approval"
        case .gradeApproved: return "Approved"
        case .gradeRejected: return "Rejected"
        case .rejectTitle: return "Reject the grade review"
        case .scoreTotal: return "Score"
        case .approversLabel: return "Approvers"
        case .noApprovalNeeded: return "no approval needed"
        }
    }

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
        case .date: return "Date"
        case .city: return "City"
        case .dealProduct: return "Product bought"
        case .dealAmount: return "Amount"
        case .dealDate: return "Deal date"
        case .defeatReason: return "Reason"
        case .defeatPrice: return "Price chosen"
        case .yearsInBusiness: return "Years in business"
        case .contactBirthday: return "Birthday"
        case .supervisorComment: return "Comment"
        case .defeatDecision: return "Reason for returning"
        case .gradeDecision: return "Reason for rejecting"
        case .gradeScore: return "Score"
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
        case .nextArchiveView, .previousArchiveView: return "archive view"
        case .comment: return "comment"
        case .needsGuidance: return "guidance"
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
        case .close: return "Close help"
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
        case .nextArchiveView: return "Next archive view (partners, VIP, key, lost, pool…)"
        case .previousArchiveView: return "Previous archive view"
        case .comment: return "Write a comment and sign it"
        case .needsGuidance: return "Flag for guidance at the evening meeting"
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
        }
    }
}
