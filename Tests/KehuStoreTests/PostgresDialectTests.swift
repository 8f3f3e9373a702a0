import GRDB
@testable import KehuStore
import Testing

/// The SQL the store writes once, as PostgreSQL reads it.
struct PostgresDialectTests {
    @Test func marksAreNumberedAndNumberedMarksKeepTheirNumber() {
        #expect(PostgresDialect.rewrite("SELECT * FROM t WHERE a = ? AND b = ?") == "SELECT * FROM t WHERE a = $1 AND b = $2")
        #expect(PostgresDialect.rewrite("WHERE a > ?1 AND b BETWEEN ?2 AND ?3 OR c = ?1") == "WHERE a > $1 AND b BETWEEN $2 AND $3 OR c = $1")
        // Quoted text and comments keep their question marks.
        #expect(PostgresDialect.rewrite("SELECT '?', \"a?\" -- why?\nFROM t WHERE x = ?") == "SELECT '?', \"a?\" -- why?\nFROM t WHERE x = $1")
        #expect(PostgresDialect.rewrite("SELECT 'it''s ?' WHERE x = ?") == "SELECT 'it''s ?' WHERE x = $1")
    }

    @Test func isComparesNullsAsSQLiteDoesAndANullTestedMarkGetsAType() {
        #expect(PostgresDialect.rewrite("WHERE teamID IS ? AND ownerID IS NOT ?")
                == "WHERE teamID IS NOT DISTINCT FROM $1 AND ownerID IS DISTINCT FROM $2")
        #expect(PostgresDialect.rewrite("WHERE (? IS NULL OR c.teamID = ?)") == "WHERE ($1::text IS NULL OR c.teamID = $2)")
        #expect(PostgresDialect.rewrite("WHERE x IS NULL AND this = ?") == "WHERE x IS NULL AND this = $1")
    }

    @Test func sqliteOnlyWordsBecomePostgresOwn() {
        #expect(PostgresDialect.rewrite("FROM activities a INDEXED BY activities_card WHERE a.id = ?") == "FROM activities a WHERE a.id = $1")
        #expect(PostgresDialect.rewrite("FROM formerCodes f CROSS JOIN customers c ON c.id = f.customerID")
                == "FROM formerCodes f JOIN customers c ON c.id = f.customerID")
        #expect(PostgresDialect.rewrite("FROM a CROSS JOIN b") == "FROM a CROSS JOIN b")
        #expect(PostgresDialect.rewrite("SELECT instr(s.text, ?1) > 0, ifnull(x, ''), ?2 || char(1114111)")
                == "SELECT strpos(s.text, $1) > 0, coalesce(x, ''), $2 || chr(1114111)")
        #expect(PostgresDialect.rewrite("SET n = max(t.n, excluded.n), m = MAX(t.m), k = min(a, (b), c)")
                == "SET n = greatest(t.n, excluded.n), m = MAX(t.m), k = least(a, (b), c)")
        // A name that merely ends like a function is left alone.
        #expect(PostgresDialect.rewrite("SELECT maxDays(1, 2), binstr(a, b)") == "SELECT maxDays(1, 2), binstr(a, b)")
    }

    /// A statement prepared on the connection has each mark typed as its value is (as an
    /// unnamed statement's values are sent), so it reads the same either way; a NULL is
    /// left for the server to type, and quoted text and `$$` are left alone.
    @Test func preparedStatementsTypeTheirMarksAsTheirValues() {
        let values: [DatabaseValue] = [7.databaseValue, "华南".databaseValue, .null, 1.5.databaseValue, "x".databaseValue,
                                       "y".databaseValue, "z".databaseValue, "w".databaseValue, "v".databaseValue, 10.databaseValue]
        #expect(PostgresLink.typed("SELECT * FROM c WHERE id = $1 AND name = $2 AND note IS NOT DISTINCT FROM $3 AND x > $4 AND y = '$5' AND z = $10",
                                   values)
                == "SELECT * FROM c WHERE id = $1::int8 AND name = $2::text AND note IS NOT DISTINCT FROM $3 AND x > $4::float8 AND y = '$5' AND z = $10::int8")
        #expect(PostgresLink.typed("SELECT $$a$$, $11", values) == "SELECT $$a$$, $11")
    }
}
