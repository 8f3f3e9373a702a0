import Foundation
import KehuCore
import KehuStore

/// `kehu brief`: what is waiting for me today, in a few lines at an SSH login, or as JSON
/// for scripts.
public struct Brief: Encodable, Sendable {
    public struct Item: Encodable, Sendable {
        public let code: String
        public let name: String
        public let note: String
    }
    public struct Evening: Encodable, Sendable {
        public let followUps: Int
        public let checked: Int
    }

    public let login: String
    public let name: String
    public let date: String
    public let overdue: Int
    public let dueToday: Int
    public let callBacks: [Item]
    public let birthdays: [Item]
    public let maintenance: Int
    public let newComments: [Item]
    public let droppingTomorrow: [Item]
    public let evening: Evening?
}

public enum BriefPresenter {
    /// Everything the brief says, read through the viewer's door.
    public static func brief(_ store: KehuDatabase, profile: UserProfile, today: LocalDate) throws -> Brief {
        let user = profile.user
        let me = user.id ?? 0
        let items = try store.todayAgenda(ownerID: me, today: today, maintenanceFor: user)
        let counts = TodayOrdering.counts(items, today: today)
        var callBacks: [Brief.Item] = [], birthdays: [Brief.Item] = []
        var maintenance = 0
        for item in items {
            switch item.kind {
            case .followUp(_, _, let time?) where item.due == today:
                callBacks.append(Brief.Item(code: item.customerCode, name: item.customerName, note: time))
            case .birthday(let contact): birthdays.append(Brief.Item(code: item.customerCode, name: item.customerName, note: contact))
            case .maintenance: maintenance += 1
            default: break
            }
        }
        let comments = try store.unreadComments().map { Brief.Item(code: $0.customerCode, name: $0.customerName, note: $0.signerName) }
        // Tomorrow's drops are among Today's pool warnings whenever the company warns at
        // least a day ahead: no second pass over the prospects then.
        let tomorrow = today.adding(days: 1)
        let drops: [Brief.Item]
        if try store.poolRules().warnDaysBefore >= 1 {
            drops = items.filter { if case .poolWarning = $0.kind { return $0.due == tomorrow }; return false }
                .map { Brief.Item(code: $0.customerCode, name: $0.customerName, note: "") }
                .sorted { $0.code < $1.code }
        } else {
            drops = try store.poolDrops(on: tomorrow, ownerID: me).map { Brief.Item(code: $0.code, name: $0.name, note: "") }
        }
        var evening: Brief.Evening?
        if user.role == .supervisor, let team = user.teamID {
            let queue = try store.eveningQueue(teamID: team, today: today)
            evening = Brief.Evening(followUps: queue.followUps.count, checked: queue.checkedCount)
        }
        return Brief(login: user.login, name: user.displayName, date: today.description, overdue: counts.overdue, dueToday: counts.dueToday,
                     callBacks: callBacks, birthdays: birthdays, maintenance: maintenance, newComments: comments,
                     droppingTomorrow: drops, evening: evening)
    }

    /// A few lines for a terminal, in the session's language; nothing to say is said once.
    public static func text(_ brief: Brief, strings s: Strings) -> String {
        let zh = s.language == .zh
        func list(_ items: [Brief.Item], _ show: (Brief.Item) -> String) -> String {
            let shown = items.prefix(3).map(show).joined(separator: zh ? "，" : ", ")
            return items.count > 3 ? shown + (zh ? " 等 \(items.count) 个" : " and \(items.count - 3) more") : shown
        }
        var lines = [zh ? "kehu · \(brief.name) · \(brief.date)：今日 \(brief.dueToday)，逾期 \(brief.overdue)"
                        : "kehu · \(brief.name) · \(brief.date): due today \(brief.dueToday), overdue \(brief.overdue)"]
        if !brief.callBacks.isEmpty {
            lines.append((zh ? "  回电：" : "  Call back: ") + list(brief.callBacks) { "\($0.note) \($0.name)" })
        }
        if !brief.birthdays.isEmpty {
            lines.append((zh ? "  生日：" : "  Birthdays: ") + list(brief.birthdays) { zh ? "\($0.note)（\($0.name)）" : "\($0.note) (\($0.name))" })
        }
        if brief.maintenance > 0 { lines.append(zh ? "  客情维护 \(brief.maintenance) 项" : "  Maintenance contacts: \(brief.maintenance)") }
        if !brief.newComments.isEmpty {
            lines.append((zh ? "  ✉ 新批示：" : "  ✉ New comments: ") + list(brief.newComments) { "\($0.note) → \($0.name)" })
        }
        if !brief.droppingTomorrow.isEmpty {
            lines.append((zh ? "  明天掉入公海：" : "  Back to the pool tomorrow: ") + list(brief.droppingTomorrow) { $0.name })
        }
        if let evening = brief.evening {
            lines.append(zh ? "  晚检：今日跟进 \(evening.followUps)，已批 \(evening.checked)" : "  Evening check: \(evening.followUps) follow-ups, \(evening.checked) signed")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public static func json(_ brief: Brief) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(brief)).flatMap { String(data: $0, encoding: .utf8) }.map { $0 + "\n" } ?? "{}\n"
    }
}
