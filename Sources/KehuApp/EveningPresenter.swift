import KehuCore
import KehuStore
import TerminalBasics

/// What the supervisor reads beside a queue row: the card's course (C → B → A), what was
/// said, the bottleneck and plan, the next date, and any comment already signed.
public enum EveningPresenter {
    public static func title(_ row: EveningRow, strings s: Strings) -> String {
        switch row {
        case .followUp(let f): return "\(f.handlerName) → \(f.customerName) · \(s.visitNumber(f.activity.visitNumber))"
        case .overdue(let c), .defeat(let c): return "\(c.ownerName ?? s[.noOwnerPool]) → \(c.customerName)"
        default: return ""
        }
    }

    public static func lines(_ row: EveningRow, width: Int, today: LocalDate, cadence: FollowUpCadence, strings s: Strings) -> [StyledLine] {
        var flow = FlowLayout(width: width)
        func line(_ label: StringKey, _ value: String, _ role: ThemeRole = .cardValue) {
            flow.newLine()
            flow.item(s[label], value.isEmpty ? "—" : value, role: role)
        }
        switch row {
        case .followUp(let f):
            let course = f.levelHistory.map(\.rawValue).joined(separator: " → ")
            line(.levelLabel, course + (f.activity.levelJudged.map { _ in " (\(s[.thisTime]))" } ?? ""), .timelineLevel)
            line(.contentLabel, f.activity.content)
            line(.bottleneck, f.activity.bottleneckPlan)
            // What the card says about the chances: the score and the analysis.
            if let card = f.card {
                let parts: [String] = [card.intentScore.map { "\(s.label(FormField.Name.cardScore)) \($0)" },
                                       card.objections.isEmpty ? nil : "\(s.label(FormField.Name.cardObjections)) \(card.objections)",
                                       card.unfavourable.isEmpty ? nil : "\(s.label(FormField.Name.cardUnfavourable)) \(card.unfavourable)",
                                       card.resourcesNeeded.isEmpty ? nil : "\(s.label(FormField.Name.cardResources)) \(card.resourcesNeeded)"]
                    .compactMap { $0 }
                if !parts.isEmpty { line(.intentCard, parts.joined(separator: " · ")) }
            }
            if let next = f.activity.nextVisitOn {
                let level = f.activity.levelJudged
                let hint = level.map { " " + s.cadenceHint(level: $0.rawValue, days: cadence.days[$0] ?? $0.defaultCadenceDays) } ?? ""
                line(.nextVisit, next.monthDay + hint, next < today ? .overdue : .cardValue)
            }
            if let comment = f.activity.supervisorComment {
                line(.supervisorComment, "\(comment.text) (\(comment.signedAt.date.monthDay) \(comment.signedAt.clock))", .timelineComment)
            }
            if let review = f.activity.managerReview {
                line(.managerReview, "\(review.text) (\(review.signedAt.date.monthDay) \(review.signedAt.clock))", .timelineComment)
            }
            if let note = f.correction {
                line(.correctionLabel, s.correctedBy(note.correctorName, at: "\(note.at.date.monthDay) \(note.at.clock)", reason: note.reason)
                     + " " + s.originalRecord(note.original, strings: s), f.activity.recheck ? .overdue : .timelineMeta)
            }
            let marks = [f.activity.needsGuidance ? s[.needsGuidanceMark] : nil, f.activity.doubtful ? s[.doubtfulMark] : nil].compactMap { $0 }
            if !marks.isEmpty { line(.status, marks.joined(separator: " · "), .overdue) }
        case .overdue(let c):
            let late = c.card.daysOverdue(on: today) ?? 0
            line(.intentCard, [c.card.level.rawValue, c.card.product].filter { !$0.isEmpty }.joined(separator: " · "), .timelineLevel)
            line(.nextVisit, (c.card.nextVisitOn?.monthDay ?? "—") + " " + s.overdueDays(late), .overdue)
        case .defeat(let c):
            line(.reasonLabel, c.card.closeReason)
            line(.compared, [c.card.competitor, c.card.chosenProduct].filter { !$0.isEmpty }.joined(separator: " · "))
            if let price = c.card.chosenPriceYuan { line(.theirPrice, s.yuan(price)) }
            if let applied = c.card.defeatAppliedOn { line(.appliedOn, applied.description) }
            if c.card.defeatDoubtful { line(.status, s[.doubtfulDefeatMark], .overdue) }
        default:
            break
        }
        return flow.finish()
    }
}
