import ArgumentParser
import Foundation
import KehuApp
import KehuCore
import KehuStore

/// `kehu user add|list|set`: who may use the database, in which role and team. Admins only.
struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: tr("Manage the people who use this database (admins only)."),
        subcommands: [Add.self, List.self, Set.self]
    )

    /// Opens the database for the running login and refuses anyone but an admin.
    /// `checkingStructure`: false for `kehu check`, which looks at the whole file itself and
    /// names each problem, where the day's check would only say that it is damaged.
    static func openAsAdmin(_ common: CommonOptions, checkingStructure: Bool = true) throws -> (KehuDatabase, Actor, Strings) {
        let (strings, _) = common.strings()
        let entrance = try Entrance.open(common, strings: strings, checkingStructure: checkingStructure)
        entrance.tellNotes()
        guard entrance.me.user.role == .admin else {
            throw fail(strings.onlyAdmins(entrance.login.name), code: ExitCodes.notAllowed)
        }
        return (entrance.store, Actor(login: entrance.login.name, clock: runClock()), strings)
    }

    static func role(_ raw: String) throws -> Role {
        guard let role = Role(rawValue: raw) else {
            throw ValidationError(tr("unknown role \"%@\"; one of: %@", raw, Role.allCases.map(\.rawValue).joined(separator: ", ")))
        }
        return role
    }

    static func team(_ name: String?, in store: KehuDatabase) throws -> Int64?? {
        guard let name else { return .none }
        if name.isEmpty || name == "none" { return .some(nil) }
        guard let team = try store.team(named: name) else {
            let known = try store.teams().map(\.name).joined(separator: ", ")
            throw ValidationError(tr("no team named \"%@\"; teams: %@", name, known.isEmpty ? tr("none yet (kehu team add NAME)") : known))
        }
        return .some(team.id)
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: tr("Add a user: their OS login, name, role, team and region."))
        @OptionGroup var common: CommonOptions
        @Argument(help: ArgumentHelp(tr("The operating-system login (as over SSH).")), completion: CompletionValues.logins) var login: String
        @Option(help: ArgumentHelp(tr("Display name, e.g. 张伟."))) var name: String
        @Option(help: ArgumentHelp(tr("salesperson, assistant, supervisor, salesManager, marketingManager, generalManager or admin.")), completion: CompletionValues.roles) var role: String
        @Option(help: ArgumentHelp(tr("Team name."))) var team: String?
        @Option(help: ArgumentHelp(tr("Region, e.g. 华南."))) var region: String = ""

        func run() throws {
            let (store, actor, strings) = try UserCommand.openAsAdmin(common)
            let role = try UserCommand.role(self.role)
            if try store.user(login: login) != nil { throw fail(strings.userExists(login), code: 2) }
            let teamID = try UserCommand.team(team, in: store) ?? nil
            try store.add(User(login: login, displayName: name, role: role, teamID: teamID, region: region), by: actor)
            print(strings.userAdded(login))
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: tr("List users with role, team and region."))
        @OptionGroup var common: CommonOptions

        func run() throws {
            let (store, _, strings) = try UserCommand.openAsAdmin(common)
            let teams = Dictionary(uniqueKeysWithValues: try store.teams().compactMap { t in t.id.map { ($0, t.name) } })
            for user in try store.users() {
                let columns = [user.login, user.displayName, strings.label(user.role), user.teamID.flatMap { teams[$0] } ?? "—",
                               user.region.isEmpty ? "—" : user.region, user.active ? "" : strings.inactive]
                print(columns.joined(separator: "\t"))
            }
        }
    }

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: tr("Change a user's name, role, team, region or whether they may log in."))
        @OptionGroup var common: CommonOptions
        @Argument(help: ArgumentHelp(tr("The operating-system login (as over SSH).")), completion: CompletionValues.logins) var login: String
        @Option(help: ArgumentHelp(tr("A new display name."))) var name: String?
        @Option(help: ArgumentHelp(tr("salesperson, assistant, supervisor, salesManager, marketingManager, generalManager or admin.")), completion: CompletionValues.roles) var role: String?
        @Option(help: ArgumentHelp(tr("Team name, or none."))) var team: String?
        @Option(help: ArgumentHelp(tr("A new region, e.g. 华南."))) var region: String?
        @Option(help: ArgumentHelp(tr("true or false."))) var active: Bool?

        func run() throws {
            let (store, actor, strings) = try UserCommand.openAsAdmin(common)
            guard let original = try store.user(login: login) else { throw fail(strings.noSuchUser(login), code: ExitCodes.unknownUser) }
            var edited = original
            if let name { edited.displayName = name }
            if let role { edited.role = try UserCommand.role(role) }
            if let teamID = try UserCommand.team(team, in: store) { edited.teamID = teamID }
            if let region { edited.region = region }
            if let active { edited.active = active }
            try store.update(user: original, to: edited, by: actor)
            print(strings.userChanged(login))
        }
    }
}
