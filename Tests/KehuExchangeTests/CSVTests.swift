import Testing
import KehuExchange

struct CSVTests {
    @Test func csvAsExcelWritesIt() throws {
        let text = "\u{FEFF}名称,备注\r\n\"广州\"\"华南\"\"机电\",\"一, 二\r\n三\"\r\n\r\n深圳,\n"
        let rows = try CSVReader.rows(text)
        #expect(rows.map(\.fields) == [["名称", "备注"], ["广州\"华南\"机电", "一, 二\r\n三"], ["深圳", ""]])
        // Numbered as a spreadsheet shows them: the two-line cell is one row, the blank
        // line an empty row 3.
        #expect(rows.map(\.line) == [1, 2, 4])
        #expect(throws: CSVReader.Problem.unclosedQuote(line: 2)) { try CSVReader.rows("a,b\n\"open,x\n") }
    }

    @Test func whatTheWriterWritesTheReaderReadsBack() throws {
        let rows = [["名称", "备注"], ["广州\"华南\"机电", "一, 二\r\n三"], ["深圳，全角逗号", ""]]
        let data = CSVWriter.data(rows)
        #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let read = try CSVReader.rows(String(decoding: data, as: UTF8.self))
        #expect(read.map(\.fields) == rows)
    }
}
