import Foundation
import KehuStore

/// abook (Debian's ncurses address book) on the same customers, as a yardstick for start
/// and list moves: both programs run in a pseudo-terminal the same way, and the time is
/// from the spawn (or the key written) to the last byte of the screen it draws.
enum AbookComparison {
    static let binary = "/usr/bin/abook"

    /// The customers as an abook address book: name, code as nickname.
    static func writeAddressBook(_ store: KehuDatabase, to path: String) throws {
        var text = "# abook addressbook file\n\n[format]\nprogram=abook\nversion=0.6.1\n\n"
        var offset = 0
        var index = 0
        while true {
            let page = try store.customerPage(offset: offset, limit: 5_000)
            if page.isEmpty { break }
            for row in page {
                text += "[\(index)]\nname=\(row.name)\nnick=\(row.code)\n\n"
                index += 1
            }
            offset += page.count
        }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// Milliseconds from writing each key to the last byte of the frame it causes.
    static func keyTimes(_ session: PseudoTerminalSession, keys: [String]) -> [Double] {
        keys.map { key in
            let sent = DispatchTime.now().uptimeNanoseconds - session.started
            session.send(key)
            let frame = session.drain(quiet: 0.05, limit: 2)
            return Double(frame.lastAt > sent ? frame.lastAt - sent : 0) / 1e6
        }
    }

    /// Start (spawn → first screen) over `rounds` runs, and list moves (↓/↑) in one run.
    static func measure(program: String, arguments: [String], environment: [String: String], rounds: Int = 5,
                        quit: String = "q") throws -> (start: [Double], moves: [Double]) {
        var starts: [Double] = []
        var moves: [Double] = []
        for round in 0..<rounds {
            let session = try PseudoTerminalSession(kehu: program, arguments: arguments, environment: environment)
            starts.append(Double(session.drain(quiet: 0.4).lastAt) / 1e6)
            if round == 0 {
                let keys = (0..<60).map { $0 % 20 < 10 ? "\u{1B}OB" : "\u{1B}OA" }
                moves = keyTimes(session, keys: keys)
            }
            session.finish(quit: quit)
        }
        return (starts, moves)
    }
}
