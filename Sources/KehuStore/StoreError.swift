import KehuCore

/// Why a database could not be used. Each case names the file, so the message a user
/// reads says what and where, and each maps to its own exit code.
public enum StoreError: Error, Equatable, Sendable {
    /// The file exists but is not SQLite, or is SQLite made by something other than kehu.
    case notAKehuDatabase(path: String, detail: String)
    /// The file was migrated by a newer kehu than this binary.
    case newerSchema(path: String, unknownMigrations: [String])
    /// Another process holds the database and did not let go in time.
    case locked(path: String)
    /// SQLite reports the file as damaged.
    case damaged(path: String, detail: String)
    /// The folder or file cannot be created or opened (permissions, missing disk).
    case cannotOpen(path: String, detail: String)
    /// The disk holding the file is full: the change was rolled back whole.
    case diskFull(path: String)
    /// The file (or its folder) may be read but not written by this user.
    case readOnly(path: String)
    /// Someone else changed the same fields since this copy was read.
    case conflict(table: String, rowID: Int64, fields: [FieldConflict])
    /// The row is gone (deleted or never existed).
    case notFound(table: String, rowID: Int64)
    /// The record breaks a rule of the domain; nothing was written.
    case invalid([ValidationError])
    /// A company rule says no (the claim limit, a former owner's cooldown, a role).
    case refused(Refusal)
    /// The login the kernel names is not a user of this database (or is set inactive).
    case unknownUser(login: String, path: String)
    /// A company setting that does not exist, or a value it cannot take; nothing was written.
    case badSetting(key: String, problem: CompanySettingProblem)
}

/// Why a rule refused an action, so the user can be told exactly.
public enum Refusal: Equatable, Sendable {
    case claimLimit(Int)
    case cooldown(until: LocalDate)
    case notInPool
    case roleMayNot
    /// Whoever recorded a contract does not sign it too.
    case ownContract
    /// Goods ship and money is booked only on an approved contract.
    case contractNotApproved
    /// A customer cannot be merged into itself.
    case sameCustomer
}

/// One field two people changed at once: what this user wanted and what is stored now.
public struct FieldConflict: Equatable, Sendable {
    public let column: String
    public let mine: String
    public let theirs: String
}
