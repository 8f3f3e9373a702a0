import TerminalBasics

/// Turns the bytes a terminal sends into keys, pastes and mouse events.
///
/// Over SSH the bytes of one key can arrive apart: ncurses, waiting 25 ms after the
/// escape byte, read a split arrow as Esc, `[` and `B`. Here a lone escape byte waits
/// `escapeWait` for what follows (short on a local terminal, so Esc answers at once;
/// longer over SSH), and once a sequence has visibly started (`ESC [`, `ESC O`, a
/// UTF-8 lead byte) the rest is awaited for `sequenceWait`, far longer than any network
/// hiccup and never noticed by a person.
///
/// A plain value fed bytes and asked for events, so its timing is tested without a clock.
public struct KeyDecoder {
    public var escapeWait: Int
    public var sequenceWait: Int
    /// The terminal's own key strings (terminfo), matched before the common forms.
    var known: [[UInt8]: Key]
    private var buffer: [UInt8] = []
    private var start = 0
    /// Inside a bracketed paste: its text so far.
    private var paste: [UInt8]?

    /// A paste waits this long for its end before ending with what arrived.
    public static let pasteWait = 2_000

    public init(escapeWait: Int = 40, sequenceWait: Int = 600, known: [[UInt8]: Key] = [:]) {
        self.escapeWait = escapeWait
        self.sequenceWait = sequenceWait
        self.known = known
    }

    public mutating func feed<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        if start > 4_096 { buffer.removeFirst(start); start = 0 }
        buffer.append(contentsOf: bytes)
    }

    public var isEmpty: Bool { start == buffer.count && paste == nil }

    /// How long to wait for more bytes before the buffered ones are taken as they stand
    /// (`next(expired: true)`); nil when nothing is waiting.
    public var waitMilliseconds: Int? {
        if paste != nil { return Self.pasteWait }
        guard start < buffer.count else { return nil }
        return buffer.count - start == 1 && buffer[start] == 0x1B ? escapeWait : sequenceWait
    }

    /// The next event the buffered bytes make. With `expired`, an unfinished sequence is
    /// not waited for any longer: a lone escape byte is Esc, a paste ends with what came,
    /// and a broken sequence gives its bytes as the keys they are.
    public mutating func next(expired: Bool = false) -> InputEvent? {
        if paste != nil { return continuePaste(expired: expired) }
        guard start < buffer.count else { return nil }
        switch decode(at: start) {
        case .event(let event, let length):
            start += length
            if case .paste = event { paste = []; return continuePaste(expired: false) }
            return event
        case .skip(let length):
            start += length
            return next(expired: expired)
        case .incomplete:
            guard expired else { return nil }
            // What arrived of a sequence whose rest never came: Esc, then the rest as typed.
            let first = buffer[start]
            start += 1
            if first == 0x1B { return .key(Key(.escape)) }
            return next(expired: true)
        }
    }

    private enum Step {
        case event(InputEvent, Int)
        case skip(Int)
        case incomplete
    }

    private func byte(_ i: Int) -> UInt8? { i < buffer.count ? buffer[i] : nil }

    private func decode(at i: Int) -> Step {
        let first = buffer[i]
        if first == 0x1B {
            if let match = knownMatch(at: i) { return match }
            guard let second = byte(i + 1) else { return .incomplete }
            switch second {
            case 0x5B: return controlSequence(at: i)
            case 0x4F: return singleShift(at: i)
            case 0x1B: return .event(.key(Key(.escape)), 1)          // Esc, and another to follow
            default:
                // ESC then a key at once: that key with Alt.
                switch decode(at: i + 1) {
                case .event(.key(var key), let length):
                    key.alt = true
                    return .event(.key(key), 1 + length)
                case .incomplete: return .incomplete
                default: return .event(.key(Key(.escape)), 1)
                }
            }
        }
        if first < 0x20 || first == 0x7F {
            if let key = Self.controlKey(first) { return .event(.key(key), 1) }
            return .skip(1)
        }
        return character(at: i)
    }

    private func knownMatch(at i: Int) -> Step? {
        guard !known.isEmpty else { return nil }
        var best: ([UInt8], Key)?
        for (sequence, key) in known where sequence.count <= buffer.count - i && (best == nil || sequence.count > best!.0.count) {
            if buffer[i..<(i + sequence.count)].elementsEqual(sequence) { best = (sequence, key) }
        }
        return best.map { .event(.key($0.1), $0.0.count) }
    }

    /// One UTF-8 character; a byte that starts none is dropped.
    private func character(at i: Int) -> Step {
        let first = buffer[i]
        let length = first < 0x80 ? 1 : first >= 0xF0 ? 4 : first >= 0xE0 ? 3 : first >= 0xC2 ? 2 : 0
        guard length > 0 else { return .skip(1) }
        guard buffer.count - i >= length else { return .incomplete }
        var scalar = UInt32(first) & (length == 1 ? 0x7F : length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for k in 1..<length {
            let b = buffer[i + k]
            guard b & 0xC0 == 0x80 else { return .skip(k) }
            scalar = scalar << 6 | UInt32(b & 0x3F)
        }
        guard let value = Unicode.Scalar(scalar) else { return .skip(length) }
        return .event(.key(.char(Character(value))), length)
    }

    static func controlKey(_ byte: UInt8) -> Key? {
        switch byte {
        case 9: return Key(.tab)
        case 10, 13: return Key(.enter)
        case 27: return Key(.escape)
        case 8, 127: return Key(.backspace)
        case 0: return Key(.space, control: true)
        case 1...26: return .ctrl(Character(Unicode.Scalar(96 + byte)))
        default: return nil
        }
    }

    /// `ESC O x`: the keypad's application mode (arrows, Home, End, F1–F4, Enter).
    private func singleShift(at i: Int) -> Step {
        guard let final = byte(i + 2) else { return .incomplete }
        if let key = Self.finalKey(final) { return .event(.key(key), 3) }
        if final == 0x4D { return .event(.key(Key(.enter)), 3) }
        // The keypad's digits and signs in application mode: the characters they show.
        if (0x6A...0x79).contains(final) { return .event(.key(.char(Character(Unicode.Scalar(final - 0x40)))), 3) }
        return .skip(3)
    }

    /// Arrows and friends by their final byte (`ESC [ A`, `ESC O A`, `ESC [ 1 ; 5 A`).
    static func finalKey(_ final: UInt8) -> Key? {
        switch final {
        case 0x41: return Key(.up)
        case 0x42: return Key(.down)
        case 0x43: return Key(.right)
        case 0x44: return Key(.left)
        case 0x48: return Key(.home)
        case 0x46: return Key(.end)
        case 0x50: return Key(.function(1))
        case 0x51: return Key(.function(2))
        case 0x52: return Key(.function(3))
        case 0x53: return Key(.function(4))
        default: return nil
        }
    }

    /// `ESC [ params final`: keys, the paste's brackets, mouse reports.
    private func controlSequence(at i: Int) -> Step {
        var j = i + 2
        // The Linux console's F1–F5: ESC [ [ A … E.
        if byte(j) == 0x5B {
            guard let final = byte(j + 1) else { return .incomplete }
            if (0x41...0x45).contains(final) { return .event(.key(Key(.function(Int(final) - 0x40))), 4) }
            return .skip(4)
        }
        let paramsStart = j
        while let b = byte(j), (0x20...0x3F).contains(b) { j += 1 }
        guard let final = byte(j) else { return j - i > 64 ? .skip(j - i) : .incomplete }
        let length = j + 1 - i
        guard (0x40...0x7E).contains(final) else { return .skip(length - 1) }
        let text = String(decoding: buffer[paramsStart..<j], as: UTF8.self)
        if text.hasPrefix("<") {
            guard final == 0x4D || final == 0x6D, let mouse = MouseEvent(sgr: text.dropFirst(), released: final == 0x6D) else { return .skip(length) }
            return .event(.mouse(mouse), length)
        }
        if final == 0x4D, text.isEmpty {
            // The old mouse report: ESC [ M and three bytes.
            guard buffer.count - i >= 6 else { return .incomplete }
            let mouse = MouseEvent(button: Int(buffer[i + 3]) - 32, x: Int(buffer[i + 4]) - 33, y: Int(buffer[i + 5]) - 33, released: false)
            return mouse.map { .event(.mouse($0), 6) } ?? .skip(6)
        }
        let params = text.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) }
        let modifiers = params.count > 1 ? (params[1] ?? 1) - 1 : 0
        var key: Key?
        if final == 0x7E {
            switch params.first ?? nil {
            case 200: return .event(.paste(""), length)
            case 201: return .skip(length)
            case 1, 7: key = Key(.home)
            case 2: key = Key(.insert)
            case 3: key = Key(.delete)
            case 4, 8: key = Key(.end)
            case 5: key = Key(.pageUp)
            case 6: key = Key(.pageDown)
            case 11, 12, 13, 14, 15: key = Key(.function(params[0]! - 10))
            case 17, 18, 19, 20, 21: key = Key(.function(params[0]! - 11))
            case 23, 24: key = Key(.function(params[0]! - 12))
            default: key = nil
            }
        } else if final == 0x5A {
            key = Key(.tab, shift: true)
        } else {
            key = Self.finalKey(final)
        }
        guard var found = key else { return .skip(length) }
        if modifiers > 0 {
            if modifiers & 1 != 0 { found.shift = true }
            if modifiers & 2 != 0 { found.alt = true }
            if modifiers & 4 != 0 { found.control = true }
        }
        return .event(.key(found), length)
    }

    /// Reads a paste up to its closing bracket: Return and line feeds as `\n` (CR LF
    /// once), tabs kept, other control bytes left out.
    private mutating func continuePaste(expired: Bool) -> InputEvent? {
        let end: [UInt8] = Array("\u{1B}[201~".utf8)
        var k = start
        while k < buffer.count {
            if buffer[k] == 0x1B {
                if buffer.count - k < end.count, buffer[k...].elementsEqual(end.prefix(buffer.count - k)) {
                    break   // perhaps the end, not all here yet
                }
                if buffer[k..<min(buffer.count, k + end.count)].elementsEqual(end) {
                    paste! += buffer[start..<k]
                    start = k + end.count
                    return finishPaste()
                }
            }
            k += 1
        }
        paste! += buffer[start..<k]
        start = k
        if expired {
            start = buffer.count
            return finishPaste()
        }
        return nil
    }

    private mutating func finishPaste() -> InputEvent {
        let bytes = paste ?? []
        paste = nil
        var text = ""
        var lastWasReturn = false
        for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
            switch scalar {
            case "\r": text.append("\n"); lastWasReturn = true; continue
            case "\n": if !lastWasReturn { text.append("\n") }
            case "\t": text.unicodeScalars.append(scalar)
            default: if scalar.value >= 0x20 && scalar.value != 0x7F { text.unicodeScalars.append(scalar) }
            }
            lastWasReturn = false
        }
        return .paste(text)
    }
}
