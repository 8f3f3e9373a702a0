/// A Chinese phone number reduced to its digits, so that `138 0013 8000`,
/// `138-0013-8000`, `１３８００１３８０００` and `+86 138 0013 8000` are one number.
public struct PhoneNumber: Hashable, Sendable, CustomStringConvertible {
    /// Digits only, without the +86 country prefix; an extension follows after `#`.
    public let digits: String
    public let extensionDigits: String

    /// Fails on letters or on a digit count no Chinese number has.
    public init?(_ raw: String) {
        let text = Normalization.halfWidth(raw).trimmingWhitespace()
        guard !text.isEmpty else { return nil }
        // Digits are ASCII: gathered and counted as bytes (an import reads two or three
        // numbers a row, and a string's count walks its characters).
        var main: [UInt8] = [], ext: [UInt8] = []
        main.reserveCapacity(16)
        var inExtension = false
        var sawPlus = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "0"..."9":
                if inExtension { ext.append(UInt8(scalar.value)) } else { main.append(UInt8(scalar.value)) }
            case " ", "-", "(", ")", "（", "）", ".":
                continue
            case "+" where main.isEmpty && !sawPlus:
                sawPlus = true
            case "#", "转", "x", "X":
                guard !main.isEmpty, !inExtension else { return nil }
                inExtension = true
            default:
                return nil
            }
        }
        func starts(_ prefix: StaticString) -> Bool {
            main.count >= prefix.utf8CodeUnitCount && main.starts(with: UnsafeBufferPointer(start: prefix.utf8Start, count: prefix.utf8CodeUnitCount))
        }
        if sawPlus || (starts("86") && main.count == 13) {
            guard starts("86") else { return nil }   // only Chinese numbers carry a + here
            main.removeFirst(2)
        }
        // Landlines: 0 + area code + 7–8 digits (10–12 digits); mobiles: 11 digits from 1;
        // service numbers such as 400/800: 10 digits.
        let valid: Bool
        if starts("1") { valid = main.count == 11 }
        else if starts("0") { valid = (10...12).contains(main.count) }
        else if starts("400") || starts("800") { valid = main.count == 10 }
        else { valid = (7...8).contains(main.count) }   // local number without area code
        guard valid, ext.count <= 6, !(inExtension && ext.isEmpty) else { return nil }
        digits = String(decoding: main, as: UTF8.self)
        extensionDigits = String(decoding: ext, as: UTF8.self)
    }

    public var isMainlandMobile: Bool { digits.utf8.count == 11 && digits.utf8.first == UInt8(ascii: "1") }

    /// `138 0013 8000` for mobiles, `020-8888 6666` for landlines: how people read them aloud.
    public var description: String {
        // Digits are ASCII: cut by bytes.
        let d = Array(digits.utf8)
        func text(_ part: ArraySlice<UInt8>) -> String { String(decoding: part, as: UTF8.self) }
        var out: String
        if isMainlandMobile {
            out = text(d[0..<3]) + " " + text(d[3..<7]) + " " + text(d[7...])
        } else if d.first == UInt8(ascii: "0") {
            // Area codes: 3 digits for the big cities (010, 02x), 4 elsewhere.
            let areaLength = min(d.count > 1 && (d[1] == UInt8(ascii: "1") || d[1] == UInt8(ascii: "2")) ? 3 : 4, d.count)
            let local = d[areaLength...]
            let split = local.count > 4 ? local.count - 4 : local.count
            let cut = local.startIndex + split
            out = text(d[..<areaLength]) + "-" + text(local[..<cut]) + (cut < local.endIndex ? " " + text(local[cut...]) : "")
        } else {
            out = digits
        }
        if !extensionDigits.isEmpty { out += " 转" + extensionDigits }
        return out
    }
}

/// Email addresses as a form can check them without sending mail.
public enum EmailAddress {
    public static func isValid(_ raw: String) -> Bool {
        let text = Normalization.halfWidth(raw).trimmingWhitespace()
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !text.contains(" ") else { return false }
        let domain = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        return domain.count >= 2 && domain.allSatisfy { !$0.isEmpty }
    }
}
