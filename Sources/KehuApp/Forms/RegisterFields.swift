import KehuCore

/// The register's fields (来店/来电登记) as the lead form and the card form both ask them:
/// companions, arrival and leaving times, a trial given, the call-back's purpose.
enum RegisterFields {
    static func fields(_ register: VisitRegister, strings s: Strings) -> [FormField] {
        [FormField(.companions, text: register.companions.map(String.init) ?? ""),
         FormField(.arrivedAt, text: register.arrivedAt),
         FormField(.leftAt, text: register.leftAt),
         FormField(.trialGiven, options: s.columns(.noYes), selected: register.trialGiven ? 1 : 0),
         FormField(.callbackPurpose, text: register.callbackPurpose)]
    }

    /// The register as typed (times as `9:05` or `０９：０５`), or what is wrong.
    static func read(_ form: some EditableForm) -> (VisitRegister, [ValidationError]) {
        var register = VisitRegister()
        var problems: [ValidationError] = []
        func text(_ name: FormField.Name) -> String { Normalization.halfWidth(form.field(name)?.text ?? "").trimmingWhitespace() }
        let companions = text(.companions)
        if !companions.isEmpty {
            if let n = Int(companions) { register.companions = n } else { problems.append(.outOfRange(field: .companions, value: companions)) }
        }
        register.arrivedAt = clock(text(.arrivedAt))
        register.leftAt = clock(text(.leftAt))
        register.trialGiven = form.field(.trialGiven)?.selected == 1
        register.callbackPurpose = (form.field(.callbackPurpose)?.text ?? "").trimmingWhitespace()
        problems += register.validate().filter { p in !problems.contains { $0.field == p.field } }
        return (register, problems)
    }

    /// "9:05" as "09:05", so times sort and read alike; anything else as typed.
    static func clock(_ text: String) -> String {
        let parts = text.split(separator: ":")
        guard parts.count == 2, let h = Int(parts[0]), parts[1].count == 2, Int(parts[1]) != nil else { return text }
        return (h < 10 ? "0\(h)" : "\(h)") + ":" + parts[1]
    }
}
