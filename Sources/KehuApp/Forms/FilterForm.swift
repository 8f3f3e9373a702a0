import KehuCore
import KehuStore

/// `f`: narrows the customer list — grade, status, owner, intent level, overdue, source,
/// province, city, team — and chooses its order. Every field starts at what is in force.
public struct FilterForm: EditableForm, Sendable {
    public var fields: [FormField]
    public var focus = 0
    let owners: [User]
    let teams: [Team]

    static let grades: [CustomerGrade] = [.vip, .key, .general, .potentialVIP, .potentialKey, .image]
    static let statuses: [CustomerStatus] = [.cooperating, .potential, .lost, .invalid]
    static let levels: [IntentLevel] = [.h, .a, .b, .c]

    public init(filter: CustomerFilter, order: CustomerListOrder, owners: [User], teams: [Team], strings s: Strings) {
        self.owners = owners
        self.teams = teams
        let any = s[.filterAny]
        func choice<T: Equatable>(_ name: FormField.Name, _ values: [T], _ current: T?, _ label: (T) -> String) -> FormField {
            FormField(name, options: [any] + values.map(label), selected: current.flatMap { values.firstIndex(of: $0) }.map { $0 + 1 } ?? 0)
        }
        fields = [
            choice(.filterGrade, Self.grades, filter.grade) { s.label($0) },
            choice(.filterStatus, Self.statuses, filter.status) { s.label($0) },
            choice(.filterOwner, owners.compactMap(\.id), filter.ownerID) { id in owners.first { $0.id == id }?.displayName ?? "" },
            choice(.filterLevel, Self.levels, filter.level) { $0.rawValue },
            FormField(.filterOverdue, options: [any, s[.filterOverdueOnly]], selected: filter.overdueOnly ? 1 : 0),
            choice(.filterSource, CustomerSource.allCases, filter.source) { s.label($0) },
            FormField(.filterProvince, text: filter.province),
            FormField(.filterCity, text: filter.city),
            choice(.filterTeam, teams.compactMap(\.id), filter.teamID) { id in teams.first { $0.id == id }?.name ?? "" },
            FormField(.sortOrder, options: CustomerListOrder.allCases.map { s.label($0) },
                      selected: CustomerListOrder.allCases.firstIndex(of: order) ?? 0),
        ]
        for index in fields.indices {
            if case .text(var input) = fields[index].kind { input.keepAsValue(); fields[index].kind = .text(input) }
        }
    }

    public mutating func fieldChanged(_ name: FormField.Name) {}

    public func build() -> FormOutcome<(CustomerFilter, CustomerListOrder)> {
        func picked<T>(_ name: FormField.Name, _ values: [T]) -> T? {
            guard let index = field(name)?.selected, index > 0, index - 1 < values.count else { return nil }
            return values[index - 1]
        }
        var filter = CustomerFilter()
        filter.grade = picked(.filterGrade, Self.grades)
        filter.status = picked(.filterStatus, Self.statuses)
        filter.ownerID = picked(.filterOwner, owners.compactMap(\.id))
        filter.level = picked(.filterLevel, Self.levels)
        filter.overdueOnly = field(.filterOverdue)?.selected == 1
        filter.source = picked(.filterSource, CustomerSource.allCases)
        filter.province = Normalization.halfWidth(field(.filterProvince)?.text ?? "").trimmingWhitespace()
        let city = Normalization.halfWidth(field(.filterCity)?.text ?? "").trimmingWhitespace()
        if !city.isEmpty {
            guard let known = CityDirectory.city(named: city) else { return .invalid([.outOfRange(field: .city, value: city)]) }
            filter.city = known.name
        }
        filter.teamID = picked(.filterTeam, teams.compactMap(\.id))
        let order = CustomerListOrder.allCases[field(.sortOrder)?.selected ?? 0]
        return .ready((filter, order))
    }
}
