import Foundation
import Testing
@testable import Formats

@Suite struct XLSXReaderTests {
    @Test func listsSheetsOfTheProvincialExport() throws {
        let workbook = try XLSXWorkbook(url: Fixture.url("mot-cua-export.xlsx"))
        #expect(workbook.sheetNames == ["Danh sách hồ sơ", "Tổng hợp", "Ghi chú"])
        #expect(workbook.dateSystem == .from1900)
    }

    @Test func findsTheTwoRowMergedHeaderPastTheTitleBlock() throws {
        let workbook = try XLSXWorkbook(url: Fixture.url("mot-cua-export.xlsx"))
        let table = try workbook.table(sheet: .name("Danh sách hồ sơ"),
                                       expecting: ["Mã hồ sơ", "Ngày / Tiếp nhận", "Ngày/Trả kết quả", "Lệ phí"])
        #expect(table.header.rows == 5...6)
        #expect(table.header.columns.names == ["STT", "Mã hồ sơ", "Tên thủ tục", "Lĩnh vực", "Ngày / Tiếp nhận",
                                               "Ngày / Hẹn trả", "Ngày / Trả kết quả", "Trạng thái", "Trực tuyến",
                                               "Lệ phí"])
        var rows: [XLSXTableRow] = []
        while let row = try table.nextRow() { rows.append(row) }
        #expect(rows.map(\.number) == [7, 8, 9])
        #expect(rows[0]["Mã hồ sơ"] == .text("000.00.21.H12-260105-0001"))
        #expect(rows[0]["Ngày / Tiếp nhận"] == .date(XLSXDateTime(year: 2026, month: 1, day: 5, hour: 8, minute: 30)))
        #expect(rows[0]["Ngày / Hẹn trả"] == .date(XLSXDateTime(year: 2026, month: 1, day: 6)))  // built-in format 14
        #expect(rows[1]["Ngày / Tiếp nhận"]?.description == "12/02/2026 14:05:30")
        #expect(rows[1]["Ngày / Trả kết quả"] == nil)
        #expect(rows[1]["Trực tuyến"] == .bool(false))
        #expect(rows[1]["Lệ phí"] == .number(100_000))
        #expect(rows[2]["Lệ phí"] == .number(2000.5))
        #expect(rows[2]["STT"] == .number(3))
    }

    @Test func missingExpectedColumnsAreNamed() throws {
        let workbook = try XLSXWorkbook(url: Fixture.url("mot-cua-export.xlsx"))
        let error = Fixture.formatError {
            _ = try workbook.table(sheet: .index(0), expecting: ["Mã hồ sơ", "Số CCCD", "Ngày / Nhận"])
        }
        #expect(error?.reason == .headerNotFound(missing: ["Số CCCD", "Ngày / Nhận"], scannedRows: 9))
        #expect(error?.location?.sheet == "Danh sách hồ sơ")
    }

    @Test func readsASecondSheetByIndexWithPercentNumbers() throws {
        let workbook = try XLSXWorkbook(url: Fixture.url("mot-cua-export.xlsx"))
        let rows = try workbook.rows(sheet: .index(1)).allRows()
        #expect(rows.count == 3)
        #expect(rows[1].cells == [.text("Hộ tịch"), .number(4266), .number(4160), .number(0.9751)])
    }

    @Test func unknownSheetListsTheAvailableOnes() throws {
        let workbook = try XLSXWorkbook(url: Fixture.url("mot-cua-export.xlsx"))
        let error = Fixture.formatError { _ = try workbook.rows(sheet: .name("Sheet1")) }
        #expect(error?.reason == .sheetNotFound(requested: "\"Sheet1\"", available: workbook.sheetNames))
        #expect(Fixture.formatError { _ = try workbook.rows(sheet: .index(3)) } != nil)
        #expect(try workbook.rows(sheet: .name("tổng  HỢP")).sheetName == "Tổng hợp")
    }

    @Test func readsHandWrittenSpreadsheetML() throws {
        let workbook = try XLSXWorkbook(url: Fixture.url("handmade-1904.xlsx"))
        #expect(workbook.sheetNames == ["Khai sinh"])
        #expect(workbook.dateSystem == .from1904)
        let rows = try workbook.rows(sheet: .index(0)).allRows()
        #expect(rows.map(\.number) == [1, 2, 4])
        #expect(rows[0].cells.map { $0?.description } == ["Họ tên", "Ngày sinh", "Số ngày", "Giờ", "Đúng hạn", "Ghi chú"])
        // Rich text joined, phonetic run left out; 44927 days after 01/01/1904.
        #expect(rows[1][0] == .text("Lê Văn Tám"))
        #expect(rows[1][1] == .date(XLSXDateTime(year: 2027, month: 1, day: 2)))
        #expect(rows[1][2] == .number(1234))  // a number format with quoted "Ngày" text, not a date
        #expect(rows[1][3] == .date(XLSXDateTime(year: 1904, month: 1, day: 1, hour: 12, minute: 30, isTimeOnly: true)))
        #expect(rows[1][3]?.description == "12:30:00")
        #expect(rows[1][4] == .bool(true))
        #expect(rows[1][5] == .text("Tổng\rhợp"))
        #expect(rows[2].cells == [.text("Trần Thị Mai"), nil, .error("#DIV/0!"), nil, .bool(false)])
    }

    @Test func readsPrefixedSpreadsheetMLAsDotNetWritesIt() throws {
        let workbook = try XLSXWorkbook(url: Fixture.url("dotnet-prefixed.xlsx"))
        #expect(workbook.sheetNames == ["HKD"])
        let table = try workbook.table(sheet: .name("HKD"), expecting: ["Mã số hộ", "Chủ hộ / Số CCCD", "Vốn (đồng)"])
        #expect(table.header.rows == 3...4)
        #expect(table.header.columns.names == ["Mã số hộ", "Chủ hộ / Họ tên", "Chủ hộ / Số CCCD", "Vốn (đồng)"])
        let row = try #require(try table.nextRow())
        #expect(row.number == 5)
        #expect(row["chủ hộ/họ tên"] == .text("Hồ Thị Mến"))
        #expect(row["Vốn (đồng)"] == .number(150_000_000))
        #expect(try table.nextRow() == nil)
    }

    @Test func serialsAroundTheFictitious29February1900() throws {
        let workbook = try XLSXWorkbook(url: Fixture.url("serials-1900.xlsx"))
        let rows = try workbook.rows(sheet: .index(0)).allRows()
        #expect(rows[0][0] == .date(XLSXDateTime(year: 1900, month: 1, day: 1)))
        #expect(rows[1][0] == .date(XLSXDateTime(year: 1900, month: 2, day: 28)))
        #expect(rows[2][0] == .date(XLSXDateTime(year: 1900, month: 3, day: 1)))
        #expect(rows[3][0] == .date(XLSXDateTime(year: 2025, month: 5, day: 25, hour: 18)))
    }

    @Test func serialConversionRoundTrips() {
        for (y, m, d) in [(1900, 1, 1), (1900, 2, 28), (1900, 3, 1), (1970, 1, 1), (2026, 2, 16), (2099, 12, 31)] {
            let date = XLSXDateTime(year: y, month: m, day: d, hour: 7, minute: 30, second: 15)
            #expect(XLSXDateTime(serial: date.serial1900, system: .from1900) == date)
        }
        #expect(XLSXDateTime(serial: 60, system: .from1900) == nil)
        #expect(XLSXDateTime(serial: -1, system: .from1900) == nil)
        #expect(XLSXDateTime(serial: 46_167, system: .from1900) == XLSXDateTime(year: 2026, month: 5, day: 25))
    }

    @Test func numberFormatsAreClassified() {
        #expect(NumberFormat.kind(ofCode: "dd/mm/yyyy") == .date)
        #expect(NumberFormat.kind(ofCode: "[$-42A]dd/mm/yyyy hh:mm") == .date)
        #expect(NumberFormat.kind(ofCode: "h:mm AM/PM") == .time)
        #expect(NumberFormat.kind(ofCode: "[h]:mm:ss") == .time)
        #expect(NumberFormat.kind(ofCode: "#,##0.00\\ \"đ\"") == .number)
        #expect(NumberFormat.kind(ofCode: "[Red]0.00%;[Blue]-0.00%") == .number)
        #expect(NumberFormat.kind(ofCode: "General") == .number)
        #expect(NumberFormat.kind(ofCode: "mmm-yy") == .date)
        #expect(NumberFormat.builtInKind(14) == .date)
        #expect(NumberFormat.builtInKind(21) == .time)
        #expect(NumberFormat.builtInKind(9) == nil)
    }

    @Test func releasingAReaderEarlyStopsItsThread() throws {
        let workbook = try XLSXWorkbook(url: Fixture.url("mot-cua-export.xlsx"))
        for _ in 0..<20 {
            let reader = try workbook.rows(sheet: .index(0))
            #expect(try reader.nextRow()?.number == 1)
        }
    }
}
