import GRDB
import KehuCore

/// A proposed grade change and where it stands in its approval chain.
public struct GradeProposal: Hashable, Sendable {
    public enum State: String, Sendable { case pending, approved, rejected }
    public struct Decision: Hashable, Sendable {
        public let role: Role
        public let approverName: String
        public let approved: Bool
        public let at: LocalDateTime
        public let note: String
    }

    public let id: Int64
    public let customerID: Int64
    public let customerCode: String
    public let customerName: String
    public let from: CustomerGrade
    public let to: CustomerGrade
    public let score: Int
    /// "criterion:score" pairs as proposed.
    public let scoreSheet: String
    public let proposerName: String
    public let proposedAt: LocalDateTime
    public let state: State
    public let decisions: [Decision]
    /// For a downgrade kehu proposed: the months below standard ("2026-05..2026-10").
    public var belowStandardMonths: String = ""

    public var isDowngradeForMonthsBelowStandard: Bool { !belowStandardMonths.isEmpty }

    /// Who must approve, in order.
    public var chain: [Role] { GradeReview.approvers(from: from, to: to) }

    /// The role whose approval is awaited, or nil when the chain is done.
    public var nextRole: Role? {
        guard state == .pending else { return nil }
        return chain.first { role in !decisions.contains { $0.role == role && $0.approved } }
    }
}

extension KehuDatabase {
    /// Files a grade review: the score gives the grade; without approvers (general) the
    /// grade changes at once, else the proposal waits for its chain. Returns the proposal.
    @discardableResult
    /// `seen` is the grade the proposer scored from (nil: not checked); a grade changed by a
    /// colleague's review meanwhile is a conflict, for the proposer to score again.
    public func proposeGrade(customerID: Int64, scores: [(String, Int)], potential: Bool, image: Bool = false, proposerID: Int64,
                             sheet: ScoreSheet, from seen: CustomerGrade? = nil, by actor: Actor) throws -> GradeProposal {
        let score = sheet.total(scores.map(\.1))
        let target = GradeReview.grade(forScore: score, potential: potential, image: image)
        let now = actor.clock.now
        let id: Int64 = try write { db in
            guard let row = try StoreRow.fetchOne(db, sql: "SELECT * FROM customers WHERE id = ?", arguments: [customerID]) else {
                throw StoreError.notFound(table: "customers", rowID: customerID)
            }
            try requireVisible(db, customerID: customerID)
            let customer = Customer(row: row)
            if let seen, seen != customer.grade {
                throw StoreError.conflict(table: "customers", rowID: customerID,
                                          fields: [FieldConflict(column: "grade", mine: target.rawValue, theirs: customer.grade.rawValue)])
            }
            let values: ColumnValues = [
                ("customerID", customerID.databaseValue), ("fromGrade", customer.grade.rawValue.databaseValue),
                ("toGrade", target.rawValue.databaseValue), ("score", score.databaseValue),
                ("scoreSheet", scores.map { "\($0.0):\($0.1)" }.joined(separator: ",").databaseValue),
                ("proposerID", proposerID.databaseValue), ("proposedAt", now.description.databaseValue),
                ("state", GradeProposal.State.pending.rawValue.databaseValue)]
            let id = try RecordWriter.insert(db, table: "gradeProposals", values: values, actor: actor.login, at: now)
            if GradeReview.approvers(from: customer.grade, to: target).isEmpty {
                try applyGrade(db, proposalID: id, customer: customer, grade: target, actor: actor)
            }
            return id
        }
        return try gradeProposal(id: id)!
    }

    /// Proposals waiting for `role`'s decision, in the store's visible part of the archive.
    public func pendingGradeProposals(for role: Role) throws -> [GradeProposal] {
        let (condition, arguments) = visible()
        let ids = try read { db in
            try Int64.fetchAll(db, sql: """
                SELECT p.id FROM gradeProposals p JOIN customers c ON c.id = p.customerID
                WHERE p.state = 'pending' AND \(condition) ORDER BY p.proposedAt, p.id
                """, arguments: arguments)
        }
        return try ids.compactMap { try gradeProposal(id: $0) }.filter { $0.nextRole == role }
    }

    public func gradeProposal(id: Int64) throws -> GradeProposal? {
        try read { db in
            guard let row = try StoreRow.fetchOne(db, sql: """
                SELECT p.*, c.code, c.name AS customerName, u.displayName AS proposerName
                FROM gradeProposals p JOIN customers c ON c.id = p.customerID JOIN users u ON u.id = p.proposerID
                WHERE p.id = ?
                """, arguments: [id]), try isVisible(db, customerID: row["customerID"]) else { return nil }
            let decisions = try StoreRow.fetchAll(db, sql: """
                SELECT a.*, u.displayName AS approverName FROM gradeApprovals a JOIN users u ON u.id = a.approverID
                WHERE a.proposalID = ? ORDER BY a.id
                """, arguments: [id]).map {
                GradeProposal.Decision(role: Role(rawValue: $0["role"]) ?? .admin, approverName: $0["approverName"],
                                       approved: ($0["decision"] as String) == "approve",
                                       at: LocalDateTime(column: $0["decidedAt"]) ?? LocalDateTime(date: LocalDate(dayNumber: 0), hour: 0, minute: 0)!,
                                       note: $0["note"])
            }
            var proposal = GradeProposal(id: id, customerID: row["customerID"], customerCode: row["code"], customerName: row["customerName"],
                                 from: CustomerGrade(rawValue: row["fromGrade"]) ?? .general,
                                 to: CustomerGrade(rawValue: row["toGrade"]) ?? .general, score: row["score"],
                                 scoreSheet: row["scoreSheet"], proposerName: row["proposerName"],
                                 proposedAt: LocalDateTime(column: row["proposedAt"]) ?? LocalDateTime(date: LocalDate(dayNumber: 0), hour: 0, minute: 0)!,
                                 state: GradeProposal.State(rawValue: row["state"]) ?? .pending, decisions: decisions)
            proposal.belowStandardMonths = row["reason"]
            return proposal
        }
    }

    /// Records `approver`'s decision as `role`. A rejection ends the proposal (with its
    /// reason); the last approval changes the grade and the code's letter, all audited.
    public func decideGrade(proposalID: Int64, approve: Bool, note: String, approver: User, by actor: Actor) throws {
        guard let proposal = try gradeProposal(id: proposalID) else { throw StoreError.notFound(table: "gradeProposals", rowID: proposalID) }
        guard let role = proposal.nextRole, role == approver.role else {
            // Decided already (by a colleague, or this user in another window)?
            if proposal.state != .pending || proposal.decisions.contains(where: { $0.role == approver.role }) {
                let theirs = proposal.state == .pending ? GradeProposal.State.approved.rawValue : proposal.state.rawValue
                throw StoreError.conflict(table: "gradeProposals", rowID: proposalID,
                                          fields: [FieldConflict(column: "state", mine: approve ? "approved" : "rejected", theirs: theirs)])
            }
            throw StoreError.refused(.roleMayNot)
        }
        if !approve, note.trimmingWhitespace().isEmpty { throw StoreError.invalid([.required(field: .gradeDecision)]) }
        let now = actor.clock.now
        try write { db in
            try requireVisible(db, customerID: proposal.customerID)
            // Read again inside the write: a colleague with the same role may have decided
            // this step between the read above and now.
            let state = try String.fetchOne(db, sql: "SELECT state FROM gradeProposals WHERE id = ?", arguments: [proposalID]) ?? ""
            let decided = try Bool.fetchOne(db, sql: "SELECT EXISTS(SELECT 1 FROM gradeApprovals WHERE proposalID = ? AND role = ?)",
                                            arguments: [proposalID, role.rawValue]) ?? false
            if state != GradeProposal.State.pending.rawValue || decided {
                let theirs = state == GradeProposal.State.pending.rawValue ? "approved" : state
                throw StoreError.conflict(table: "gradeProposals", rowID: proposalID,
                                          fields: [FieldConflict(column: "state", mine: approve ? "approved" : "rejected", theirs: theirs)])
            }
            let decision: ColumnValues = [("proposalID", proposalID.databaseValue), ("role", role.rawValue.databaseValue),
                                          ("approverID", approver.id.databaseValue), ("decision", (approve ? "approve" : "reject").databaseValue),
                                          ("decidedAt", now.description.databaseValue), ("note", note.trimmingWhitespace().databaseValue)]
            _ = try RecordWriter.insert(db, table: "gradeApprovals", values: decision, actor: actor.login, at: now)
            if !approve {
                try setProposalState(db, proposalID, .rejected, note: note, actor: actor)
            } else if proposal.chain.last == role {
                guard let row = try StoreRow.fetchOne(db, sql: "SELECT * FROM customers WHERE id = ?", arguments: [proposal.customerID]) else { return }
                try applyGrade(db, proposalID: proposalID, customer: Customer(row: row), grade: proposal.to, actor: actor)
            }
        }
    }

    private func applyGrade(_ db: StoreConnection, proposalID: Int64, customer: Customer, grade: CustomerGrade, actor: Actor) throws {
        var graded = customer
        graded.grade = grade
        graded.code = grade.recode(customer.code)
        _ = try RecordWriter.update(db, table: "customers", id: customer.id!, original: customer.columnValues, edited: graded.columnValues,
                                    actor: actor.login, at: actor.clock.now, ignoring: ["updatedAt"])
        try setProposalState(db, proposalID, .approved, note: "", actor: actor)
    }

    private func setProposalState(_ db: StoreConnection, _ id: Int64, _ state: GradeProposal.State, note: String, actor: Actor) throws {
        let old = try String.fetchOne(db, sql: "SELECT state FROM gradeProposals WHERE id = ?", arguments: [id])
        try db.execute(sql: "UPDATE gradeProposals SET state = ?, decidedAt = ?, note = ?, revision = revision + 1 WHERE id = ?",
                       arguments: [state.rawValue, actor.clock.now.description, note.trimmingWhitespace(), id])
        try AuditLog.record(db, at: actor.clock.now, actor: actor.login, table: "gradeProposals", rowID: id, field: "state",
                            old: old, new: state.rawValue)
    }
}
