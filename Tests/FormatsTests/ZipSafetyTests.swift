import Foundation
import Testing
@testable import Formats

@Suite struct ZipSafetyTests {
    @Test func refusesAnEntryThatDeclaresFourGigabytes() throws {
        let workbook = try XLSXWorkbook(url: Fixture.url("bomb-declared.xlsx"))
        let error = Fixture.formatError { _ = try workbook.rows(sheet: .index(0)) }
        #expect(error?.reason == .entryTooLarge(entry: "xl/worksheets/sheet1.xml", bytes: 0xFFFF_FF00, limit: 512 << 20))
        #expect(error?.description.contains("bomb-declared.xlsx") == true)
    }

    @Test func refusesAnAbsurdCompressionRatio() throws {
        let workbook = try XLSXWorkbook(url: Fixture.url("bomb-ratio.xlsx"))
        let error = Fixture.formatError { _ = try workbook.rows(sheet: .index(0)) }
        guard case .compressionRatioTooHigh(let entry, let ratio, 250)? = error?.reason else {
            Issue.record("expected a ratio refusal, got \(String(describing: error))")
            return
        }
        #expect(entry == "xl/worksheets/sheet1.xml")
        #expect(ratio > 250)
    }

    @Test func stopsInflatingPastTheDeclaredSize() throws {
        let workbook = try XLSXWorkbook(url: Fixture.url("bomb-lying.xlsx"))
        let error = Fixture.formatError { _ = try workbook.rows(sheet: .index(0)) }
        #expect(error?.reason == .entrySizeMismatch(entry: "xl/worksheets/sheet1.xml", declared: 4000))
    }

    @Test func stopsInflatingPastTheConfiguredLimit() throws {
        let limits = ZipLimits(maxEntryBytes: 1 << 20, maxCompressionRatio: 100_000)
        let workbook = try XLSXWorkbook(url: Fixture.url("bomb-ratio.xlsx"), limits: limits)
        let error = Fixture.formatError { _ = try workbook.rows(sheet: .index(0)) }
        guard case .entryTooLarge(_, _, 1 << 20)? = error?.reason else {
            Issue.record("expected a size refusal, got \(String(describing: error))")
            return
        }
    }

    @Test func truncatedArchiveIsCorrupt() {
        let error = Fixture.formatError { _ = try XLSXWorkbook(url: Fixture.url("truncated.xlsx")) }
        guard case .corruptArchive? = error?.reason else {
            Issue.record("expected a corrupt-archive error, got \(String(describing: error))")
            return
        }
        #expect(error?.file == "truncated.xlsx")
    }

    @Test func damagedDeflateStreamIsCorrupt() throws {
        let workbook = try XLSXWorkbook(url: Fixture.url("corrupt-data.xlsx"))
        let error = Fixture.formatError { _ = try workbook.rows(sheet: .index(0)) }
        guard case .corruptArchive(let detail)? = error?.reason else {
            Issue.record("expected a corrupt-archive error, got \(String(describing: error))")
            return
        }
        #expect(detail.contains("xl/worksheets/sheet1.xml"))
    }

    @Test func nestedEntitiesDoNotExpand() throws {
        let workbook = try XLSXWorkbook(url: Fixture.url("entity-bomb.xlsx"))
        let error = Fixture.formatError { _ = try workbook.rows(sheet: .index(0)).allRows() }
        guard case .malformedXML(let entry, _)? = error?.reason else {
            Issue.record("expected malformed XML, got \(String(describing: error))")
            return
        }
        #expect(entry == "xl/worksheets/sheet1.xml")
    }

    @Test func anHTMLFileNamedXlsxIsNotAPackage() {
        let error = Fixture.formatError { _ = try XLSXWorkbook(url: Fixture.url("html-as.xlsx")) }
        guard case .corruptArchive? = error?.reason else {
            Issue.record("expected a corrupt-archive error, got \(String(describing: error))")
            return
        }
    }
}
