import Foundation
import KehuCore
@testable import KehuStore

/// A fresh folder per test, removed afterwards; databases inside it are real files, so
/// WAL, locking and migrations behave as in production.
final class TemporaryFolder {
    let path: String

    init() {
        path = NSTemporaryDirectory() + "kehu-test-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func file(_ name: String) -> String { path + "/" + name }
}

let testNow = LocalDateTime(date: LocalDate(year: 2026, month: 11, day: 22)!, hour: 9, minute: 41)!
let testActor = Actor(login: "zhangwei", clock: FixedClock(testNow))

func sampleCustomer(_ code: String, _ name: String) -> Customer {
    var customer = Customer(code: code, name: name, createdAt: testNow)
    customer.city = "广州"
    customer.province = "广东"
    customer.phone = "020-8888 6666"
    return customer
}
