import Foundation
import Testing
import KehuCore
@testable import KehuStore
@testable import KehuApp

/// Funnel, 80/20, defeats and sources on fixed data with known answers, and empty periods.
struct ManagerReportTests {
    func archive(_ scratch: Scratch) throws -> (KehuDatabase, [Int64]) {
        let db = try KehuDatabase.open(path: scratch.path + "/reports.db")
        let actor = Actor(login: "admin", clock: FixedClock(fixedNow))
        let owner = try db.add(User(login: "zhangwei", displayName: "张伟", role: .salesperson), by: actor)
        var ids: [Int64] = []
        for n in 1...10 {
            var c = Customer(code: String(format: "Cb-粤GZ%04d", n), name: "客户\(n)", createdAt: fixedNow)
            c.ownerID = owner
            ids.append(try db.add(c, by: actor))
        }
        // Orders: customer 1 alone has 70% of the value, 2 has 10%, the other eight 2.5% each.
        for (index, amount) in [700_000, 100_000, 25_000, 25_000, 25_000, 25_000, 25_000, 25_000, 25_000, 25_000].enumerated() {
            try db.recordOrder(customerID: ids[index], deal: Deal(product: "叉车", amountYuan: amount, date: LocalDate(year: 2026, month: 10, day: 5)!),
                               by: actor)
        }
        // Cards: A with a visit (stage A), B with a visit, C without any (stage D); sources differ.
        for (index, level, source, budget, visited) in [(0, IntentLevel.a, LeadSource.walkIn, 200_000, true), (1, .b, .callIn, 100_000, true),
                                                         (2, .c, .callIn, 50_000, false), (3, .b, .referral, 80_000, true)] {
            var card = IntentCard(customerID: ids[index], number: "YX\(index)", createdOn: LocalDate(year: 2026, month: 10, day: 1)!,
                                  source: source, filledByID: owner, personName: "王", level: level)
            card.budgetYuan = budget
            card.nextVisitOn = fixedNow.date.adding(days: 3)
            let cardID = try db.add(card, by: actor)
            if visited {
                try db.add(Activity(customerID: ids[index], cardID: cardID, visitNumber: 1, method: .phone, occurredAt: fixedNow,
                                    handlerID: owner, content: "回访"), by: actor)
            }
        }
        // Card 3 is given up: a defeat application, then approved.
        let card = try #require(try db.openCard(customerID: ids[3]))
        var application = DefeatApplication(reason: "价格高于竞品")
        application.competitor = "林德"
        application.chosenProduct = "电动叉车"
        try db.applyForDefeat(cardID: card.id!, application: application, by: actor)
        return (db, ids)
    }

    @Test func funnelStagesAndForecast() throws {
        let (db, _) = try archive(Scratch())
        let report = try db.funnel()
        #expect(report.stages.map(\.cards) == [1, 2, 0, 1])                  // A, B, C, D
        #expect(report.stages.map(\.amountYuan) == [200_000, 180_000, 0, 50_000])
        #expect(report.forecastYuan == 160_000 + 90_000 + 0 + 2_500)
        try db.setSetting("funnel.probability.A", to: "90", by: Actor(login: "admin", clock: FixedClock(fixedNow)))
        #expect(try db.funnel().forecastYuan == 180_000 + 90_000 + 2_500)
        let text = ManagerReportPresenter.funnel(report, strings: Strings(.zh)).rendered(as: .text)
        #expect(text.contains("25.3万"), "\(text)")
        #expect(text.split(separator: "\n").contains { $0.hasPrefix("  A ") && $0.contains("20万") && $0.contains("80%") && $0.contains("16万") })
    }

    @Test func paretoFindsTheFewWhoMatter() throws {
        let (db, _) = try archive(Scratch())
        let october = try db.pareto(from: LocalDate(year: 2026, month: 10, day: 1)!, to: LocalDate(year: 2026, month: 10, day: 31)!)
        let values = october.customers.map(\.amountYuan)
        #expect(Pareto.count(reaching: 0.8, of: values) == 2)
        #expect(abs(Pareto.share(ofTop: 0.2, of: values) - 0.8) < 0.0001)
        let csv = ManagerReportPresenter.pareto(october, from: LocalDate(year: 2026, month: 10, day: 1)!, to: LocalDate(year: 2026, month: 10, day: 31)!,
                                                strings: Strings(.en)).rendered(as: .csv)
        // For programs: amounts in yuan, ratios as numbers.
        #expect(csv.contains("1,Ca-粤GZ0001,客户1,700000,0.7000\r\n2,Ca-粤GZ0002,客户2,100000,0.8000\r\n"), "\(csv)")
        let text = ManagerReportPresenter.pareto(october, from: LocalDate(year: 2026, month: 10, day: 1)!, to: LocalDate(year: 2026, month: 10, day: 31)!,
                                                 strings: Strings(.en)).rendered(as: .text)
        #expect(text.contains("¥700,000") && text.contains("70.0%"), "\(text)")
        let september = try db.pareto(from: LocalDate(year: 2026, month: 9, day: 1)!, to: LocalDate(year: 2026, month: 9, day: 30)!)
        #expect(september.customers.isEmpty)
        #expect(ManagerReportPresenter.pareto(september, from: LocalDate(year: 2026, month: 9, day: 1)!, to: LocalDate(year: 2026, month: 9, day: 30)!,
                                              strings: Strings(.en)).rendered(as: .text).contains("80/20 (0)\n  none"))
    }

    /// Every report in every format: text lines up, CSV has its header rows, JSON parses
    /// with the same sections — for a period with data and for an empty one.
    @Test func everyReportInEveryFormat() throws {
        let (db, _) = try archive(Scratch())
        for period in [(LocalDate(year: 2026, month: 10, day: 1)!, LocalDate(year: 2026, month: 11, day: 22)!),
                       (LocalDate(year: 2025, month: 1, day: 1)!, LocalDate(year: 2025, month: 1, day: 31)!)] {
            let s = Strings(.en)
            let tables = [
                ChurnReportPresenter.table(try db.churnReport(from: period.0, to: period.1, today: fixedNow.date), strings: s),
                ManagerReportPresenter.funnel(try db.funnel(), strings: s),
                ManagerReportPresenter.kpi(try db.kpi(from: period.0, to: period.1, today: fixedNow.date), targets: try db.kpiTargets(),
                                           from: period.0, to: period.1, strings: s),
                ManagerReportPresenter.pareto(try db.pareto(from: period.0, to: period.1), from: period.0, to: period.1, strings: s),
                ManagerReportPresenter.defeats(try db.defeats(from: period.0, to: period.1), from: period.0, to: period.1, strings: s),
                ManagerReportPresenter.sources(try db.sources(from: period.0, to: period.1), from: period.0, to: period.1, strings: s),
                ManagerReportPresenter.vipProgress(try db.vipProgress(from: period.0, to: period.1), from: period.0, to: period.1, strings: s),
            ]
            #expect(tables.map(\.name) == ["churn", "funnel", "kpi", "pareto", "defeats", "sources", "vip-progress"])
            for table in tables {
                let text = table.rendered(as: .text)
                #expect(text.hasPrefix(table.title + "\n"))
                let csv = table.rendered(as: .csv)
                // CSV and JSON carry no bars (the unnamed picture columns) and no glyphs of them.
                #expect(!csv.contains("█") && !table.rendered(as: .json).contains("█"))
                for section in table.sections where !section.columns.isEmpty {
                    let named = section.columns.filter { !$0.isEmpty }
                    #expect(csv.contains(named.joined(separator: ",")) || named.contains { $0.contains(",") }, "\(table.name)")
                }
                let json = try #require(try JSONSerialization.jsonObject(with: Data(table.rendered(as: .json).utf8)) as? [String: Any])
                #expect(json["report"] as? String == table.name)
                #expect((json["sections"] as? [[String: Any]])?.count == table.sections.count)
            }
        }
    }

    @Test func defeatsAndSources() throws {
        let (db, _) = try archive(Scratch())
        let period = (LocalDate(year: 2026, month: 10, day: 1)!, LocalDate(year: 2026, month: 11, day: 30)!)
        let defeats = try db.defeats(from: period.0, to: period.1)
        #expect(defeats.defeats.map(\.reason) == ["价格高于竞品"] && defeats.defeats.first?.competitor == "林德")
        let json = ManagerReportPresenter.defeats(defeats, from: period.0, to: period.1, strings: Strings(.zh)).rendered(as: .json)
        #expect(json.contains("\"电动叉车\""))
        let sources = try db.sources(from: period.0, to: period.1)
        #expect(sources.sources.filter { $0.leads > 0 }.map { "\($0.source.rawValue) \($0.leads)" } == ["walkIn 1", "callIn 2", "referral 1"])
        #expect(try db.sources(from: LocalDate(year: 2025, month: 1, day: 1)!, to: LocalDate(year: 2025, month: 12, day: 31)!)
            .sources.allSatisfy { $0.leads == 0 })
        #expect(try db.defeats(from: LocalDate(year: 2025, month: 1, day: 1)!, to: LocalDate(year: 2025, month: 12, day: 31)!).defeats.isEmpty)
    }
}

struct VIPProgressTests {
    @Test func countsFollowGradeChangesAndStagesFollowTheLevels() throws {
        let scratch = Scratch()
        let db = try KehuDatabase.open(path: scratch.path + "/vip.db")
        let september = Actor(login: "admin", clock: FixedClock(LocalDateTime(date: LocalDate(year: 2026, month: 9, day: 10)!, hour: 9, minute: 0)!))
        let october = Actor(login: "admin", clock: FixedClock(LocalDateTime(date: LocalDate(year: 2026, month: 10, day: 20)!, hour: 9, minute: 0)!))
        let owner = try db.add(User(login: "zhangwei", displayName: "张伟", role: .salesperson), by: september)
        var ids: [Int64] = []
        for n in 1...3 {
            var c = Customer(code: "Cb-粤GZ000\(n)", name: "客户\(n)", createdAt: september.clock.now)
            c.grade = .general; c.ownerID = owner
            ids.append(try db.add(c, by: september))
        }
        func regrade(_ id: Int64, _ grade: CustomerGrade, _ actor: Actor) throws {
            let before = try #require(try db.customer(id: id))
            var after = before
            after.grade = grade
            try db.update(customer: before, to: after, by: actor)
        }
        try regrade(ids[0], .potentialVIP, september)    // joins in September
        try regrade(ids[1], .potentialVIP, september)
        try regrade(ids[1], .general, october)           // leaves in October
        try regrade(ids[2], .potentialVIP, october)      // joins in October
        for (number, method, actor, level) in [(1, ContactMethod.phone, september, IntentLevel.c), (2, .onSite, october, .a)] {
            var visit = Activity(customerID: ids[0], visitNumber: number, method: method, occurredAt: actor.clock.now, handlerID: owner, content: "跟进")
            visit.levelJudged = level
            try db.add(visit, by: actor)
        }
        let report = try db.vipProgress(from: LocalDate(year: 2026, month: 8, day: 1)!, to: LocalDate(year: 2026, month: 10, day: 31)!)
        #expect(report.months.map { "\($0.month) \($0.count) +\($0.joined) -\($0.left)" } == ["2026-08 0 +0 -0", "2026-09 2 +2 -0", "2026-10 2 +1 -1"])
        #expect(report.customers.map(\.code) == ["Cb-粤GZ0001", "Cb-粤GZ0003"])
        #expect(report.customers[0].stages == [nil, .c, .a])
        let csv = ManagerReportPresenter.vipProgress(report, from: LocalDate(year: 2026, month: 8, day: 1)!, to: LocalDate(year: 2026, month: 10, day: 31)!,
                                                     strings: Strings(.zh)).rendered(as: .csv)
        #expect(csv.contains("Cb-粤GZ0001,客户1,张伟,—,C,A\r\n"))
    }
}
