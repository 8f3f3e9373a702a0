import KehuCore
import KehuStore
import TerminalBasics

/// The detail card as lines: the most used facts first (what, where, how to call), so
/// the top of the card answers the phone call; the rest of the archive follows and
/// scrolls.
public enum CardPresenter {
    public static func lines(_ detail: CustomerDetail, width: Int, today: LocalDate, strings s: Strings) -> [StyledLine] {
        let c = detail.customer
        var flow = FlowLayout(width: width)
        let gradeRole: ThemeRole = c.grade == .vip || c.grade == .potentialVIP ? .gradeVIP : .cardValue
        flow.item(nil, c.type == .other && !c.typeOther.isEmpty ? c.typeOther : s.label(c.type))
        flow.item(nil, s.label(c.grade), role: gradeRole)
        flow.item(nil, s.label(c.status))
        flow.item(nil, s.label(c.source))
        flow.newLine()
        flow.item(nil, c.address)
        flow.item(s[.postalCode], c.postalCode)
        flow.item(s[.industry], c.industry)
        flow.newLine()
        flow.item(s[.phone], c.phone, role: .cardEmphasis)
        flow.item(s[.fax], c.fax)
        flow.item(s[.creditLevel], c.creditLevel.map { s.label($0) } ?? "")
        flow.item(s.label(FormField.Name.creditLine), c.creditLineYuan.map { s.yuan($0) } ?? "")
        flow.item(s.label(FormField.Name.customerNature), c.nature)
        if c.status == .invalid, !c.invalidReason.isEmpty {
            flow.newLine()
            flow.item(s.label(FormField.Name.invalidReason), c.invalidReason, role: .overdue)
        }
        flow.newLine()
        flow.item(s[.owner], detail.ownerName ?? s[.noOwnerPool])
        flow.item(s[.team], detail.teamName ?? "")
        flow.item(s[.provinceCity], [c.province, c.city].filter { !$0.isEmpty }.joined(separator: " "))
        flow.newLine()
        contactLines(detail.contacts, width: width, strings: s).forEach { flow.line($0) }
        cardLines(detail.cards, width: width, today: today, strings: s).forEach { flow.line($0) }
        orderLines(detail.recentOrders, width: width, strings: s).forEach { flow.line($0) }
        if detail.outstandingYuan > 0 {
            flow.newLine()
            flow.item(s.outstandingTotalLabel, s.yuan(detail.outstandingYuan), role: .overdue)
        }
        if let lead = detail.lead {
            flow.newLine()
            let verdict = s[lead.verdict.effective ? .leadEffective : .leadIneffective]
            flow.item(s[.leadLabel], ([verdict, lead.judgeName, lead.verdict.judgedAt.date.monthDay] + (lead.verdict.note.isEmpty ? [] : [lead.verdict.note]))
                .joined(separator: " · "), role: lead.verdict.effective ? .cardEmphasis : .overdue)
        }
        flow.newLine()
        flow.item(s[.legalRepresentative], c.legalRepresentative)
        flow.item(s[.registeredCapital], c.registeredCapitalWan.map { s.yuan($0 * 10_000) } ?? "")
        flow.item(s[.yearsInBusiness], c.yearsInBusiness.map { "\($0) \(s[.years])" } ?? "")
        flow.item(s[.businessCondition], c.businessCondition)
        flow.item(s[.mainProducts], c.mainProducts)
        flow.item(s[.supplierStructure], c.supplierStructure)
        flow.item(s[.website], c.website)
        flow.item(s[.email], c.email)
        flow.item(s[.region], c.region)
        flow.item(s[.lastOrder], c.lastOrderOn?.description ?? "")
        flow.item(s[.developmentRecord], c.developmentRecordNumber)
        flow.item(s[.formerCodes], detail.formerCodes.joined(separator: " "))
        flow.item(s[.created], c.createdAt.date.description)
        flow.item(s[.updated], c.updatedAt.date.description)
        flow.newLine()
        flow.item(s[.notes], c.notes)
        return flow.finish()
    }

    /// One line per contact, columns aligned by display width: name, position, mobile.
    static func contactLines(_ contacts: [Contact], width: Int, strings s: Strings) -> [StyledLine] {
        guard !contacts.isEmpty else { return [] }
        let label = s[.contacts]
        let labelWidth = DisplayWidth.of(label) + 2
        let nameWidth = min(8, contacts.map { DisplayWidth.of($0.name) }.max() ?? 0)
        let positionWidth = min(10, contacts.map { DisplayWidth.of($0.position) }.max() ?? 0)
        return contacts.enumerated().flatMap { index, contact in
            var line: StyledLine = [Span(TextLayout.fit(index == 0 ? label : "", to: labelWidth), .cardLabel)]
            line.append(Span(TextLayout.fit(contact.name, to: nameWidth) + " ", .cardValue))
            line.append(Span(TextLayout.fit(contact.position, to: positionWidth) + " ", .cardLabel))
            let phone = contact.mobile.isEmpty ? contact.phone : contact.mobile
            line.append(Span(phone, .cardEmphasis))
            if contact.isDecisionMaker { line.append(Span(" " + s[.decisionMaker], .gradeVIP)) }
            return wrapSpans(line, width: width, indent: labelWidth)
        }
    }

    /// The newest orders: date, amount, product, contract number, and where the contract
    /// stands — awaiting approval (by whom), rejected, or approved with what has shipped,
    /// been received and is still owed, until it is settled.
    static func orderLines(_ orders: [Order], width: Int, strings s: Strings) -> [StyledLine] {
        guard !orders.isEmpty else { return [] }
        let label = s[.orders]
        let labelWidth = DisplayWidth.of(label) + 2
        return orders.enumerated().flatMap { index, order in
            var line: StyledLine = [Span(TextLayout.fit(index == 0 ? label : "", to: labelWidth), .cardLabel)]
            line.append(Span(order.date.description + " ", .cardValue))
            line.append(Span(s.yuan(order.amountYuan), .cardEmphasis))
            line += [order.product, order.contractNumber].filter { !$0.isEmpty }.map { Span(" · " + $0, .cardValue) }
            switch order.state {
            case .pending:
                line.append(Span(" · " + s.label(order.state) + (order.approver.map { " " + s.label($0) } ?? ""), .dueToday))
            case .rejected:
                line.append(Span(" · " + s.label(order.state), .overdue))
            case .approved:
                if let settled = order.settledOn { line.append(Span(" · \(s[.settled]) \(settled.description)", .cardLabel)) }
                else { line.append(Span(" · " + s.orderMoney(order), order.outstandingYuan > 0 ? .overdue : .cardLabel)) }
            }
            return wrapSpans(line, width: width, indent: labelWidth)
        }
    }

    /// Open cards: level, product, purchase type, budget, and the next visit, overdue in
    /// the overdue role. Closed cards get one short line.
    static func cardLines(_ cards: [IntentCard], width: Int, today: LocalDate, strings s: Strings) -> [StyledLine] {
        guard !cards.isEmpty else { return [] }
        let label = s[.intentCard]
        let labelWidth = DisplayWidth.of(label) + 2
        return cards.enumerated().flatMap { index, card in
            var line: StyledLine = [Span(TextLayout.fit(index == 0 ? label : "", to: labelWidth), .cardLabel)]
            line.append(Span(card.level.rawValue, .timelineLevel))
            // The intent score beside the level it suggests.
            if let score = card.intentScore { line.append(Span(" \(s.label(FormField.Name.cardScore)) \(score)", .cardValue)) }
            var parts = [card.product, s.label(card.purchaseType)].filter { !$0.isEmpty }
            if let budget = card.budgetYuan { parts.append("\(s[.budget]) \(s.yuan(budget))") }
            line += parts.map { Span(" · " + $0, .cardValue) }
            if card.state.isClosed || card.state == .defeatPending {
                line.append(Span(" · " + s.label(card.state), card.state == .defeatPending ? .overdue : .cardLabel))
                let reason = [card.closeReason, card.competitor].filter { !$0.isEmpty }.joined(separator: " · ")
                if !reason.isEmpty { line.append(Span(" · " + reason, .cardLabel)) }
            }
            if let reason = card.returnReason {
                line.append(Span(" · \(s[.returnedBecause])：\(reason)", .overdue))
            }
            if card.state == .lost, card.defeatDoubtful { line.append(Span(" · " + s[.doubtfulDefeatMark], .overdue)) }
            if !card.state.isClosed, let next = card.nextVisitOn {
                let late = card.daysOverdue(on: today) ?? 0
                let role: ThemeRole = next < today ? .overdue : next == today ? .dueToday : .cardValue
                line.append(Span(" → \(s[.nextVisit]) \(next.monthDay)" + (late > 0 ? " " + s.overdueDays(late) : ""), role))
            }
            var lines = wrapSpans(line, width: width, indent: labelWidth)
            if !card.state.isClosed { lines += wholeCard(card, width: width, indent: labelWidth, strings: s) }
            return lines
        }
    }

    /// The rest of an open card, compactly and only what is filled in: its number and
    /// date, the person, the need, the analysis.
    static func wholeCard(_ card: IntentCard, width: Int, indent: Int, strings s: Strings) -> [StyledLine] {
        func part(_ name: FormField.Name, _ value: String) -> String? { value.isEmpty ? nil : "\(s.label(name)) \(value)" }
        let pad = String(repeating: " ", count: indent)
        let gender = card.gender.map { s.columns(.maleFemale)[$0 == .male ? 1 : 2] }
        let age: String? = card.age.map { s.language == .zh ? "\($0)岁" : "\($0) y" }
        let who: String = [card.personName, gender, age].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
        let person: [String?] = [who, card.occupation, card.residence,
                                 part(.cardCallback, card.bestCallbackTime), part(.cardCurrentProduct, card.currentProduct),
                                 part(.cardMainUser, card.mainUser), part(.cardPurpose, card.purpose), part(.cardSituation, card.situation)]
        let need: [String?] = [part(.cardModel, card.model), card.colour.isEmpty ? nil : card.colour,
                               part(.cardFocus, card.focusPoints.joined(separator: "、")), part(.cardLiked, card.likedPoints),
                               part(.cardCompared, card.comparedProducts), part(.cardPayment, card.paymentMethod)]
        let analysis: [String?] = [part(.cardFavourable, card.favourable), part(.cardUnfavourable, card.unfavourable),
                                   part(.cardResources, card.resourcesNeeded), part(.cardObjections, card.objections)]
        let r = card.register
        let times = [r.arrivedAt, r.leftAt].filter { !$0.isEmpty }.joined(separator: "–")
        let visit: [String?] = [times.isEmpty ? nil : "\(s.label(FormField.Name.arrivedAt)) \(times)",
                                r.companions.map { "\(s.label(FormField.Name.companions)) \($0)" },
                                r.trialGiven ? s.label(FormField.Name.trialGiven) + " ✓" : nil,
                                part(.callbackPurpose, r.callbackPurpose)]
        let head = ([card.number + " · \(s[.created]) \(card.createdOn)"] + visit.compactMap { $0 }).joined(separator: " · ")
        // The name alone says no more than the card's contact: a person line only with more.
        let known = person.compactMap { $0 }.filter { !$0.isEmpty }
        let groups: [[String]] = [[head], known == [who] ? [] : known, need.compactMap { $0 }, analysis.compactMap { $0 }]
        let texts: [String] = groups.map { $0.filter { !$0.isEmpty }.joined(separator: " · ") }.filter { !$0.isEmpty }
        return texts
            .flatMap { text in TextLayout.wrap(text, width: max(8, width - indent)).map { [Span(pad + $0, .cardValue)] } }
    }
}
