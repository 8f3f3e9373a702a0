import GRDB
import KehuCore

extension KehuDatabase {
    /// A customer moved to another city (档案调整): the province and city change, the code
    /// takes the new place and a new serial there (serials are counted per place), and the
    /// former code is kept so it still finds the customer. Without a team, the sales region
    /// follows the map. Everyone who may edit the customer; every field is audited.
    /// - Returns: the new code.
    @discardableResult
    public func move(customerID: Int64, toCity raw: String, by actor: Actor) throws -> String {
        guard let city = CityDirectory.city(named: raw) else {
            throw StoreError.invalid([raw.trimmingWhitespace().isEmpty ? .required(field: .city) : .outOfRange(field: .city, value: raw)])
        }
        let now = actor.clock.now
        return try write { db in
            try requireVisible(db, customerID: customerID)
            guard let row = try StoreRow.fetchOne(db, sql: "SELECT * FROM customers WHERE id = ?", arguments: [customerID]) else {
                throw StoreError.notFound(table: "customers", rowID: customerID)
            }
            let customer = Customer(row: row)
            // The same place again keeps the code as it is.
            if customer.province == city.province, customer.city == city.name { return customer.code }
            let serial = try CodeSerials.take(db, prefix: CustomerCode.cityPrefix(city))
            var moved = customer
            moved.province = city.province
            moved.city = city.name
            moved.code = CustomerCode.make(grade: customer.grade, status: customer.status, city: city, serial: serial)
            if customer.teamID == nil { moved.region = city.region }
            moved.updatedAt = now
            try RecordWriter.update(db, table: "customers", id: customerID, original: customer.columnValues, edited: moved.columnValues,
                                    actor: actor.login, at: now, ignoring: ["updatedAt"])
            try db.execute(sql: "UPDATE customers SET updatedAt = ? WHERE id = ?", arguments: [now.description, customerID])
            try SearchKeys.refreshCustomer(db, id: customerID)
            return moved.code
        }
    }
}
