/// A click or a turn of the wheel, where it happened (0-based cell). Terminals report
/// them when asked (`ESC [ ? 1000 h`, in the SGR form of `ESC [ ? 1006 h`).
public struct MouseEvent: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case press(Button)
        case release
        case wheelUp
        case wheelDown
    }

    public enum Button: Hashable, Sendable { case left, middle, right }

    public var kind: Kind
    public var x: Int
    public var y: Int

    public init(kind: Kind, x: Int, y: Int) {
        self.kind = kind; self.x = x; self.y = y
    }

    /// From a report's button code: the low two bits the button (3 a release in the old
    /// form), 32 a drag, 64 the wheel; shift, alt and ctrl (4, 8, 16) are not used.
    public init?(button code: Int, x: Int, y: Int, released: Bool) {
        guard code >= 0, x >= 0, y >= 0 else { return nil }
        let kind: Kind
        if code & 64 != 0 {
            guard !released else { return nil }
            kind = code & 1 == 0 ? .wheelUp : .wheelDown
        } else if code & 32 != 0 {
            return nil                                     // a drag: nothing uses it
        } else if released || code & 3 == 3 {
            kind = .release
        } else {
            kind = .press([Button.left, .middle, .right][code & 3])
        }
        self.init(kind: kind, x: x, y: y)
    }

    /// The SGR report's parameters `button;column;row` (1-based), as after `ESC [ <`.
    public init?(sgr parameters: Substring, released: Bool) {
        let numbers = parameters.split(separator: ";").compactMap { Int($0) }
        guard numbers.count == 3 else { return nil }
        self.init(button: numbers[0], x: numbers[1] - 1, y: numbers[2] - 1, released: released)
    }
}
