import GRDB

/// The schema as the demo writer (KehuDemo) and `--version` need it: the migrator, and the v6 list-order
/// keys and the v7 last contacts with their triggers, which it drops while writing a million rows and fills once at
/// the end. Package access through this file, so the landed migrations stay untouched.
package enum StoreSchema {
    package static var migrator: DatabaseMigrator { Migrations.migrator }
    package static var listOrderKeys: String { Migrations.listOrderKeys }
    package static var listOrderTriggerNames: [String] { Migrations.listOrderTriggerNames }
    package static var lastContactKeys: String { LastContacts.keys }
    package static var lastContactTriggerNames: [String] { LastContacts.triggerNames }
    /// The newest migration this binary knows, for `kehu --version`.
    package static var latestMigration: String { Migrations.knownIdentifiers.last ?? "" }
}
