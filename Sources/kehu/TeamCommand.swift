import ArgumentParser
import Foundation
import KehuApp
import KehuCore
import KehuStore

/// `kehu team add|list|set`: the sales teams, their region and supervisor. Admins only.
struct TeamCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "team",
        abstract: tr("Manage the sales teams: name, region and supervisor (admins only)."),
        subcommands: [Add.self, List.self, Set.self]
    )

    /// A supervisor named by login: it must be a user of this database.
    static func supervisor(_ login: String?, in store: KehuDatabase, strings: Strings) throws -> Int64?? {
        guard let login else { return .none }
        if login.isEmpty || login == "none" { return .some(nil) }
        guard let user = try store.user(login: login) else { throw fail(strings.noSuchUser(login), code: ExitCodes.unknownUser) }
        return .some(user.id)
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: tr("Add a team: its name, region and (optionally) its supervisor's login."))
        @OptionGroup var common: CommonOptions
        @Argument(help: ArgumentHelp(tr("The team's name, e.g. 华东一组."))) var name: String
        @Option(help: ArgumentHelp(tr("Region, e.g. 华东."))) var region: String = ""
        @Option(help: ArgumentHelp(tr("The supervisor's login (a user of this database)."))) var supervisor: String?

        func run() throws {
            let (store, actor, strings) = try UserCommand.openAsAdmin(common)
            let name = self.name.trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else { throw ValidationError(strings.teamNeedsName) }
            if try store.team(named: name) != nil { throw fail(strings.teamExists(name), code: 2) }
            let supervisorID = try TeamCommand.supervisor(supervisor, in: store, strings: strings) ?? nil
            do {
                let id = try store.add(Team(name: name, region: region, supervisorID: supervisorID), by: actor)
                // The supervisor belongs to the team they lead.
                if let supervisorID, let user = try store.users().first(where: { $0.id == supervisorID }), user.teamID != id {
                    var edited = user
                    edited.teamID = id
                    try store.update(user: user, to: edited, by: actor)
                }
            } catch let error as StoreError {
                throw fail(strings.message(error), code: ExitCodes.code(for: error))
            }
            print(strings.teamAdded(name))
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: tr("List teams with region, supervisor and how many people."))
        @OptionGroup var common: CommonOptions

        func run() throws {
            let (store, _, _) = try UserCommand.openAsAdmin(common)
            let users = try store.users()
            for team in try store.teams() {
                let supervisor = team.supervisorID.flatMap { id in users.first { $0.id == id } }.map { "\($0.login) \($0.displayName)" } ?? "—"
                let members = users.filter { $0.teamID == team.id && $0.active }.count
                print([team.name, team.region.isEmpty ? "—" : team.region, supervisor, String(members)].joined(separator: "\t"))
            }
        }
    }

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: tr("Rename a team, or change its region or supervisor."))
        @OptionGroup var common: CommonOptions
        @Argument(help: ArgumentHelp(tr("The team's current name."))) var team: String
        @Option(help: ArgumentHelp(tr("A new name."))) var name: String?
        @Option(help: ArgumentHelp(tr("A new region, e.g. 华东."))) var region: String?
        @Option(help: ArgumentHelp(tr("The supervisor's login, or none."))) var supervisor: String?

        func run() throws {
            let (store, actor, strings) = try UserCommand.openAsAdmin(common)
            guard let original = try store.team(named: team) else {
                throw fail(strings.noSuchTeam(team, known: try store.teams().map(\.name)), code: 2)
            }
            var edited = original
            if let name {
                if name != original.name, try store.team(named: name) != nil { throw fail(strings.teamExists(name), code: 2) }
                edited.name = name
            }
            if let region { edited.region = region }
            if let supervisorID = try TeamCommand.supervisor(supervisor, in: store, strings: strings) { edited.supervisorID = supervisorID }
            do { try store.update(team: original, to: edited, by: actor) }
            catch let error as StoreError { throw fail(strings.message(error), code: ExitCodes.code(for: error)) }
            print(strings.teamChanged(edited.name))
        }
    }
}
