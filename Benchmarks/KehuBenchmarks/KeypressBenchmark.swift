import Foundation
import KehuApp
import KehuCore
import KehuStore
import KehuTUI
import TerminalBasics
import TerminalUI

/// A keypress as kehu's run loop handles it — the view-model acts on the key, the screen
/// is drawn, and the bytes for the terminal are made (the frame encoder's diff against
/// the last frame, all but the write itself) — timed in-process on a 100×30 terminal, as
/// the admin sees the whole archive.
struct KeypressBenchmark {
    let vm: MainViewModel
    let screen: MainScreen
    let size = Size(width: 100, height: 30)
    let terminal = EncodedTerminal(size: Size(width: 100, height: 30))

    /// What the real backend (`NcursesBackend.present`) does with a frame before writing
    /// it: encode the difference, keep the frame. Nothing more, so the figure is kehu's.
    final class EncodedTerminal {
        let encoder = FrameEncoder(dialect: .xterm256)
        var state = FrameEncoder.TerminalState()
        private(set) var lastBytes = 0
        private(set) var lastFrame: ScreenBuffer
        init(size: Size) { lastFrame = ScreenBuffer(size: size) }
        func present(_ frame: ScreenBuffer) {
            lastBytes = encoder.encode(frame, state: &state).count
            lastFrame = frame
        }
    }

    func present(_ frame: ScreenBuffer) { terminal.present(frame) }

    init(store: KehuDatabase, login: String, clock: any Clock, theme: String = "dark") throws {
        let profile = try store.profile()
        // The built-in default keymap and the shipped theme: no user files in a measurement.
        let builtIn = ConfigLocator(userDirectory: "/nonexistent", shareDirectories: [])
        let shipped = ConfigLocator(userDirectory: "/nonexistent",
                                    shareDirectories: ConfigLocator.standard(environment: [:], executablePath: CommandLine.arguments[0]).shareDirectories)
        let keymap = ConfigLoader.keymap(named: "default", locator: builtIn).keymap
        vm = MainViewModel(store: store, strings: Strings(.zh), keymap: keymap, login: login,
                           profile: profile, clock: clock)
        let (chosen, problems) = ConfigLoader.theme(named: theme, monochrome: false, locator: theme == "dark" ? builtIn : shipped)
        guard problems.isEmpty, chosen.name == theme else { throw BenchError("theme \(theme): \(problems)") }
        screen = MainScreen(theme: chosen)
        if let viewport = MainScreen.viewport(for: size) { vm.resize(to: viewport) }
        vm.start()
        present(screen.render(vm, size: size))
    }

    /// Milliseconds from the key to the presented frame.
    func press(_ key: Key) -> Double {
        milliseconds {
            vm.handle(key)
            if let viewport = MainScreen.viewport(for: size) { vm.resize(to: viewport) }
            present(screen.render(vm, size: size))
        }
    }

    /// The UTF-8 size of the cells a key changed: what an ideal terminal update would send
    /// as text, before any cursor movement or colour codes.
    func changedBytes(_ key: Key) -> Int {
        let before = terminal.lastFrame
        vm.handle(key)
        if let viewport = MainScreen.viewport(for: size) { vm.resize(to: viewport) }
        let after = screen.render(vm, size: size)
        present(after)
        return zip(before.cells, after.cells).reduce(0) { sum, pair in
            pair.0 == pair.1 ? sum : sum + (pair.1.width == 0 ? 0 : pair.1.text.utf8.count)
        }
    }

    /// `count` list moves, fifty down then fifty up, over and over.
    func listMoves(_ count: Int) -> [Double] {
        (0..<count).map { index in press(Key(index % 100 < 50 ? .down : .up)) }
    }

    func run() -> [(String, [Double])] {
        var results: [(String, [Double])] = []
        // The frame alone (drawn and encoded, nothing changed): what every key pays on top
        // of its own work.
        var frames: [Double] = []
        for _ in 0..<100 {
            frames.append(milliseconds {
                if let viewport = MainScreen.viewport(for: size) { vm.resize(to: viewport) }
                present(screen.render(vm, size: size))
            })
        }
        results.append(("frame only (draw + encode, no key)", frames))
        results.append(("key: list move (↓/↑)", listMoves(300)))
        var pages: [Double] = []
        for index in 0..<100 { pages.append(press(Key(index % 20 < 10 ? .pageDown : .pageUp))) }
        results.append(("key: page move (PgDn/PgUp)", pages))
        var jumps: [Double] = []
        for index in 0..<20 { jumps.append(press(Key(index % 2 == 0 ? .end : .home))) }
        results.append(("key: jump (End/Home)", jumps))
        var panes: [Double] = []
        for _ in 0..<99 { panes.append(press(Key(.tab))) }
        while vm.focus != .list { _ = press(Key(.tab)) }
        results.append(("key: pane switch (Tab)", panes))
        var searches: [Double] = []
        for query in Array(repeating: ["广州华南", "gzhn", "13922", "张伟", "华南机电"], count: 3).joined() {
            _ = press(.char("/"))
            for character in query { searches.append(press(.char(character))) }
            for _ in query { searches.append(press(Key(.backspace))) }
            _ = press(Key(.escape))
        }
        results.append(("key: search keystroke", searches))
        return results
    }
}
