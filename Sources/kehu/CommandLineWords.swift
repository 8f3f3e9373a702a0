import ArgumentParser
import Foundation
import KehuApp

/// The command line in the session's language: the language is read before the arguments
/// are parsed (`--lang`, else `KEHU_LANG`, else the locale), each command's summary and
/// option help come from the table `CommandLineHelp`, and ArgumentParser's own frame
/// (USAGE, OPTIONS, its error sentences) is put in Chinese for a Chinese session.
enum CommandLineWords {
    nonisolated(unsafe) static var language: Language = .zh

    static func detect(_ arguments: [String], environment: [String: String]) -> Language {
        var option: String?
        for (index, argument) in arguments.enumerated() {
            if argument == "--lang", index + 1 < arguments.count { option = arguments[index + 1] }
            if argument.hasPrefix("--lang=") { option = String(argument.dropFirst("--lang=".count)) }
        }
        return Language.resolve(option: option, environment: environment).0
    }

    /// The width help is wrapped to: the terminal's, when standard output or error is
    /// one (asked of the kernel, not of $COLUMNS), else 80.
    static func terminalColumns() -> Int {
        var size = winsize()
        for descriptor in [STDOUT_FILENO, STDERR_FILENO] where ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 {
            return Int(size.ws_col)
        }
        return 80
    }

    /// ArgumentParser's help and error text with its own words in Chinese.
    static func chineseFrame(_ text: String) -> String {
        var result = text
        for (english, chinese) in [("OVERVIEW: ", "概述："), ("USAGE: ", "用法："), ("ARGUMENTS:", "参数："), ("OPTIONS:", "选项："),
                                   ("SUBCOMMANDS:", "子命令："), ("Show help information.", "显示帮助。"), ("Show the version.", "显示版本。"),
                                   ("See 'kehu help <subcommand>' for detailed help.", "各子命令的说明：kehu help <子命令>"),
                                   ("Error: ", "错误："), ("Usage: ", "用法："), ("Help:  ", "帮助："),
                                   ("Missing expected argument ", "缺少参数 "), ("Unknown option ", "未知选项 "),
                                   ("Unexpected argument ", "多余的参数 "), ("Missing value for ", "缺少取值："),
                                   ("<subcommand>", "<子命令>"),
                                   ("(default)", "（默认） ")] {
            result = result.replacingOccurrences(of: english, with: chinese)
        }
        // Each pattern only where its fixed start is found: the first regular expression
        // costs ICU a few milliseconds of setting up, which `kehu --version` need not pay.
        for (start, pattern, template) in [("(default: ", #"\(default: ([^)]*)\)"#, "（默认：$1）"),
                                           ("The value '", #"The value '([^']*)' is invalid for '([^']*)'"#, "「$2」的值「$1」无效"),
                                           ("See '", #"See '([^']*)' for more details\."#, "更多说明：$1"),
                                           ("See '", #"See '([^']*)' for more information\."#, "更多说明：$1"),
                                           ("Unexpected argument", #"Unexpected argument[s]? "#, "多余的参数 ")]
        where result.contains(start) {
            result = result.replacingOccurrences(of: pattern, with: template, options: .regularExpression)
        }
        return result
    }
}

/// A command line text in the session's language (English is the table's key).
func tr(_ english: String) -> String {
    CommandLineWords.language == .zh ? CommandLineHelp.chinese[english] ?? english : english
}

/// A message with values, the format being the table's key (`%@` for each value).
func tr(_ format: String, _ values: String...) -> String {
    var text = tr(format)
    for value in values {
        guard let range = text.range(of: "%@") else { break }
        text.replaceSubrange(range, with: value)
    }
    return text
}
