/// What the terminal reported besides keys.
public enum InputEvent: Hashable, Sendable {
    case key(Key)
    case resize(Size)
    /// Text the user pasted (bracketed paste): text, never keys, line breaks as `\n`.
    case paste(String)
    /// A click or the wheel, when the mouse is on (`[screen] mouse`).
    case mouse(MouseEvent)

    public var isResize: Bool {
        if case .resize = self { return true }
        return false
    }
}

/// Where frames go and keys come from: a real terminal through ncurses, or a headless
/// grid in tests.
public protocol TerminalBackend: AnyObject {
    var size: Size { get }
    /// How many colours the terminal shows (256, 16, 8), or 0 for none.
    var colorCount: Int { get }
    /// Shows `frame`, sending only the cells that differ from the last frame shown.
    func present(_ frame: ScreenBuffer)
    /// The next input, or nil when `timeoutMilliseconds` pass without any (or a signal
    /// interrupts the wait).
    func nextEvent(timeoutMilliseconds: Int) -> InputEvent?
}

/// Keeps the last frame in memory and plays back queued input: the backend for screen
/// tests and for measuring what a key changes.
public final class HeadlessBackend: TerminalBackend {
    public private(set) var size: Size
    public let colorCount: Int
    public private(set) var lastFrame: ScreenBuffer
    public var queuedEvents: [InputEvent] = []
    /// Cells that differed between the last two frames: what a diffing backend would send.
    public private(set) var lastChangedCells = 0
    public private(set) var framesPresented = 0

    public init(size: Size, colorCount: Int = 256) {
        self.size = size
        self.colorCount = colorCount
        lastFrame = ScreenBuffer(size: size)
    }

    public func resize(to size: Size) {
        self.size = size
        queuedEvents.append(.resize(size))
    }

    public func present(_ frame: ScreenBuffer) {
        if frame.size == lastFrame.size {
            lastChangedCells = zip(frame.cells, lastFrame.cells).reduce(0) { $0 + ($1.0 == $1.1 ? 0 : 1) }
        } else {
            lastChangedCells = frame.cells.count
        }
        lastFrame = frame
        framesPresented += 1
    }

    public func nextEvent(timeoutMilliseconds: Int) -> InputEvent? {
        queuedEvents.isEmpty ? nil : queuedEvents.removeFirst()
    }
}
