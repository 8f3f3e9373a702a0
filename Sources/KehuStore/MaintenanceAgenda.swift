import GRDB
import KehuCore

/// One maintenance contact due from one person.
public struct MaintenanceDue: Hashable, Sendable {
    public let customerID: Int64
    public let code: String
    public let name: String
    public let duty: MaintenanceDuty
    public let dueDate: LocalDate
}

extension KehuDatabase {
    /// The company's maintenance months from settings (`maintenance.…`).
    func maintenanceOverrides() throws -> [String: Int] {
        try read { db in
            var result: [String: Int] = [:]
            for row in try StoreRow.fetchAll(db, sql: "SELECT key, value FROM settings WHERE key LIKE 'maintenance.%'") {
                if let months = Int(row["value"] as String) { result[row["key"]] = months }
            }
            return result
        }
    }

    /// Maintenance contacts `user` owes on `today` or before: the owner's calls and visits
    /// to their cooperating customers, the team assistant's calls and technical support,
    /// the managers' visits to VIP and key customers of their region.
    public func maintenanceDue(for user: User, today: LocalDate) throws -> [MaintenanceDue] {
        guard let me = user.id, try knowsOf(userID: me) else { return [] }
        let overrides = try maintenanceOverrides()
        let scope: (sql: String, arguments: SQLArguments)
        switch user.role {
        case .salesperson: scope = ("c.ownerID = ?", [me])
        case .assistant: guard let team = user.teamID else { return [] }; scope = ("c.teamID = ?", [team])
        case .salesManager, .marketingManager: scope = user.region.isEmpty ? ("TRUE", []) : ("c.region = ?", [user.region])
        default: return []
        }
        return try read { db in
            // Read by position from a cursor: a region's managers have tens of thousands.
            var customers: [(id: Int64, code: String, name: String, grade: CustomerGrade, start: LocalDate)] = []
            let rows = try StoreRow.fetchCursor(db, sql: """
                SELECT c.id, c.code, c.name, c.grade, c.createdAt FROM customers c
                WHERE c.status = 'a' AND \(scope.sql)
                """, arguments: scope.arguments)
            while let row = try rows.next() {
                customers.append((row[0], row[1], row[2], CustomerGrade(rawValue: row[3]) ?? .general,
                                  LocalDate(column: row[4] as String?) ?? today))
            }
            // The last contact per customer for each duty, from the people's last contacts
            // (kept by triggers, see LastContacts) with these customers: one seek per
            // customer and person (CROSS JOIN keeps that order: the other way round reads
            // all of a person's contacts), read by position from a cursor.
            let kindsByMethod = Dictionary(uniqueKeysWithValues: ContactMethod.allCases.map { method in
                (method.rawValue, [MaintenanceDuty.Kind.phone, .onSite, .techSupport].filter { $0.methods.contains(method) })
            })
            var lastByDuty: [MaintenanceDuty.Holder: [MaintenanceKey: LocalDate]] = [:]
            for holder in MaintenanceDuty.Holder.allCases {
                guard holder.role == user.role else { continue }
                let handlers = holder == .owner ? [me]
                    : try Int64.fetchAll(db, sql: "SELECT id FROM users WHERE role = ?", arguments: [holder.role.rawValue])
                // Each kind of contact takes the latest of the methods that count for it.
                var last: [MaintenanceKey: LocalDate] = [:]
                last.reserveCapacity(customers.count * 2)
                func collect(_ join: String, _ arguments: SQLArguments) throws {
                    let rows = try StoreRow.fetchCursor(db, sql: """
                        SELECT l.customerID, l.method, l.lastAt FROM customers c
                        CROSS JOIN lastContacts l ON \(join) AND l.customerID = c.id
                        WHERE c.status = 'a' AND \(scope.sql)
                        """, arguments: arguments + scope.arguments)
                    while let row = try rows.next() {
                        guard let kinds = kindsByMethod[row[1] as String], !kinds.isEmpty else { continue }
                        let customerID: Int64 = row[0]
                        // The day of the contact (its time does not matter to a due date).
                        guard let date = LocalDate(column: row[2] as String?) else { continue }
                        for kind in kinds {
                            let key = Self.maintenanceKey(customerID, kind)
                            if last[key].map({ $0 < date }) ?? true { last[key] = date }
                        }
                    }
                }
                if !handlers.isEmpty {
                    try collect("l.handlerID IN (\(handlers.map { _ in "?" }.joined(separator: ",")))", SQLArguments(handlers))
                }
                // The company owes the technical support, not one person: the owner's own
                // 技术支持 visit counts too (000 §7.1.3).
                if holder.countsOwnersContacts {
                    try collect("l.handlerID = c.ownerID AND l.method = ?", [ContactMethod.techSupport.rawValue])
                }
                lastByDuty[holder] = last
            }
            var dutiesByGrade: [CustomerGrade: [MaintenanceDuty]] = [:]
            var due: [MaintenanceDue] = []
            for customer in customers {
                let grade = customer.grade
                let duties = dutiesByGrade[grade] ?? {
                    let duties = MaintenancePlan.duties(for: grade, role: user.role, months: overrides)
                    dutiesByGrade[grade] = duties
                    return duties
                }()
                guard !duties.isEmpty else { continue }
                for duty in duties {
                    let lastDate = lastByDuty[duty.holder]?[Self.maintenanceKey(customer.id, duty.kind)]
                    let date = duty.dueDate(lastSatisfying: lastDate, since: customer.start)
                    if date <= today {
                        due.append(MaintenanceDue(customerID: customer.id, code: customer.code, name: customer.name, duty: duty, dueDate: date))
                    }
                }
            }
            return due
        }
    }

    /// A customer and a kind of contact.
    struct MaintenanceKey: Hashable { let customerID: Int64; let kind: MaintenanceDuty.Kind }
    static func maintenanceKey(_ customerID: Int64, _ kind: MaintenanceDuty.Kind) -> MaintenanceKey {
        MaintenanceKey(customerID: customerID, kind: kind)
    }
}
