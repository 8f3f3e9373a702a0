import Foundation

/// OSC 52: the terminal puts text on the clipboard of the machine the user sits at. It
/// travels inside the terminal's own byte stream, so it works over SSH and through tmux
/// (with `set-clipboard on`), where no X or Wayland clipboard can be reached.
public enum Clipboard {
    /// The sequence that sets the clipboard (`c`) to `text`, in base64 as the protocol asks.
    public static func osc52(_ text: String) -> String {
        "\u{1B}]52;c;" + Data(text.utf8).base64EncodedString() + "\u{07}"
    }
}
