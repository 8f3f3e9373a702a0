import GRDB
import KehuCore

/// What registering a lead created.
public struct CreatedLead: Hashable, Sendable {
    public let customerID: Int64
    public let cardID: Int64
    public let code: String
}

/// What registering a lead came to: a new customer, or customers already there with the
/// same phone or name (a colleague may have registered the same walk-in a moment ago).
public enum Registration: Hashable, Sendable {
    case created(CreatedLead)
    case duplicates([DuplicateMatch])
}

extension KehuDatabase {
    /// Registers a lead unless a customer with the same normalised phone or name is there
    /// already — checked inside the same write transaction as the insert, taken at once
    /// (IMMEDIATE), so two people registering the same walk-in at the same moment make
    /// one customer: the second is told of the first.
    public func registerUnlessDuplicate(_ lead: Lead, ownerID: Int64, teamID: Int64?, cadence: FollowUpCadence,
                                        by actor: Actor) throws -> Registration {
        let city = try validatedCity(lead)
        var outcome = Registration.duplicates([])
        try writeAlone { db in
            try db.inTransaction(immediate: true) {
                let matches = try duplicates(db, phone: lead.phone, name: lead.name)
                if !matches.isEmpty {
                    outcome = .duplicates(matches)
                    return .rollback
                }
                outcome = .created(try insert(lead, city: city, ownerID: ownerID, teamID: teamID, cadence: cadence, db: db, actor: actor))
                return .commit
            }
        }
        return outcome
    }

    private func validatedCity(_ lead: Lead) throws -> CityDirectory.City {
        var problems = lead.validate()
        let city = CityDirectory.city(named: lead.city)
        if city == nil { problems.append(.outOfRange(field: .city, value: lead.city)) }
        guard problems.isEmpty, let city else { throw StoreError.invalid(problems) }
        return city
    }

    /// 来店/来电登记 in one transaction: a potential customer owned by `ownerID` with its
    /// code, a contact for the person, and an open intent card due by the level's cadence.
    /// - Throws: `StoreError.invalid` for a bad lead or a city kehu does not know.
    public func register(_ lead: Lead, ownerID: Int64, teamID: Int64?, cadence: FollowUpCadence, by actor: Actor) throws -> CreatedLead {
        let city = try validatedCity(lead)
        return try write { db in
            try insert(lead, city: city, ownerID: ownerID, teamID: teamID, cadence: cadence, db: db, actor: actor)
        }
    }

    private func insert(_ lead: Lead, city: CityDirectory.City, ownerID: Int64, teamID: Int64?, cadence: FollowUpCadence,
                        db: StoreConnection, actor: Actor) throws -> CreatedLead {
        let now = actor.clock.now
        let phone = PhoneNumber(lead.phone)!
        do {
            let serial = try CodeSerials.take(db, prefix: CustomerCode.cityPrefix(city))
            let code = CustomerCode.make(grade: .general, status: .potential, city: city, serial: serial)
            var customer = Customer(code: code, name: lead.name.trimmingWhitespace(), createdAt: now)
            customer.phone = phone.description
            customer.source = lead.source.customerSource
            customer.status = .potential
            customer.grade = .general
            customer.province = city.province
            customer.city = city.name
            // The company's sales region is its team's; without a team, the map's.
            let teamRegion = try teamID.flatMap { try String.fetchOne(db, sql: "SELECT region FROM teams WHERE id = ?", arguments: [$0]) }
            customer.region = teamRegion.flatMap { $0.isEmpty ? nil : $0 } ?? city.region
            customer.ownerID = ownerID
            customer.teamID = teamID
            customer.notes = lead.note.trimmingWhitespace()
            let customerID = try RecordWriter.insert(db, table: "customers", values: customer.columnValues, actor: actor.login, at: now)
            try SearchKeys.refreshCustomer(db, id: customerID)

            var contact = Contact(customerID: customerID, name: customer.name)
            if phone.isMainlandMobile { contact.mobile = phone.description } else { contact.phone = phone.description }
            let contactID = try RecordWriter.insert(db, table: "contacts", values: contact.columnValues, actor: actor.login, at: now)
            try SearchKeys.refreshContact(db, id: contactID)

            let cardCount = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM intentCards WHERE createdOn LIKE ?",
                                             arguments: ["\(now.date.description.prefix(7))%"]) ?? 0
            var card = IntentCard(customerID: customerID,
                                  number: "YX\(now.date.description.prefix(7).replacingOccurrences(of: "-", with: ""))-\(customerID)-\(cardCount + 1)",
                                  createdOn: now.date, source: lead.source, filledByID: ownerID,
                                  personName: customer.name, level: lead.level)
            card.phone = phone.description
            card.product = lead.product.trimmingWhitespace()
            card.register = lead.register
            card.register.callbackPurpose = lead.register.callbackPurpose.trimmingWhitespace()
            card.nextVisitOn = cadence.nextVisit(after: now.date, level: lead.level)
            let cardID = try RecordWriter.insert(db, table: "intentCards", values: card.columnValues, actor: actor.login, at: now)
            try SearchKeys.refreshCard(db, id: cardID)
            return CreatedLead(customerID: customerID, cardID: cardID, code: code)
        }
    }

    /// The city of the user's most recent customer: a good guess for the next walk-in.
    public func usualCity(ownerID: Int64) throws -> String? {
        let (visibleSQL, visibleArguments) = visible()
        return try read { db in
            try String.fetchOne(db, sql: "SELECT c.city FROM customers c WHERE c.ownerID = ? AND c.city != '' AND \(visibleSQL) ORDER BY c.id DESC LIMIT 1",
                                arguments: [ownerID] + visibleArguments)
        }
    }
}

extension LeadSource {
    /// How the archive files a lead's source.
    var customerSource: CustomerSource {
        switch self {
        case .walkIn: return .walkIn
        case .callIn: return .phoneSales
        case .internet: return .internet
        case .referral: return .referral
        case .exhibition: return .exhibition
        case .outbound: return .onSiteVisit
        case .other: return .other
        }
    }
}
