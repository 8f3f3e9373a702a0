import KehuCore
import KehuStore

/// Grade reviews: proposing with the score sheet, and the Approvals view where each
/// approver in the chain decides.
extension MainViewModel {
    /// The company's score sheet (`grade.criteria`), or the standard one.
    func gradeSheet() throws -> ScoreSheet {
        try store.setting("grade.criteria").flatMap(ScoreSheet.init(setting:)) ?? .standard
    }

    func openGradeForm() {
        guard let customer = detail?.customer else { show(strings[.noCustomerSelected], kind: .error); return }
        attempt {
            form = .grade(GradeForm(customer: customer, sheet: try gradeSheet(), strings: strings))
            formProblems = []
        }
    }

    func saveGrade(_ f: GradeForm) {
        switch f.build() {
        case .invalid(let problems): showFormProblems(problems)
        case .ready(let scores):
            guard let me = profile?.user.id, let id = f.customer.id else { return }
            do {
                let proposal = try store.proposeGrade(customerID: id, scores: scores, potential: f.isPotential, proposerID: me,
                                                      sheet: f.sheet, by: actor)
                closeForm()
                try refreshAfterSave(showing: id)
                show(proposal.state == .approved ? strings.gradeChanged(to: strings.label(proposal.to))
                                                 : strings.gradeProposed(to: strings.label(proposal.to), waitingFor: proposal.chain.map { strings.label($0) }),
                     kind: .info)
            } catch {
                show(strings.message(error), kind: .error)
            }
        }
    }

    func reloadApprovals() throws {
        guard let role = profile?.user.role else { approvals = []; return }
        approvals = try store.pendingGradeProposals(for: role)
        approvalSelected = min(approvalSelected, max(0, approvals.count - 1))
    }

    public var selectedApproval: GradeProposal? {
        approvals.indices.contains(approvalSelected) ? approvals[approvalSelected] : nil
    }

    func decideSelectedGrade(approve: Bool) {
        guard let proposal = selectedApproval, let me = profile?.user else { return }
        if approve {
            attempt {
                try store.decideGrade(proposalID: proposal.id, approve: true, note: "", approver: me, by: actor)
                try reloadApprovals()
                try loadSelection()
                show(strings[.gradeApproved], kind: .info)
            }
        } else {
            form = .note(NoteForm(.rejectGrade(proposalID: proposal.id, customerName: proposal.customerName)))
            formProblems = []
        }
    }

    func rejectGrade(proposalID: Int64, reason: String) throws {
        guard let me = profile?.user else { return }
        try store.decideGrade(proposalID: proposalID, approve: false, note: reason, approver: me, by: actor)
        closeForm()
        try reloadApprovals()
        try loadSelection()
        show(strings[.gradeRejected], kind: .info)
    }
}

extension MainViewModel {
    /// The card pane's title over a grade proposal: the customer and its code.
    public var selectedApprovalHeading: (title: String, note: String)? {
        selectedApproval.map { ("\(strings[.gradeTitle]) · \($0.customerName)", $0.customerCode) }
    }

    public func selectedApprovalLines(width: Int) -> [StyledLine] {
        selectedApproval.map { GradePresenter.lines($0, width: width, strings: strings) } ?? []
    }
}
