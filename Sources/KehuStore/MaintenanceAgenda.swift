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
            for row in try Row.fetchAll(db, sql: "SELECT key, value FROM settings WHERE key LIKE 'maintenance.%'") {
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
        let scope: (sql: String, arguments: StatementArguments)
        switch user.role {
        case .salesperson: scope = ("c.ownerID = ?", [me])
        case .assistant: guard let team = user.teamID else { return [] }; scope = ("c.teamID = ?", [team])
        case .salesManager, .marketingManager: scope = user.region.isEmpty ? ("1", []) : ("c.region = ?", [user.region])
        default: return []
        }
        return try read { db in
            let customers = try Row.fetchAll(db, sql: """
                SELECT c.id, c.code, c.name, c.grade, c.createdAt FROM customers c
                WHERE c.status = 'a' AND \(scope.sql)
                """, arguments: scope.arguments)
            // The last contact per customer for each duty, from one grouped query over the
            // covering index of the people whose contacts count — not one query per customer.
            var lastByDuty: [MaintenanceDuty.Holder: [MaintenanceKey: String]] = [:]
            for holder in MaintenanceDuty.Holder.allCases {
                guard holder.role == user.role else { continue }
                let handlers = holder == .owner ? [me]
                    : try Int64.fetchAll(db, sql: "SELECT id FROM users WHERE role = ?", arguments: [holder.role.rawValue])
                guard !handlers.isEmpty else { lastByDuty[holder] = [:]; continue }
                // One scan of these people's contacts, last per customer and method; each kind
                // of contact then takes the latest of the methods that count for it.
                var last: [MaintenanceKey: String] = [:]
                let marks = handlers.map { _ in "?" }.joined(separator: ",")
                for row in try Row.fetchAll(db, sql: """
                    SELECT customerID, method, MAX(occurredAt) AS last FROM activities INDEXED BY activities_handler
                    WHERE handlerID IN (\(marks)) GROUP BY customerID, method
                    """, arguments: StatementArguments(handlers)) {
                    guard let method = ContactMethod(rawValue: row["method"]) else { continue }
                    let date: String = row["last"]
                    for kind in [MaintenanceDuty.Kind.phone, .onSite, .techSupport] where kind.methods.contains(method) {
                        let key = Self.maintenanceKey(row["customerID"], kind)
                        if last[key].map({ $0 < date }) ?? true { last[key] = date }
                    }
                }
                lastByDuty[holder] = last
            }
            var due: [MaintenanceDue] = []
            for row in customers {
                let grade = CustomerGrade(rawValue: row["grade"]) ?? .general
                let duties = MaintenancePlan.duties(for: grade, role: user.role, months: overrides)
                guard !duties.isEmpty else { continue }
                let id: Int64 = row["id"]
                let start = LocalDate(column: (row["createdAt"] as String?).map { String($0.prefix(10)) }) ?? today
                for duty in duties {
                    let lastDate = LocalDate(column: lastByDuty[duty.holder]?[Self.maintenanceKey(id, duty.kind)].map { String($0.prefix(10)) })
                    let date = duty.dueDate(lastSatisfying: lastDate, since: start)
                    if date <= today {
                        due.append(MaintenanceDue(customerID: id, code: row["code"], name: row["name"], duty: duty, dueDate: date))
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
