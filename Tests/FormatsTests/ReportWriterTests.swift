import Foundation
import Testing
@testable import Formats

@Suite struct ReportWriterTests {
    @Test func markdownMatchesItsSnapshot() throws {
        try Snapshot.check(MarkdownReportWriter().render(SampleReport.document), named: "sample-report.md")
    }

    @Test func htmlMatchesItsSnapshotAndIsSelfContained() throws {
        let html = try HTMLReportWriter().render(SampleReport.document)
        try Snapshot.check(html, named: "sample-report.html")
        #expect(html.contains("@page { size: A4; margin: 20mm 15mm 20mm 30mm; }"))
        #expect(html.components(separatedBy: "<svg").count == 3)
        // Nothing to fetch: the only URL is the SVG namespace.
        let urls = html.components(separatedBy: "http").count - 1
        #expect(urls == html.components(separatedBy: "xmlns=\"http://www.w3.org/2000/svg\"").count - 1)
        #expect(html.contains("<th colspan=\"3\">Tiếp nhận</th>"))
        #expect(html.contains("<td class=\"num\">4.152</td>"))
        #expect(html.contains("Đất đai | nhà ở"))
    }

    @Test func csvMatchesItsSnapshotAndReadsBack() throws {
        let doc = SampleReport.document
        try Snapshot.check(CSVReportWriter().render(doc), named: "sample-report.csv")
        let url = try Fixture.scratchDirectory().appendingPathComponent("report.csv")
        var single = doc
        single.blocks = doc.blocks.filter { if case .table = $0 { return true } else { return false } }
        try CSVReportWriter(includeBOM: true).write(single, to: url)
        #expect(try Data(contentsOf: url).prefix(3) == Data([0xEF, 0xBB, 0xBF]))
        let reader = try CSVReader(url: url)
        try reader.requireColumns(["Lĩnh vực", "Tiếp nhận / Trực tuyến", "Đã giải quyết / Quá hạn", "Tỷ lệ đúng hạn"])
        let rows = try reader.allRows()
        #expect(rows.map { $0["Tiếp nhận / Trực tuyến"] } == ["2980", "1172", "4152"])
        #expect(rows[0]["Tỷ lệ đúng hạn"] == "0.99831")
        #expect(rows[0]["Cập nhật"] == "2026-05-25")
        let formatted = try CSVReportWriter(delimiter: .semicolon, values: .formatted).render(single)
        #expect(formatted.contains("Tổng cộng;69;4.152;45;4.029;11;99,73%;"))
    }

    @Test func jsonMatchesItsSnapshotAndKeepsTypes() throws {
        let text = try JSONReportWriter().render(SampleReport.document)
        try Snapshot.check(text, named: "sample-report.json")
        let url = try Fixture.write(text, name: "report.json")
        let value = try JSONFileReader().read(url)
        #expect(value["metadata"]?["date"] == .string("2026-05-25"))
        let table = value["blocks"]?[4]
        #expect(table?["type"] == .string("table"))
        #expect(table?["rows"]?[2]?["cells"]?[2] == .integer(4152))
        #expect(table?["rows"]?[2]?["total"] == .bool(true))
        #expect(table?["rows"]?[0]?["cells"]?[6] == .number(0.99831))
        #expect(table?["rows"]?[1]?["cells"]?[7] == .null)
    }

    @Test func xlsxReportHasTypedCellsAndAMergedTwoRowHeader() throws {
        let url = try Fixture.scratchDirectory().appendingPathComponent("report.xlsx")
        try XLSXReportWriter().write(SampleReport.document, to: url)
        let workbook = try XLSXWorkbook(url: url)
        #expect(workbook.sheetNames == ["Thống kê TTHC", "Hồ sơ tiếp nhận theo kênh", "Chỉ số phục vụ"])
        let table = try workbook.table(sheet: .index(0), expecting: ["Lĩnh vực", "Tiếp nhận / Trực tuyến", "Cập nhật"])
        #expect(table.header.rows == 1...2)
        var rows: [XLSXTableRow] = []
        while let row = try table.nextRow() { rows.append(row) }
        #expect(rows[2]["Tiếp nhận / Trực tuyến"] == .number(4152))
        #expect(rows[0]["Tỷ lệ đúng hạn"] == .number(0.99831))
        #expect(rows[0]["Cập nhật"] == .date(XLSXDateTime(year: 2026, month: 5, day: 25)))

        let json = try JSONSerialization.jsonObject(with: Python.runScript("openpyxl-dump.py", arguments: [url.path]))
        let sheet = try #require(((json as? [String: Any])?["sheets"] as? [[String: Any]])?.first)
        #expect(sheet["freeze"] as? String == "A3")
        #expect(sheet["merged"] as? [String] == ["A1:A2", "B1:D1", "E1:F1", "G1:G2", "H1:H2"])
        let cells = try #require(sheet["rows"] as? [[[String: Any]]])
        #expect(cells[4][2]["value"] as? Int == 4152)
        #expect(cells[4][2]["bold"] as? Bool == true)
        #expect(cells[2][6]["format"] as? String == "0.00%")
        #expect(cells[0][0]["bold"] as? Bool == true)
        #expect((sheet["widths"] as? [String: Double])?["A"] == 24)
    }

    @Test func docxFollowsTheOfficialLayout() throws {
        let url = try Fixture.scratchDirectory().appendingPathComponent("report.docx")
        try DOCXReportWriter().write(SampleReport.document, to: url)
        let package = try ZipPackageReader(url: url, limits: ZipLimits())
        for part in ["[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml", "word/settings.xml",
                     "word/header1.xml", "word/_rels/document.xml.rels", "docProps/core.xml", "docProps/app.xml"] {
            let data = try package.data(part)
            #expect(XMLParser(data: data).parse(), "\(part) is well-formed XML")
        }
        let document = String(decoding: try package.data("word/document.xml"), as: UTF8.self)
        // A4; margins top 20 mm, right 15 mm, bottom 20 mm, left 30 mm.
        #expect(document.contains(#"<w:pgSz w:w="11906" w:h="16838"/>"#))
        #expect(document.contains(#"<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701""#))
        #expect(document.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"))
        #expect(document.contains("Độc lập - Tự do - Hạnh phúc"))
        #expect(document.contains(#"<w:i/><w:iCs/><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr><w:t xml:space="preserve">Bến Thành, ngày 25 tháng 5 năm 2026"#))
        #expect(document.contains(#"<w:ind w:left="0" w:right="0" w:firstLine="567"/><w:jc w:val="both"/>"#))
        #expect(document.contains("Nơi nhận:"))
        #expect(document.contains("<w:tblHeader/>"))
        #expect(document.contains(#"<w:gridSpan w:val="3"/>"#))
        #expect(document.contains(#"<w:vMerge w:val="restart"/>"#))
        #expect(document.contains("4.152"))
        #expect(document.contains("<w:titlePg/>"))
        let styles = String(decoding: try package.data("word/styles.xml"), as: UTF8.self)
        #expect(styles.contains(#"w:ascii="Times New Roman""#))
        #expect(styles.contains(#"<w:sz w:val="28"/>"#))
    }

    @Test func formatsAreNamedByNameOrExtension() {
        #expect(ReportFormat(name: "md") == .markdown)
        #expect(ReportFormat(name: "HTML") == .html)
        #expect(ReportFormat(name: "docx") == .docx)
        #expect(ReportFormat(name: "pdf") == nil)
        #expect(ReportFormat.allCases.map(\.fileExtension) == ["md", "html", "csv", "json", "xlsx", "docx"])
    }
}

#if canImport(FoundationXML)
import FoundationXML
#endif
