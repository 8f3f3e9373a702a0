/// The characters of a text with the columns each takes, in order: what every function
/// that measures, cuts, wraps or draws text walks through. Text made only of scalars that
/// stand alone (nearly all Chinese and Latin text) is walked scalar by scalar, which skips
/// Swift's search for character boundaries and the Unicode property tables; anything else
/// is walked by characters. Either way the same characters and widths come out.
public struct Glyphs: Sequence {
    let text: Substring
    let byScalars: Bool

    public init(_ text: Substring) {
        self.text = text
        byScalars = DisplayWidth.scalarsStandAlone(text)
    }

    public init(_ text: String) { self.init(text[...]) }

    public struct Iterator: IteratorProtocol {
        var scalars: Substring.UnicodeScalarView.Iterator?
        var characters: Substring.Iterator?

        public mutating func next() -> (character: Character, width: Int)? {
            if scalars != nil {
                guard let scalar = scalars!.next() else { return nil }
                return (Character(scalar), DisplayWidth.of(scalar))
            }
            guard let ch = characters!.next() else { return nil }
            return (ch, DisplayWidth.of(ch))
        }
    }

    public func makeIterator() -> Iterator {
        byScalars ? Iterator(scalars: text.unicodeScalars.makeIterator(), characters: nil)
                  : Iterator(scalars: nil, characters: text.makeIterator())
    }
}
