/// The interface language: Simplified Chinese by default, English on request.
public enum Language: String, CaseIterable, Sendable {
    case zh
    case en

    /// `--lang`, else `KEHU_LANG`, else the locale (LC_ALL, LC_MESSAGES, LANG); Chinese
    /// when none of them says English.
    public static func resolve(option: String?, environment: [String: String]) -> (Language, problem: String?) {
        if let option {
            if let lang = Language(code: option) { return (lang, nil) }
            return (.zh, option)
        }
        if let env = environment["KEHU_LANG"], !env.isEmpty {
            if let lang = Language(code: env) { return (lang, nil) }
            return (.zh, env)
        }
        for variable in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment[variable], !value.isEmpty {
                return (value.lowercased().hasPrefix("en") ? .en : .zh, nil)
            }
        }
        return (.zh, nil)
    }

    init?(code: String) {
        let lower = code.lowercased()
        if lower.hasPrefix("zh") { self = .zh } else if lower.hasPrefix("en") { self = .en } else { return nil }
    }
}
