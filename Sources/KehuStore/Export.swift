import GRDB
import KehuCore

/// What `kehu export` can write.
public enum ExportKind: String, CaseIterable, Sendable {
    case customers, contacts, activities, cards
}

extension ExportKind {
    /// The intent cards' columns: the paper card whole (001), its register, and how it ended.
    public static let cardColumns = [
        "customerCode", "customerName", "number", "createdOn", "cardSource", "filledBy", "state", "level", "intentScore",
        "personName", "gender", "age", "phone", "occupation", "residence", "bestCallbackTime", "currentProduct", "mainUser",
        "purpose", "situation", "product", "model", "colour", "purchaseType", "focusPoints", "likedPoints", "comparedProducts",
        "budgetYuan", "paymentMethod", "favourable", "unfavourable", "resourcesNeeded", "objections", "companions", "arrivedAt",
        "leftAt", "trialGiven", "callbackPurpose", "nextVisitOn", "nextVisitTime", "closedOn", "closeReason", "chosenProduct",
        "chosenPriceYuan", "competitor"]
}

/// One exported value, typed so a spreadsheet gets real dates and numbers.
public enum ExportValue: Hashable, Sendable {
    case text(String)
    case number(Int)
    case date(LocalDate)
    case dateTime(LocalDateTime)
    case empty
}

/// Rows to export: column keys (labelled by the app in the user's language) and values.
public struct ExportTable: Sendable {
    public let kind: ExportKind
    public let columns: [String]
    public let rows: [[ExportValue]]

    public init(kind: ExportKind, columns: [String], rows: [[ExportValue]]) {
        self.kind = kind; self.columns = columns; self.rows = rows
    }
}

extension KehuDatabase {
    /// Roles that may take archive data out of kehu (company setting `export.roles`,
    /// comma-separated; SPEC: "archive data may not leave the system without the right
    /// role"). Default: admin and the general, sales and marketing managers.
    public func exportRoles() throws -> Set<Role> {
        guard let text = try setting("export.roles") else { return [.admin, .generalManager, .salesManager, .marketingManager] }
        return Set(text.split(separator: ",").compactMap { Role(rawValue: String($0).trimmingWhitespace()) })
    }

    /// Everything of one kind in an archive view that this store's viewer may see, in
    /// code order. Refused for roles the company does not let take data out.
    public func exportTable(_ kind: ExportKind, view: ArchiveView = .all) throws -> ExportTable {
        try require(exportRoles())
        let (condition, arguments) = visible()
        return try read { db in
            func text(_ row: StoreRow, _ column: String) -> ExportValue {
                let value: String? = row[column]
                return value.map { $0.isEmpty ? .empty : .text($0) } ?? .empty
            }
            func number(_ row: StoreRow, _ column: String) -> ExportValue { (row[column] as Int?).map(ExportValue.number) ?? .empty }
            func date(_ row: StoreRow, _ column: String) -> ExportValue { LocalDate(column: row[column]).map(ExportValue.date) ?? .empty }
            func dateTime(_ row: StoreRow, _ column: String) -> ExportValue {
                LocalDateTime(column: row[column]).map(ExportValue.dateTime) ?? .empty
            }
            switch kind {
            case .customers:
                let columns = ["code", "name", "grade", "status", "type", "source", "province", "city", "address", "postalCode", "phone",
                               "fax", "website", "email", "industry", "legalRepresentative", "registeredCapitalWan", "mainProducts",
                               "yearsInBusiness", "businessCondition", "creditLevel", "supplierStructure", "nature", "creditLineYuan",
                               "invalidReason", "owner", "team", "region", "createdAt", "lastOrderOn", "notes"]
                let rows = try StoreRow.fetchAll(db, sql: """
                    SELECT c.*, u.displayName AS owner, t.name AS team FROM customers c
                    LEFT JOIN users u ON u.id = c.ownerID LEFT JOIN teams t ON t.id = c.teamID
                    WHERE \(condition) AND \(view.sql) ORDER BY c.code
                    """, arguments: arguments).map { row -> [ExportValue] in
                    columns.map { column in
                        switch column {
                        case "registeredCapitalWan", "yearsInBusiness", "creditLineYuan": return number(row, column)
                        case "createdAt": return dateTime(row, column)
                        case "lastOrderOn": return date(row, column)
                        default: return text(row, column)
                        }
                    }
                }
                return ExportTable(kind: kind, columns: columns, rows: rows)
            case .contacts:
                let columns = ["customerCode", "customerName", "name", "department", "position", "mobile", "phone", "email", "gender",
                               "birthday", "isDecisionMaker", "notes"]
                let rows = try StoreRow.fetchAll(db, sql: """
                    SELECT k.*, c.code AS customerCode, c.name AS customerName FROM contacts k JOIN customers c ON c.id = k.customerID
                    WHERE \(condition) AND \(view.sql) ORDER BY c.code, k.id
                    """, arguments: arguments).map { row -> [ExportValue] in
                    columns.map { column in
                        switch column {
                        case "birthday":
                            // Without its year: `--06-01`, which import reads back.
                            guard let day = LocalDate(column: row[column]) else { return .empty }
                            return day.isYearUnknown ? .text(day.birthdayText) : .date(day)
                        case "isDecisionMaker": return (row[column] as Bool? ?? false) ? .text("yes") : .empty
                        default: return text(row, column)
                        }
                    }
                }
                return ExportTable(kind: kind, columns: columns, rows: rows)
            case .activities:
                let columns = ["customerCode", "customerName", "visitNumber", "method", "occurredAt", "handler", "contact", "content",
                               "levelJudged", "impression", "bottleneckPlan", "nextVisitOn", "supervisorComment", "commentSigner", "commentAt",
                               "cardNumber"]
                let rows = try StoreRow.fetchAll(db, sql: """
                    SELECT a.*, c.code AS customerCode, c.name AS customerName, u.displayName AS handler, k.name AS contact,
                           s.displayName AS commentSigner, n.number AS cardNumber
                    FROM activities a JOIN customers c ON c.id = a.customerID JOIN users u ON u.id = a.handlerID
                    LEFT JOIN contacts k ON k.id = a.contactID LEFT JOIN users s ON s.id = a.commentSignerID
                    LEFT JOIN intentCards n ON n.id = a.cardID
                    WHERE \(condition) AND \(view.sql) ORDER BY c.code, a.occurredAt, a.id
                    """, arguments: arguments).map { row -> [ExportValue] in
                    columns.map { column in
                        switch column {
                        case "visitNumber": return number(row, column)
                        case "occurredAt", "commentAt": return dateTime(row, column)
                        case "nextVisitOn": return date(row, column)
                        default: return text(row, column)
                        }
                    }
                }
                return ExportTable(kind: kind, columns: columns, rows: rows)
            case .cards:
                let columns = ExportKind.cardColumns
                let rows = try StoreRow.fetchAll(db, sql: """
                    SELECT k.*, k.source AS cardSource, c.code AS customerCode, c.name AS customerName, u.displayName AS filledBy
                    FROM intentCards k JOIN customers c ON c.id = k.customerID JOIN users u ON u.id = k.filledByID
                    WHERE \(condition) AND \(view.sql) ORDER BY c.code, k.createdOn, k.id
                    """, arguments: arguments).map { row -> [ExportValue] in
                    columns.map { column in
                        switch column {
                        case "age", "intentScore", "budgetYuan", "companions", "chosenPriceYuan": return number(row, column)
                        case "createdOn", "nextVisitOn", "closedOn": return date(row, column)
                        case "trialGiven": return (row[column] as Bool? ?? false) ? .text("yes") : .empty
                        default: return text(row, column)
                        }
                    }
                }
                return ExportTable(kind: kind, columns: columns, rows: rows)
            }
        }
    }
}
