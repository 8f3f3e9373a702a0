/// A key press as kehu binds it: a named key or a character, with modifiers.
/// Written in keymap files as `j`, `J`, `down`, `C-d`, `M-x`, `S-tab`, `f5`, `?`.
public struct Key: Hashable, Sendable, CustomStringConvertible {
    public enum Name: Hashable, Sendable {
        case character(Character)
        case up, down, left, right, pageUp, pageDown, home, end
        case enter, escape, tab, backspace, delete, insert, space
        case function(Int)
    }

    public var name: Name
    public var control: Bool
    public var alt: Bool
    public var shift: Bool

    public init(_ name: Name, control: Bool = false, alt: Bool = false, shift: Bool = false) {
        // Letters with Ctrl are case-blind on a terminal: C-D arrives as C-d.
        if control, case .character(let ch) = name, ch.isLetter {
            self.name = .character(Character(ch.lowercased()))
        } else {
            self.name = name
        }
        self.control = control; self.alt = alt; self.shift = shift
    }

    public static func char(_ ch: Character) -> Key { ch == " " ? Key(.space) : Key(.character(ch)) }
    public static func ctrl(_ ch: Character) -> Key { Key(.character(ch), control: true) }

    private static let names: [String: Name] = [
        "up": .up, "down": .down, "left": .left, "right": .right,
        "pgup": .pageUp, "pageup": .pageUp, "pgdn": .pageDown, "pgdown": .pageDown, "pagedown": .pageDown,
        "home": .home, "end": .end, "enter": .enter, "return": .enter, "ret": .enter,
        "esc": .escape, "escape": .escape, "tab": .tab, "backspace": .backspace, "bs": .backspace,
        "del": .delete, "delete": .delete, "ins": .insert, "insert": .insert, "space": .space, "spc": .space,
    ]

    /// Parses keymap notation; nil when it names no key.
    public init?(notation raw: String) {
        var rest = Substring(raw)
        var control = false, alt = false, shift = false
        // Modifier prefixes; "-" alone and "C--" still name the minus key.
        while rest.count > 2, rest.dropFirst().first == "-" {
            switch rest.first!.uppercased() {
            case "C": control = true
            case "M", "A": alt = true
            case "S": shift = true
            default: return nil
            }
            rest = rest.dropFirst(2)
        }
        if rest.count == 1 {
            let ch = rest.first!
            if ch == " " { self.init(.space, control: control, alt: alt, shift: shift); return }
            guard !ch.isWhitespace, DisplayWidth.of(ch) > 0 else { return nil }
            if shift {
                // S-a is just A; a shifted symbol has no portable meaning.
                guard ch.isLetter else { return nil }
                self.init(.character(Character(ch.uppercased())), control: control, alt: alt)
                return
            }
            self.init(.character(ch), control: control, alt: alt)
            return
        }
        let word = rest.lowercased()
        if word == "backtab" { self.init(.tab, shift: true); return }
        if let name = Key.names[word] {
            self.init(name, control: control, alt: alt, shift: shift)
            return
        }
        if word.hasPrefix("f"), let n = Int(word.dropFirst()), (1...12).contains(n) {
            self.init(.function(n), control: control, alt: alt, shift: shift)
            return
        }
        return nil
    }

    /// Canonical notation, as a keymap file would write it.
    public var notation: String {
        var prefix = ""
        if control { prefix += "C-" }
        if alt { prefix += "M-" }
        if shift { prefix += "S-" }
        return prefix + baseNotation
    }

    private var baseNotation: String {
        switch name {
        case .character(let ch): return String(ch)
        case .up: return "up"
        case .down: return "down"
        case .left: return "left"
        case .right: return "right"
        case .pageUp: return "pgup"
        case .pageDown: return "pgdn"
        case .home: return "home"
        case .end: return "end"
        case .enter: return "enter"
        case .escape: return "esc"
        case .tab: return "tab"
        case .backspace: return "backspace"
        case .delete: return "del"
        case .insert: return "ins"
        case .space: return "space"
        case .function(let n): return "f\(n)"
        }
    }

    /// Short label for hint lines and help: arrows as arrows, named keys capitalised.
    public var label: String {
        var prefix = ""
        if control { prefix += "C-" }
        if alt { prefix += "M-" }
        if shift { prefix += "S-" }
        switch name {
        case .character(let ch): return prefix + String(ch)
        case .up: return prefix + "↑"
        case .down: return prefix + "↓"
        case .left: return prefix + "←"
        case .right: return prefix + "→"
        case .pageUp: return prefix + "PgUp"
        case .pageDown: return prefix + "PgDn"
        case .home: return prefix + "Home"
        case .end: return prefix + "End"
        case .enter: return prefix + "Enter"
        case .escape: return prefix + "Esc"
        case .tab: return prefix + "Tab"
        case .backspace: return prefix + "BS"
        case .delete: return prefix + "Del"
        case .insert: return prefix + "Ins"
        case .space: return prefix + "Space"
        case .function(let n): return prefix + "F\(n)"
        }
    }

    public var description: String { notation }
}

