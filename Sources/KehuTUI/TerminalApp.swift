import Glibc
import KehuApp
import TerminalUI

/// The run loop: draw a frame, wait for a key, a resize, a signal or the next minute,
/// let the view-model act, draw again. One thread owns the screen.
public final class TerminalApp {
    let viewModel: MainViewModel
    let screen: MainScreen
    /// Work that may wait until the first screen is up (the day's structural check and
    /// calendar rules): run after the first frame; true when it changed data, false when
    /// not, nil when it waits for something running behind the screen (the check), to be
    /// asked again between keys, which are answered meanwhile.
    let afterFirstFrame: (() -> Bool?)?
    /// Tells whether anyone committed since last asked; kehu asks a few times a second
    /// while waiting for a key, and re-reads the screen when so.
    let changed: (() -> Bool)?

    /// How long to wait for a key before asking whether the database changed.
    static let livePollMilliseconds = 250
    /// How long to wait for a key before asking the work after the first frame again.
    static let pendingPollMilliseconds = 50

    /// Whether the view-model has read its first screen already (the customer screen starts
    /// it while the terminal is being set up).
    let started: Bool

    public init(viewModel: MainViewModel, theme: Theme, started: Bool = false, afterFirstFrame: (() -> Bool?)? = nil, changed: (() -> Bool)? = nil) {
        self.viewModel = viewModel
        self.started = started
        self.screen = MainScreen(theme: theme)
        self.afterFirstFrame = afterFirstFrame
        self.changed = changed
    }

    /// Runs until the user quits or a signal arrives. Returns the process exit code:
    /// 0, or 128 + the signal number as shells expect.
    public func run(on backend: NcursesBackend) -> Int32 {
        if !started { viewModel.start() }
        var pending = afterFirstFrame
        while true {
            // The terminal's size arrives as an input before every frame; drawing only reads.
            if let viewport = MainScreen.viewport(for: backend.size) { viewModel.resize(to: viewport) }
            backend.present(screen.render(viewModel, size: backend.size))
            if let work = pending {
                // Drawn again only when the work changed something to show: most starts
                // find nothing due, and their first frame is the last one until a key.
                let said = viewModel.message
                if let changedData = work() {
                    pending = nil
                    if changedData { viewModel.reloadFromStore() }
                    if changedData || viewModel.message != said { continue }
                }
            }
            if viewModel.shouldQuit { return 0 }
            var wait = changed == nil ? SystemClock.millisecondsToNextMinute()
                                      : min(TerminalApp.livePollMilliseconds, SystemClock.millisecondsToNextMinute())
            if pending != nil { wait = min(wait, TerminalApp.pendingPollMilliseconds) }
            let event = backend.nextEvent(timeoutMilliseconds: wait)
            if let signal = backend.pendingSignal {
                // The connection dropped or someone stopped kehu: keep what was typed.
                viewModel.saveDraftIfEditing()
                return 128 + signal
            }
            if backend.hungUp {
                // The terminal went away without a signal: the same as a hang-up.
                viewModel.saveDraftIfEditing()
                return 128 + SIGHUP
            }
            guard let event else {
                // Idle: a colleague's commit is read in; otherwise the clock redraws.
                if changed?() == true { viewModel.databaseChanged() }
                continue
            }
            // Whatever else has already arrived is acted on before the next frame: a burst
            // (an input method's phrase, keys typed ahead over SSH) costs one frame, and
            // its text one search.
            // A resize ends the burst: the keys after it are handled at the new size.
            var events = [event]
            while events.count < 512, !events.last!.isResize, let more = backend.nextEvent(timeoutMilliseconds: 0) { events.append(more) }
            step(events, size: backend.size)
            if viewModel.redrawRequested {
                backend.invalidate()
                if changed?() == true { viewModel.databaseChanged() }
            }
            if let text = viewModel.takeClipboard() { backend.send(Clipboard.osc52(text)) }
            if let text = viewModel.pendingExternalEdit {
                var result: String?
                backend.suspend { result = ExternalEditor.edit(text) }
                viewModel.finishExternalEdit(result)
            }
        }
    }

    /// Events read together: runs of keys go to the view-model as one burst.
    public func step(_ events: [InputEvent], size: Size) {
        var keys: [Key] = []
        func flush() {
            if !keys.isEmpty, !MainScreen.isTooSmall(size) { viewModel.handle(burst: keys) } else { keys.forEach { step(.key($0), size: size) } }
            keys = []
        }
        for event in events {
            if case .key(let key) = event {
                keys.append(key)
                continue
            }
            flush()
            step(event, size: size)
        }
        flush()
    }

    /// One input event. While the terminal is too small only quitting works.
    public func step(_ event: InputEvent, size: Size) {
        switch event {
        case .resize:
            break   // the next frame is drawn at the new size
        case .key(let key):
            if MainScreen.isTooSmall(size) {
                if viewModel.keymap.action(for: key, in: .global) == .quit { viewModel.send(.quit) }
                return
            }
            viewModel.handle(key)
        case .paste(let text):
            if !MainScreen.isTooSmall(size) { viewModel.paste(text) }
        case .mouse(let mouse):
            guard let (pane, row) = MainScreen.pane(at: mouse.x, mouse.y, size: size) else { return }
            switch mouse.kind {
            case .press(.left): viewModel.click(pane, row: row)
            case .wheelUp: viewModel.wheel(pane, down: false)
            case .wheelDown: viewModel.wheel(pane, down: true)
            case .press, .release: break
            }
        }
    }
}
