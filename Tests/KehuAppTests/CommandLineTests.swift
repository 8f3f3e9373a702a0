import Foundation
import Testing
import TerminalBasics
import KehuCore
@testable import KehuStore
@testable import KehuApp

/// SPEC's `:` command line: a command by its name or its word, Tab completes, ↑↓ choose,
/// Enter runs it, Esc leaves without doing anything.
struct CommandLineTests {
    @Test func aCommandIsFoundByItsWordOrNameAndRun() throws {
        let company = try GradeApprovalTests.Company()
        let vm = try company.viewModel("zhangwei")
        for _ in 0..<5 where vm.view != .allCustomers { vm.send(.nextView) }
        vm.handle(.char(":"))
        let open = try #require(vm.commandLine)
        #expect(open.commands.contains { $0.action == .logFollowUp && $0.keys == "l" })
        #expect(!open.commands.contains { $0.action == .moveDown || $0.action == .save })
        // By its Chinese word; typing q or l is text here, not quitting or logging.
        type(vm, "记跟")
        #expect(!vm.shouldQuit && vm.form == nil)
        #expect(vm.commandLine?.chosen?.action == .logFollowUp)
        vm.handle(Key(.enter))
        #expect(vm.commandLine == nil)
        guard case .followUp = vm.form else { Issue.record("no follow-up form"); return }
        vm.send(.cancel)

        // By its name, completed with Tab; ↓ chooses the next match.
        vm.handle(.char(":"))
        type(vm, "hist")
        vm.handle(Key(.tab))
        #expect(vm.commandLine?.input.text == "history")
        vm.handle(Key(.enter))
        #expect(vm.history != nil)
        vm.send(.close)
        vm.handle(.char(":"))
        type(vm, "q")
        vm.handle(Key(.escape))
        #expect(vm.commandLine == nil && !vm.shouldQuit)
        // Nothing matches: Enter does nothing.
        vm.handle(.char(":"))
        type(vm, "zzz")
        #expect(vm.commandLine?.matches.isEmpty == true)
        vm.handle(Key(.enter))
        #expect(vm.commandLine == nil && vm.form == nil)
    }
}
