/// A terminal colour: the terminal's default, or an index in the 256-colour palette
/// (0–7 basic, 8–15 bright, 16–231 colour cube, 232–255 greys).
public enum Color: Hashable, Sendable {
    case terminalDefault
    case indexed(UInt8)

    public static let basicNames = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    /// The nearest colour a terminal with `palette` colours (256, 16 or 8) can show.
    /// With 8 colours there is no grey: a grey text colour (bright black, the 256 greys)
    /// would become black and vanish on a dark background, so it takes the terminal's own
    /// text colour, visible on any background (the backend dims it where it can).
    public func degraded(toPalette palette: Int, asBackground: Bool = false) -> Color {
        guard case .indexed(let index) = self else { return self }
        if palette >= 256 { return self }
        var sixteen = Int(index)
        if index >= 16 { sixteen = Color.nearestBasic(index) }
        if palette >= 16 { return .indexed(UInt8(sixteen)) }
        if sixteen == 8, !asBackground { return .terminalDefault }
        return .indexed(UInt8(sixteen % 8))
    }

    /// Whether an 8-colour terminal shows this text colour as its own default (a grey).
    public func isGreyOnEightColours(palette: Int) -> Bool {
        guard palette < 16, palette > 0, case .indexed = self else { return false }
        return degraded(toPalette: palette) == .terminalDefault
    }

    /// Maps a 256-palette entry to the closest of the 16 basic colours by RGB distance.
    static func nearestBasic(_ index: UInt8) -> Int {
        let rgb = Color.rgb(of: Int(index))
        let basics: [(Int, Int, Int)] = [(0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205),
                                         (0, 205, 205), (229, 229, 229), (127, 127, 127), (255, 0, 0), (0, 255, 0),
                                         (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255)]
        var best = 0, bestDistance = Int.max
        for (i, b) in basics.enumerated() {
            let d = (b.0 - rgb.0) * (b.0 - rgb.0) + (b.1 - rgb.1) * (b.1 - rgb.1) + (b.2 - rgb.2) * (b.2 - rgb.2)
            if d < bestDistance { best = i; bestDistance = d }
        }
        return best
    }

    static func rgb(of index: Int) -> (Int, Int, Int) {
        if index >= 232 { let g = 8 + (index - 232) * 10; return (g, g, g) }
        let i = index - 16
        let level = [0, 95, 135, 175, 215, 255]
        return (level[i / 36], level[(i / 6) % 6], level[i % 6])
    }
}

/// Text attributes every terminal has; the only means of emphasis in monochrome.
public struct Attributes: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let bold = Attributes(rawValue: 1)
    public static let underline = Attributes(rawValue: 2)
    public static let reverse = Attributes(rawValue: 4)
    public static let dim = Attributes(rawValue: 8)
}

public struct Style: Hashable, Sendable {
    public var foreground: Color
    public var background: Color
    public var attributes: Attributes

    public init(foreground: Color = .terminalDefault, background: Color = .terminalDefault, attributes: Attributes = []) {
        self.foreground = foreground; self.background = background; self.attributes = attributes
    }

    public static let plain = Style()
}
