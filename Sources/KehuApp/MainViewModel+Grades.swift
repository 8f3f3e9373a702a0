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
                let proposal = try store.proposeGrade(customerID: id, scores: scores, potential: f.isPotential, image: f.isImage, proposerID: me,
                                                      sheet: f.sheet, from: f.customer.grade, by: actor)
                closeForm()
                try refreshAfterSave(showing: id)
                show(proposal.state == .approved ? strings.gradeChanged(to: strings.label(proposal.to))
                                                 : strings.gradeProposed(to: strings.label(proposal.to), waitingFor: proposal.chain.map { strings.label($0) }),
                     kind: .info)
            } catch {
                show(strings.screenMessage(error), kind: .error)
            }
        }
    }

    func sendApprovals(_ action: ApprovalsAction) {
        run(ApprovalsRoom.reduce(&approvalsRoom, action))
    }

    /// The contracts, then the grade proposals, waiting for the viewer's signature.
    func approvalsWaiting() throws -> [ApprovalItem] {
        guard let user = profile?.user else { return [] }
        return try store.pendingContracts(for: user).map(ApprovalItem.contract)
            + store.pendingGradeProposals(for: user.role).map(ApprovalItem.grade)
    }

    func reloadApprovals() throws {
        sendApprovals(.loaded(try approvalsWaiting()))
    }

    public var selectedApproval: ApprovalItem? { approvalsRoom.selected }

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
    /// The card pane's title over a grade proposal or a contract: the customer and its code.
    public var selectedApprovalHeading: (title: String, note: String)? {
        switch selectedApproval {
        case .grade(let p)?: return ("\(strings[.gradeTitle]) · \(p.customerName)", p.customerCode)
        case .contract(let c)?: return ("\(strings.contractTitle) · \(c.customerName)", c.customerCode)
        case nil: return nil
        }
    }

    public func selectedApprovalLines(width: Int) -> [StyledLine] {
        switch selectedApproval {
        case .grade(let p)?: return GradePresenter.lines(p, width: width, strings: strings)
        case .contract(let c)?: return ContractPresenter.lines(c, width: width, strings: strings)
        case nil: return []
        }
    }
}
