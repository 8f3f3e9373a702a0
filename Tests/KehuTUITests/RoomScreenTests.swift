import Testing
import TerminalUI
import KehuCore
import KehuApp
@testable import KehuStore
@testable import KehuTUI

/// Every room's screen, whole, at 80×24 in Chinese and 100×30 in English: the evening
/// check, approvals, search, every form, the overlays and the prompts. State in, screen
/// out, compared line by line with `RoomScreens`.
struct RoomScreenTests {
    /// On the customer with cards, contacts and visits, in the customer list.
    static func onHuanan(_ fixture: ScreenFixture, _ language: Language, login: String = "zhangwei") throws -> MainViewModel {
        let vm = try fixture.viewModel(language, login: login)
        vm.start()
        for _ in 0..<3 where vm.view != .allCustomers { vm.send(.nextView) }
        vm.send(.moveDown)
        return vm
    }

    static func keys(_ vm: MainViewModel, _ actions: Action...) -> MainViewModel {
        actions.forEach(vm.send)
        return vm
    }

    static let names = ["evening", "approvals", "search", "history", "poolPreview", "leadForm", "customerForm", "contactForm",
                        "closeCardForm", "gradeForm", "orderForm", "filterForm", "assignForm", "commentForm", "discardPrompt",
                        "duplicatesPrompt"]

    /// The view-model standing where the named screen is.
    static func scenario(_ name: String, _ fixture: ScreenFixture, _ language: Language) throws -> MainViewModel {
        switch name {
        case "evening", "commentForm":
            if name == "commentForm" {
                // Today's call on 广州华南机电, the follow-up the supervisor comments on.
                let actor = Actor(login: "admin", clock: FixedClock(screenNow))
                let huanan = try #require(try fixture.store.customerPage(offset: 0, limit: 10).first { $0.code == "Ba-粤GZ0012" }?.id)
                let zhang = try #require(try fixture.store.user(login: "zhangwei")?.id)
                let card = try #require(try fixture.store.openCard(customerID: huanan)?.id)
                var call = Activity(customerID: huanan, cardID: card, visitNumber: 4, method: .phone,
                                    occurredAt: LocalDateTime(date: screenNow.date, hour: 9, minute: 5)!,
                                    handlerID: zhang, content: "客户同意下周三来厂看样机，技术部陈刚一起")
                call.levelJudged = .b; call.nextVisitOn = screenNow.date.adding(days: 2)
                try fixture.store.add(call, by: actor)
            }
            let vm = try fixture.viewModel(language, login: "lizhuguan")
            vm.start()
            for _ in 0..<4 where vm.view != .evening { vm.send(.nextView) }
            guard name == "commentForm" else { return vm }
            for _ in 0..<5 {
                if case .followUp? = vm.selectedEveningRow { break }
                vm.send(.moveDown)
            }
            vm.send(.comment)
            #expect(vm.form != nil, "the comment form opens on today's follow-up")
            type(vm, "样机要提前调好")
            return vm
        case "approvals":
            let actor = Actor(login: "admin", clock: FixedClock(screenNow))
            _ = try fixture.store.add(User(login: "wangjl", displayName: "王经理", role: .salesManager, region: "华南"), by: actor)
            let huanan = try #require(try fixture.store.customerPage(offset: 0, limit: 10).first { $0.code == "Ba-粤GZ0012" }?.id)
            let proposer = try #require(try fixture.store.user(login: "zhangwei")?.id)
            let scores = ScoreSheet.standard.criteria.map { ($0.name, 9) }
            _ = try fixture.store.proposeGrade(customerID: huanan, scores: scores, potential: false, proposerID: proposer, sheet: .standard, by: actor)
            let vm = try fixture.viewModel(language, login: "wangjl")
            vm.start()
            for _ in 0..<5 where vm.view != .approvals { vm.send(.nextView) }
            return vm
        case "search":
            let vm = try fixture.viewModel(language)
            vm.start()
            vm.send(.search)
            type(vm, "华南")
            return vm
        case "history": return keys(try onHuanan(fixture, language), .history)
        case "poolPreview": return keys(try onHuanan(fixture, language), .poolPreview)
        case "leadForm": return keys(try onHuanan(fixture, language), .newLead)
        case "customerForm": return keys(try onHuanan(fixture, language), .editCustomer)
        case "contactForm": return keys(try onHuanan(fixture, language), .editContacts)
        case "closeCardForm": return keys(try onHuanan(fixture, language), .closeCard)
        case "gradeForm": return keys(try onHuanan(fixture, language), .proposeGrade)
        case "orderForm": return keys(try onHuanan(fixture, language), .recordOrder)
        case "filterForm": return keys(try onHuanan(fixture, language), .filter)
        case "assignForm": return keys(try onHuanan(fixture, language, login: "lizhuguan"), .assign)
        case "discardPrompt":
            let vm = keys(try onHuanan(fixture, language), .newLead)
            type(vm, "王")
            return keys(vm, .cancel)
        case "duplicatesPrompt":
            let vm = keys(try onHuanan(fixture, language), .newLead)
            type(vm, "王先生")
            vm.send(.nextField)
            type(vm, "138 0013 8000")
            return keys(vm, .save)
        default:
            throw ScenarioError(name: name)
        }
    }

    struct ScenarioError: Error { let name: String }

    static func type(_ vm: MainViewModel, _ text: String) {
        for character in text { vm.handle(Key(.character(character))) }
    }

    static func screen(_ name: String, _ language: Language, width: Int, height: Int) throws -> ScreenBuffer {
        let fixture = try ScreenFixture()
        return try ScreenFixture.render(try scenario(name, fixture, language), width: width, height: height)
    }

    @Test(arguments: names)
    func eachRoomAt80x24InChinese(_ name: String) throws {
        let actual = try Self.screen(name, .zh, width: 80, height: 24)
        expect(actual, RoomScreens.zh80x24[name], name: name + " zh 80×24")
    }

    @Test(arguments: names)
    func eachRoomAt100x30InEnglish(_ name: String) throws {
        let actual = try Self.screen(name, .en, width: 100, height: 30)
        expect(actual, RoomScreens.en100x30[name], name: name + " en 100×30")
    }

    func expect(_ actual: ScreenBuffer, _ expected: [String]?, name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let lines = actual.trimmedLines
        guard let expected else {
            let literal = lines.map { line -> String in
                let escaped = line.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                return "            \"" + escaped + "\","
            }
            let message = "no expected screen for \(name); it is:\n" + literal.joined(separator: "\n")
            Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
            return
        }
        #expect(lines.count == expected.count, "\(name)", sourceLocation: sourceLocation)
        for (index, pair) in zip(lines, expected).enumerated() where pair.0 != pair.1 {
            Issue.record("\(name) line \(index + 1):\n  got      \"\(pair.0)\"\n  expected \"\(pair.1)\"", sourceLocation: sourceLocation)
        }
        for line in actual.lines { #expect(DisplayWidth.of(line) == actual.size.width, "\(name)", sourceLocation: sourceLocation) }
    }
}
