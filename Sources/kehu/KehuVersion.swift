import KehuStore

/// What `kehu --version` prints: the release, and the newest database migration this
/// binary knows (a database written by a newer one is refused with exit 4).
enum KehuVersion {
    static let release = "0.16"
    /// The date on the manual page of this release.
    static let releaseDate = "2026-12-01"
    static var text: String { "kehu \(release) (\(StoreSchema.latestMigration))" }
}
