import ArgumentParser
import KehuApp
import KehuStore

/// One exit code per kind of failure, so scripts can tell a locked database from a
/// damaged one.
enum ExitCodes {
    /// A command line that cannot be carried out as written (ArgumentParser's own code).
    static let usage: Int32 = 2
    static let cannotOpen: Int32 = 7
    static let unknownUser: Int32 = 8
    static let noTerminal: Int32 = 9
    static let notAllowed: Int32 = 10

    static func code(for error: StoreError) -> Int32 {
        switch error {
        case .notAKehuDatabase: return 3
        case .newerSchema: return 4
        case .locked: return 5
        case .damaged: return 6
        case .cannotOpen, .diskFull, .readOnly, .notFound, .conflict, .invalid: return 7
        case .refused: return notAllowed
        case .unknownUser: return unknownUser
        case .badSetting: return usage
        }
    }

    static func code(for problem: PostgresMoveProblem) -> Int32 {
        switch problem {
        case .targetNewer: return 4
        case .verificationFailed: return 6
        case .cannotConnect, .targetNotEmpty, .targetTextSettings, .refused: return cannotOpen
        case .notAllowed: return notAllowed
        }
    }
}

/// Prints a message for a person to stderr and ends with `code`.
func fail(_ message: String, code: Int32) -> ExitCode {
    printError(message)
    return ExitCode(code)
}

func printError(_ message: String) {
    var standardError = StandardError()
    print("kehu: " + message, to: &standardError)
}

struct StandardError: TextOutputStream {
    mutating func write(_ string: String) {
        FileHandleStandardError.write(string)
    }
}
