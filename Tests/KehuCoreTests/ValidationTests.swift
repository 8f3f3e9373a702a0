import Testing
@testable import KehuCore

struct ValidationTests {
    let created = LocalDateTime(date: LocalDate(year: 2026, month: 11, day: 22)!, hour: 9, minute: 30)!

    @Test func aCompleteCustomerPasses() {
        var customer = Customer(code: "Ba-粤GZ0012", name: "广州华南机电有限公司", createdAt: created)
        customer.phone = "020-8888 6666"
        customer.email = "sales@huanan.com.cn"
        #expect(customer.validate().isEmpty)
    }

    @Test func eachProblemNamesItsField() {
        var customer = Customer(code: " ", name: "　", createdAt: created)   // ideographic space only
        customer.phone = "020-abc"
        customer.email = "nope"
        customer.registeredCapitalWan = -5
        customer.type = .other
        let errors = customer.validate()
        #expect(errors.contains(.required(field: .customerName)))
        #expect(errors.contains(.required(field: .customerCode)))
        #expect(errors.contains(.badPhone(field: .customerPhone, value: "020-abc")))
        #expect(errors.contains(.badEmail(field: .customerEmail, value: "nope")))
        #expect(errors.contains(.negative(field: .registeredCapital)))
        #expect(errors.contains(.required(field: .customerTypeOther)))
        #expect(errors.map(\.field).count == 6)
    }

    @Test func aContactMobileMustBeAMobile() {
        var contact = Contact(customerID: 1, name: "王芳")
        contact.mobile = "１３９ ２２２２ ３３３３"
        #expect(contact.validate().isEmpty)
        contact.mobile = "020-8888 6666"
        #expect(contact.validate() == [.badMobile(field: .contactMobile, value: "020-8888 6666")])
    }

    @Test func aNextVisitCannotBeBeforeTheVisit() {
        var activity = Activity(customerID: 1, visitNumber: 1, method: .phone, occurredAt: created, handlerID: 1, content: "询价")
        activity.nextVisitOn = created.date.adding(days: -1)
        #expect(activity.validate() == [.dateBefore(field: .nextVisit, value: created.date.adding(days: -1), earliest: created.date)])
        activity.nextVisitOn = created.date
        activity.content = ""
        #expect(activity.validate() == [.required(field: .activityContent)])
    }

    @Test func cardsKnowHowLateTheyAre() {
        let today = created.date
        var card = IntentCard(customerID: 1, number: "YX1", createdOn: today, source: .walkIn, filledByID: 1, personName: "李娜", level: .a)
        #expect(card.daysOverdue(on: today) == nil)
        card.nextVisitOn = today.adding(days: -3)
        #expect(card.daysOverdue(on: today) == 3)
        card.nextVisitOn = today
        #expect(card.daysOverdue(on: today) == 0)
        card.state = .won
        #expect(card.daysOverdue(on: today) == nil)
        card.age = 200
        #expect(card.validate() == [.outOfRange(field: .cardAge, value: "200")])
    }

    @Test func levelsSortHottestFirstAndHaveSpecCadence() {
        #expect(IntentLevel.allCases.sorted(by: >) == [.h, .a, .b, .c])
        #expect(IntentLevel.allCases.map(\.defaultCadenceDays) == [0, 7, 14, 30])
    }

    @Test func codeLettersFollowGradeAndStatus() {
        #expect(CustomerGrade.vip.letter == "A")
        #expect(CustomerGrade.potentialKey.letter == "B")
        #expect(CustomerGrade.image.letter == "I")
        #expect(CustomerStatus.lost.letter == "c")
        #expect(Customer(code: "Aa-粤GZ0001", name: "x", createdAt: created).developmentRecordNumber == "Aa-粤GZ0001KF")
    }

    @Test func theSameSeedGivesTheSameSequence() {
        var a = SeededRandom(seed: 42), b = SeededRandom(seed: 42), c = SeededRandom(seed: 43)
        let first = (0..<20).map { _ in a.int(in: 0...1000) }
        #expect(first == (0..<20).map { _ in b.int(in: 0...1000) })
        #expect(first != (0..<20).map { _ in c.int(in: 0...1000) })
        #expect(first.allSatisfy { (0...1000).contains($0) })
    }
}
