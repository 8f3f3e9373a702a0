/// OSC 52: the terminal puts text on the clipboard of the machine the user sits at. It
/// travels inside the terminal's own byte stream, so it works over SSH and through tmux
/// (with `set-clipboard on`), where no X or Wayland clipboard can be reached.
public enum Clipboard {
    /// The sequence that sets the clipboard (`c`) to `text`.
    public static func osc52(_ text: String) -> String {
        "\u{1B}]52;c;" + base64(Array(text.utf8)) + "\u{07}"
    }

    static func base64(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var i = 0
        while i < bytes.count {
            let a = UInt32(bytes[i]), b = i + 1 < bytes.count ? UInt32(bytes[i + 1]) : 0, c = i + 2 < bytes.count ? UInt32(bytes[i + 2]) : 0
            let triple = a << 16 | b << 8 | c
            out.append(alphabet[Int(triple >> 18 & 63)])
            out.append(alphabet[Int(triple >> 12 & 63)])
            out.append(i + 1 < bytes.count ? alphabet[Int(triple >> 6 & 63)] : UInt8(ascii: "="))
            out.append(i + 2 < bytes.count ? alphabet[Int(triple & 63)] : UInt8(ascii: "="))
            i += 3
        }
        return String(decoding: out, as: UTF8.self)
    }
}
