import Dispatch
import Foundation
import KehuCore
@testable import KehuStore
import Testing

/// What kehu does when PostgreSQL goes away under it: a connection the server ended is
/// an error to tell, not a wait for ever, and the next read connects again.
@Suite(.enabled(if: TestEngine.isPostgres, "PostgreSQL's connections (KEHU_TEST_ENGINE=postgresql)"))
struct PostgresConnectionTests {
    @Test func aConnectionTheServerEndedIsReportedAndReplaced() throws {
        let folder = TemporaryFolder()
        let db = try folder.store("ended.db")
        try db.add(sampleCustomer("Ca-粤GZ0001", "广州华南机械"), by: testActor)
        #expect(try db.customerCount() == 1)
        // The server ends every connection to this database (a restart, an administrator).
        let name = try #require(folder.postgresDatabases["ended.db"])
        try TestEngine.administer("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '\(name)'")
        let answered = DispatchSemaphore(value: 0)
        let outcome = OutcomeBox()
        DispatchQueue.global().async {
            outcome.set(Result { try db.customerCount() })
            answered.signal()
        }
        // A hang is the failure looked for: waited for at most half a minute.
        try #require(answered.wait(timeout: .now() + 30) == .success, "a read on an ended connection never returned")
        if case .failure(let error) = outcome.get() {
            #expect(error is StoreError, "\(error)")
        }
        #expect(try db.customerCount() == 1)
    }

    final class OutcomeBox: @unchecked Sendable {
        private let lock = NSLock()
        private var value: Result<Int, Error>?
        func set(_ result: Result<Int, Error>) { lock.withLock { value = result } }
        func get() -> Result<Int, Error>? { lock.withLock { value } }
    }
}
