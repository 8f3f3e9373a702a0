/// The elements and text of an XML part read straight from its bytes, fed in pieces as
/// they come out of the zip: enough XML for a workbook's sheets and shared strings (tags,
/// attributes, the five named entities and character references, comments, CDATA and
/// processing instructions), at the speed of a byte loop. A general XML parser calls back
/// several times for each cell and costs more than the whole import of the rows it reads.
/// Element names lose any namespace prefix (`x:c` is `c`), as some writers add one.
struct XMLScanner {
    enum Event {
        /// A start tag (`selfClosing` for `<c/>`, which also ends it).
        case start(name: String, tag: Tag, selfClosing: Bool)
        case end(name: String)
        /// Text between tags, entities decoded (may come in several pieces).
        case text([UInt8])
    }

    /// A start tag's bytes, read for an attribute only when asked.
    struct Tag {
        let bytes: [UInt8]

        func attribute(_ wanted: String) -> String? {
            guard let value = value(of: wanted) else { return nil }
            // Most values (a cell's reference, type and style) have no entity to decode.
            guard value.contains(0x26) else { return String(decoding: value, as: UTF8.self) }
            return String(decoding: XMLScanner.decoded(Array(value)), as: UTF8.self)
        }

        /// The attribute's value as written (entities not decoded), without copying it:
        /// a sheet asks three of them of every cell.
        func value(of wanted: String) -> ArraySlice<UInt8>? {
            let key = wanted.utf8
            var found: ArraySlice<UInt8>?
            forEachAttribute { name, value in
                guard name.elementsEqual(key) || (name.count > key.count && name.last == key.last && Self.prefixed(name, key)) else { return true }
                found = value
                return false
            }
            return found
        }

        /// Every attribute, by its name as written (`r:id` stays `r:id`), values decoded and
        /// their white space read as XML reads it (a tab or line break is a space).
        func attributes() -> [String: String] {
            var found: [String: String] = [:]
            forEachAttribute { name, value in
                if !name.isEmpty {
                    found[String(decoding: name, as: UTF8.self)] =
                        String(decoding: XMLScanner.decoded(value.map { Self.isSpace($0) ? 0x20 : $0 }), as: UTF8.self)
                }
                return true
            }
            return found
        }

        /// Each attribute's name and value as written, in order, until `body` says stop.
        private func forEachAttribute(_ body: (_ name: ArraySlice<UInt8>, _ value: ArraySlice<UInt8>) -> Bool) {
            var index = 0
            // Past the element's name.
            while index < bytes.count, !Self.isSpace(bytes[index]) { index += 1 }
            while index < bytes.count {
                while index < bytes.count, Self.isSpace(bytes[index]) { index += 1 }
                let nameStart = index
                while index < bytes.count, bytes[index] != 0x3D, !Self.isSpace(bytes[index]) { index += 1 }
                let name = bytes[nameStart..<index]
                while index < bytes.count, bytes[index] != 0x22, bytes[index] != 0x27 { index += 1 }
                guard index < bytes.count else { return }
                let quote = bytes[index]
                index += 1
                let valueStart = index
                while index < bytes.count, bytes[index] != quote { index += 1 }
                let value = bytes[valueStart..<min(index, bytes.count)]
                index += 1
                if !body(name, value) { return }
            }
        }

        /// `r:id` asked as `id`, or `x:r` as `r`.
        private static func prefixed(_ name: ArraySlice<UInt8>, _ key: String.UTF8View) -> Bool {
            guard let colon = name.lastIndex(of: 0x3A) else { return false }
            return name[(colon + 1)...].elementsEqual(key)
        }

        static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
    }

    private enum Mode { case text, tag, comment, cdata }
    private var mode = Mode.text
    private var text: [UInt8] = []
    private var tag: [UInt8] = []
    private var quote: UInt8 = 0
    private var lastWasReturn = false

    init() {
        text.reserveCapacity(256)
        tag.reserveCapacity(256)
    }

    mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>, _ handle: (Event) throws -> Void) throws {
        var index = 0
        while index < bytes.count {
            // Runs of text, and of a tag's plain bytes, are taken whole (most of a sheet).
            if mode == .text, bytes[index] != 0x3C, bytes[index] != 0x0D, bytes[index] != 0x0A || !lastWasReturn {
                var end = index
                while end < bytes.count, bytes[end] != 0x3C, bytes[end] != 0x0D { end += 1 }
                if lastWasReturn, bytes[index] == 0x0A { index += 1 }
                lastWasReturn = false
                text.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<end]))
                index = end
                continue
            }
            if mode == .tag, quote == 0, tag.count >= 8 {
                var end = index
                while end < bytes.count, bytes[end] != 0x3E, bytes[end] != 0x22, bytes[end] != 0x27 { end += 1 }
                if end > index {
                    tag.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<end]))
                    index = end
                    continue
                }
            }
            let byte = bytes[index]
            index += 1
            switch mode {
            case .text:
                if byte == 0x3C {
                    if !text.isEmpty { try handle(.text(Self.decoded(text))); text.removeAll(keepingCapacity: true) }
                    mode = .tag
                    tag.removeAll(keepingCapacity: true)
                    quote = 0
                } else {
                    appendText(byte)
                }
            case .tag:
                if quote != 0 {
                    if byte == quote { quote = 0 }
                    tag.append(byte)
                } else if byte == 0x3E {
                    try endTag(handle)
                } else {
                    if byte == 0x22 || byte == 0x27, !tag.isEmpty, tag[0] != 0x21 { quote = byte }
                    tag.append(byte)
                    if tag.count == 3, tag[0] == 0x21, tag[1] == 0x2D, tag[2] == 0x2D { mode = .comment; tag.removeAll(keepingCapacity: true) }
                    if tag.count == 8, tag.starts(with: Array("![CDATA[".utf8)) { mode = .cdata; tag.removeAll(keepingCapacity: true) }
                }
            case .comment:
                tag.append(byte)
                if byte == 0x3E, tag.count >= 3, tag[tag.count - 2] == 0x2D, tag[tag.count - 3] == 0x2D { mode = .text }
                if tag.count > 2 { tag.removeFirst(tag.count - 2) }
            case .cdata:
                // Text as it is, up to "]]>".
                text.append(byte)
                if byte == 0x3E, text.count >= 3, text[text.count - 2] == 0x5D, text[text.count - 3] == 0x5D {
                    text.removeLast(3)
                    if !text.isEmpty { try handle(.text(text)); text.removeAll(keepingCapacity: true) }
                    mode = .text
                }
            }
        }
    }

    /// XML reads a line break written as CR LF (or a lone CR) as one LF.
    private mutating func appendText(_ byte: UInt8) {
        if byte == 0x0D { text.append(0x0A); lastWasReturn = true; return }
        if byte == 0x0A, lastWasReturn { lastWasReturn = false; return }
        lastWasReturn = false
        text.append(byte)
    }

    private mutating func endTag(_ handle: (Event) throws -> Void) throws {
        mode = .text
        guard let first = tag.first else { return }
        // <?xml …?> and <!DOCTYPE …>: nothing a sheet needs.
        if first == 0x3F || first == 0x21 { return }
        if first == 0x2F {
            try handle(.end(name: Self.name(tag, from: 1)))
            return
        }
        let selfClosing = tag.last == 0x2F
        try handle(.start(name: Self.name(tag, from: 0), tag: Tag(bytes: selfClosing ? Array(tag.dropLast()) : tag), selfClosing: selfClosing))
    }

    /// The element's name without a namespace prefix.
    private static func name(_ tag: [UInt8], from start: Int) -> String {
        var end = start
        var local = start
        while end < tag.count, !Tag.isSpace(tag[end]), tag[end] != 0x2F {
            if tag[end] == 0x3A { local = end + 1 }
            end += 1
        }
        return String(decoding: tag[local..<end], as: UTF8.self)
    }

    /// Text with `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;`, `&#NN;` and `&#xHH;` decoded.
    static func decoded(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.contains(0x26) else { return bytes }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == 0x26, let end = bytes[index...].prefix(12).firstIndex(of: 0x3B) else {
                out.append(byte); index += 1; continue
            }
            let entity = String(decoding: bytes[(index + 1)..<end], as: UTF8.self)
            var scalar: Unicode.Scalar?
            switch entity {
            case "amp": scalar = "&"
            case "lt": scalar = "<"
            case "gt": scalar = ">"
            case "quot": scalar = "\""
            case "apos": scalar = "'"
            default:
                if entity.hasPrefix("#x") || entity.hasPrefix("#X") { scalar = UInt32(entity.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init) }
                else if entity.hasPrefix("#") { scalar = UInt32(entity.dropFirst()).flatMap(Unicode.Scalar.init) }
            }
            guard let scalar else { out.append(byte); index += 1; continue }
            out.append(contentsOf: Array(String(Character(scalar)).utf8))
            index = end + 1
        }
        return out
    }
}
