/// One row of a salesperson's Today list: something due for a customer, and since when.
public struct TodayItem: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// An intent card's follow-up; `time` when a call-back hour was agreed (回电).
        case followUp(cardID: Int64, level: IntentLevel, time: String?)
        /// A contact's birthday (生日问候).
        case birthday(contactName: String)
        /// A big holiday: greet the customers (节日问候).
        case holiday(Holiday)
        /// A claimed prospect returns to the pool on `due` unless followed up before.
        case poolWarning(lastActivity: LocalDate?)
        /// A cooperating customer is lost on `due` unless it orders before (流失预警).
        case churnWarning(lastOrder: LocalDate)
        /// A customer was lost on `due`: the owner owes the reason.
        case churnReason(eventID: Int64)
        /// A maintenance contact of the kind required (客情维护).
        case maintenance(MaintenanceDuty.Kind)
        /// The supervisor returned the card's defeat application, for this reason: go on
        /// with it (shown until the card is followed up again).
        case defeatReturned(cardID: Int64, reason: String)
    }

    public let kind: Kind
    public let due: LocalDate
    public let customerID: Int64?
    public let customerCode: String
    public let customerName: String

    public init(kind: Kind, due: LocalDate, customerID: Int64?, customerCode: String, customerName: String) {
        self.kind = kind; self.due = due; self.customerID = customerID
        self.customerCode = customerCode; self.customerName = customerName
    }

    /// Days past due on `today`; 0 when due today, negative when still ahead.
    public func daysLate(on today: LocalDate) -> Int { due.days(until: today) }
}

/// Orders the Today list the way a salesperson works through it: the most overdue
/// first, then today's items (agreed call-back times in clock order), then greetings
/// coming up in the next days.
public enum TodayOrdering {
    public static func sorted(_ items: [TodayItem], today: LocalDate) -> [TodayItem] {
        // Each item's key is made once: a large salesperson's Today holds thousands of
        // items, and comparing Chinese codes as Unicode strings at every step of the sort
        // took half the time of the login brief. UTF-8 bytes order as code points do.
        struct Key {
            let due: LocalDate, rank: Int, time: [UInt8], code: [UInt8]
            func precedes(_ other: Key) -> Bool {
                if due != other.due { return due < other.due }
                if rank != other.rank { return rank < other.rank }
                if time != other.time { return time.lexicographicallyPrecedes(other.time) }
                return code.lexicographicallyPrecedes(other.code)
            }
        }
        let keys = items.map { Key(due: $0.due, rank: $0.rank, time: Array(($0.time ?? "99:99").utf8), code: Array($0.customerCode.utf8)) }
        return items.indices.sorted { keys[$0].precedes(keys[$1]) }.map { items[$0] }
    }

    /// (due today or late, late) counts for the status line: "今日 12 · 逾期 3".
    public static func counts(_ items: [TodayItem], today: LocalDate) -> (dueToday: Int, overdue: Int) {
        let due = items.filter { $0.due <= today }
        return (due.count, due.filter { $0.due < today }.count)
    }

    /// The next birthday on or after `today`; 29 February falls on the 28th in other years.
    public static func nextBirthday(_ birthday: LocalDate, onOrAfter today: LocalDate) -> LocalDate {
        func inYear(_ year: Int) -> LocalDate {
            LocalDate(year: year, month: birthday.month, day: birthday.day)
                ?? LocalDate(year: year, month: birthday.month, day: birthday.day - 1)!
        }
        let thisYear = inYear(today.year)
        return thisYear >= today ? thisYear : inYear(today.year + 1)
    }
}

extension TodayItem {
    var rank: Int {
        switch kind {
        case .followUp(_, _, let time): return time == nil ? 1 : 0
        case .birthday: return 2
        case .holiday: return 3
        case .poolWarning, .churnWarning, .churnReason, .maintenance, .defeatReturned: return 1
        }
    }

    var time: String? {
        if case .followUp(_, _, let time) = kind { return time }
        return nil
    }
}
