import Foundation
import Testing
@testable import Formats

@Suite struct XLSXWriterTests {
    /// A workbook with two sheets, typed cells, a merged two-row header and Vietnamese text.
    static func writeSample(to url: URL) throws {
        let writer = try XLSXWriter(url: url, title: "Thống kê", author: "hostrun")
        try writer.beginSheet(name: "Thống kê TTHC", columnWidths: [30], frozenRows: 2)
        try writer.appendRow([.header("Lĩnh vực"), .header("Tiếp nhận"), .header(""), .header("Tỷ lệ"), .header("Ngày")])
        try writer.appendRow([.header(""), .header("Trực tuyến"), .header("Trực tiếp"), .header(""), .header("")])
        writer.mergeCells(XLSXCellRange(reference: "A1:A2")!)
        writer.mergeCells(XLSXCellRange(reference: "B1:C1")!)
        writer.mergeCells(XLSXCellRange(reference: "D1:D2")!)
        writer.mergeCells(XLSXCellRange(reference: "E1:E2")!)
        try writer.appendRow([
            XLSXWriteCell(.text("Hộ tịch")), XLSXWriteCell(.integer(4098), format: .integer),
            XLSXWriteCell(.integer(54), format: .integer), XLSXWriteCell(.number(0.987), format: .percent(2)),
            XLSXWriteCell(.date(XLSXDateTime(year: 2026, month: 5, day: 25))),
        ])
        try writer.appendRow([
            XLSXWriteCell(.text("Tổng cộng"), bold: true), XLSXWriteCell(.integer(4152), format: .integer, bold: true),
            XLSXWriteCell(.empty), XLSXWriteCell(.bool(true)),
            XLSXWriteCell(.date(XLSXDateTime(year: 2026, month: 1, day: 5, hour: 8, minute: 30))),
        ])
        try writer.beginSheet(name: "Thống kê TTHC")  // a duplicate name gets a number
        try writer.appendRow([XLSXWriteCell(.text("  khoảng trắng & <ký tự> \"đặc biệt\"\ndòng 2"))])
        try writer.close()
    }

    @Test func roundTripsThroughOurReader() throws {
        let url = try Fixture.scratchDirectory().appendingPathComponent("out.xlsx")
        try Self.writeSample(to: url)
        let workbook = try XLSXWorkbook(url: url)
        #expect(workbook.sheetNames == ["Thống kê TTHC", "Thống kê TTHC (2)"])
        let reader = try workbook.rows(sheet: .index(0))
        #expect(Set(reader.mergedRanges.map(\.description)) == ["A1:A2", "B1:C1", "D1:D2", "E1:E2"])
        let rows = try reader.allRows()
        #expect(rows[2].cells == [.text("Hộ tịch"), .number(4098), .number(54), .number(0.987),
                                  .date(XLSXDateTime(year: 2026, month: 5, day: 25))])
        #expect(rows[3][4] == .date(XLSXDateTime(year: 2026, month: 1, day: 5, hour: 8, minute: 30)))
        #expect(rows[3][3] == .bool(true))
        let table = try workbook.table(sheet: .index(0), expecting: ["Tiếp nhận / Trực tuyến", "Tỷ lệ"])
        #expect(table.header.columns.names == ["Lĩnh vực", "Tiếp nhận / Trực tuyến", "Tiếp nhận / Trực tiếp", "Tỷ lệ", "Ngày"])
        let second = try workbook.rows(sheet: .index(1)).allRows()
        #expect(second[0][0] == .text("  khoảng trắng & <ký tự> \"đặc biệt\"\ndòng 2"))
    }

    @Test func openpyxlReadsTypesStylesFrozenPaneAndWidths() throws {
        let url = try Fixture.scratchDirectory().appendingPathComponent("out.xlsx")
        try Self.writeSample(to: url)
        let json = try JSONSerialization.jsonObject(with: Python.runScript("openpyxl-dump.py", arguments: [url.path]))
        let sheets = try #require((json as? [String: Any])?["sheets"] as? [[String: Any]])
        #expect(sheets.map { $0["name"] as? String } == ["Thống kê TTHC", "Thống kê TTHC (2)"])
        let first = sheets[0]
        #expect(first["freeze"] as? String == "A3")
        #expect((first["widths"] as? [String: Double])?["A"] == 30)
        #expect(first["merged"] as? [String] == ["A1:A2", "B1:C1", "D1:D2", "E1:E2"])
        let rows = try #require(first["rows"] as? [[[String: Any]]])
        #expect(rows[0][0]["value"] as? String == "Lĩnh vực")
        #expect(rows[0][0]["bold"] as? Bool == true)
        #expect(rows[2][1]["type"] as? String == "int")
        #expect(rows[2][1]["value"] as? Int == 4098)
        #expect(rows[2][1]["format"] as? String == "#,##0")
        #expect(rows[2][3]["value"] as? Double == 0.987)
        #expect(rows[2][3]["format"] as? String == "0.00%")
        #expect(rows[2][4]["value"] as? String == "2026-05-25T00:00:00")
        #expect(rows[3][4]["value"] as? String == "2026-01-05T08:30:00")
        #expect(rows[3][3]["type"] as? String == "bool")
        #expect(rows[3][0]["bold"] as? Bool == true)
        #expect(rows[2][0]["bold"] as? Bool == false)
    }

    @Test func aReaderDroppedMidSheetStopsItsProducer() throws {
        let url = try Fixture.scratchDirectory().appendingPathComponent("long.xlsx")
        let writer = try XLSXWriter(url: url)
        try writer.beginSheet(name: "Dài")
        for i in 0..<20_000 { try writer.appendRow([XLSXWriteCell(.integer(i)), XLSXWriteCell(.text("Hồ sơ \(i % 50)"))]) }
        try writer.close()
        let workbook = try XLSXWorkbook(url: url)
        // Far more rows than the channel holds: the producer blocks until each reader goes away.
        for _ in 0..<5 {
            let reader = try workbook.rows(sheet: .index(0))
            #expect(try reader.nextRow()?[0] == .number(0))
        }
        let reader = try workbook.rows(sheet: .index(0))
        var count = 0
        while let row = try reader.nextRow() {
            #expect(row.number == count + 1)
            count += 1
        }
        #expect(count == 20_000)
    }
}
