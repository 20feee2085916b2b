import Foundation
import Testing
@testable import Formats

@Suite struct CSVWriterTests {
    @Test func roundTripsQuotesLineBreaksAndVietnamese() throws {
        let rows = [["Mã", "Ghi chú", "Số tiền"],
                    ["A;1", "Khách nói \"gấp\"", "1.200.000"],
                    ["B2", "dòng 1\r\ndòng 2\nhết", ""],
                    ["", " khoảng trắng ", "0"]]
        for delimiter in CSVDelimiter.allCases {
            let url = try Fixture.scratchDirectory().appendingPathComponent("rt.csv")
            let writer = try CSVWriter(url: url, delimiter: delimiter, includeBOM: true)
            for row in rows { try writer.writeRow(row) }
            try writer.close()
            let reader = try CSVReader(url: url)
            #expect(reader.delimiter == delimiter)
            #expect(reader.header?.names == rows[0])
            #expect(try reader.allRows().map(\.fields) == Array(rows.dropFirst()), "delimiter \(delimiter)")
        }
    }

    @Test func quotesOnlyWhatMustBeQuoted() throws {
        let url = try Fixture.scratchDirectory().appendingPathComponent("q.csv")
        let writer = try CSVWriter(url: url, lineEnding: "\n")
        try writer.writeRow(["a", "b,c", "d\"e", "Hòa"])
        try writer.close()
        #expect(try String(contentsOf: url, encoding: .utf8) == "a,\"b,c\",\"d\"\"e\",Hòa\n")
    }
}
