import Foundation

/// Writes a real XLSX workbook, sheet by sheet and row by row: typed numbers and dates (not
/// strings), a shared-string table, bold shaded header cells, column widths (given, or sized
/// from the content), a frozen header, merged cells and A4 print settings.
///
/// Rows stream to a temporary file per sheet; only the distinct strings stay in memory.
///
/// ```swift
/// let writer = try XLSXWriter(url: out)
/// try writer.beginSheet(name: "Thống kê", frozenRows: 1)
/// try writer.appendRow([.header("Lĩnh vực"), .header("Tiếp nhận")])
/// try writer.appendRow([XLSXWriteCell(.text("Hộ tịch")), XLSXWriteCell(.integer(4266), format: .integer)])
/// try writer.close()
/// ```
public final class XLSXWriter {
    private struct SheetState {
        let name: String
        let dataURL: URL
        let sink: TextSink
        let widths: [Double?]
        let frozenRows: Int
        var measured: [Double] = []
        var rowCount = 0
        var merges: [XLSXCellRange] = []
    }

    private let url: URL
    private let fileName: String
    private let directory: URL
    private var finishedSheets: [(name: String, url: URL, frozenRows: Int)] = []
    private var current: SheetState?
    private var styles = XLSXStyleSheet()
    private var strings: [String] = []
    private var stringIndex: [String: Int] = [:]
    private var stringReferences = 0
    private let title: String?
    private let author: String?

    /// Starts a workbook to be written at `url` when `close()` is called.
    public init(url: URL, title: String? = nil, author: String? = nil) throws(FormatError) {
        self.url = url
        fileName = url.lastPathComponent
        self.title = title
        self.author = author
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("hostrun-xlsx-out-\(UUID().uuidString)", isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw FormatError(file: fileName, reason: .io("cannot create a temporary directory: \(error)"))
        }
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    /// Ends the current sheet (if any) and starts a new one.
    /// - Parameters:
    ///   - name: the tab's name; characters Excel forbids are replaced, the length cut to 31 and
    ///     duplicates numbered.
    ///   - columnWidths: widths in characters by column; `nil` entries (or missing ones) are sized
    ///     from the content.
    ///   - frozenRows: rows kept in view when scrolling, and repeated on every printed page.
    public func beginSheet(name: String, columnWidths: [Double?] = [], frozenRows: Int = 0) throws(FormatError) {
        try endSheet()
        let dataURL = directory.appendingPathComponent("data-\(finishedSheets.count).xml")
        current = SheetState(name: uniqueSheetName(name), dataURL: dataURL, sink: try TextSink(url: dataURL),
                             widths: columnWidths, frozenRows: frozenRows)
    }

    /// Appends a row to the current sheet (row numbers follow on from the previous row).
    public func appendRow(_ cells: [XLSXWriteCell]) throws(FormatError) {
        guard var sheet = current else {
            throw FormatError(file: fileName, reason: .invalidValue("appendRow before beginSheet"))
        }
        sheet.rowCount += 1
        let row = sheet.rowCount
        var xml = "<row r=\"\(row)\">"
        if sheet.measured.count < cells.count {
            sheet.measured += Array(repeating: 0, count: cells.count - sheet.measured.count)
        }
        for (column, cell) in cells.enumerated() {
            let style = styles.index(for: cell)
            let ref = CellReference.name(column: column, row: row)
            let s = style == 0 ? "" : " s=\"\(style)\""
            let shown: Int
            switch cell.value {
            case .text(let text):
                let normalized = NormalizedText.nfc(text)
                xml += "<c r=\"\(ref)\"\(s) t=\"s\"><v>\(sharedIndex(normalized))</v></c>"
                let longestLine = normalized.split(separator: "\n").map(\.count).max() ?? 0
                shown = cell.isHeader ? min(longestLine, 24) : longestLine
            case .number(let n):
                xml += "<c r=\"\(ref)\"\(s)><v>\(Self.number(n))</v></c>"
                shown = min(Self.number(n).count + 3, 16)
            case .integer(let n):
                xml += "<c r=\"\(ref)\"\(s)><v>\(n)</v></c>"
                shown = String(n).count * 4 / 3 + 1
            case .bool(let b):
                xml += "<c r=\"\(ref)\"\(s) t=\"b\"><v>\(b ? 1 : 0)</v></c>"
                shown = 5
            case .date(let d):
                xml += "<c r=\"\(ref)\"\(s)><v>\(Self.number(d.serial1900))</v></c>"
                shown = d.isMidnight ? 10 : 16
            case .empty:
                if style != 0 { xml += "<c r=\"\(ref)\"\(s)/>" }
                shown = 0
            }
            sheet.measured[column] = max(sheet.measured[column], Double(shown))
        }
        xml += "</row>"
        current = sheet
        try sheet.sink.write(xml)
    }

    /// Merges a range of the current sheet (e.g. a header cell over several columns).
    public func mergeCells(_ range: XLSXCellRange) {
        current?.merges.append(range)
    }

    /// Finishes the last sheet and writes the package.
    public func close() throws(FormatError) {
        try endSheet()
        if finishedSheets.isEmpty { try beginSheet(name: "Sheet1"); try endSheet() }
        let package = try ZipPackageWriter(url: url)
        try package.add("[Content_Types].xml", text: contentTypes)
        try package.add("_rels/.rels", text: OfficeParts.rootRelationships(mainPart: "xl/workbook.xml"))
        try package.add("docProps/core.xml", text: OfficeParts.coreProperties(title: title, author: author))
        try package.add("docProps/app.xml", text: OfficeParts.appProperties)
        try package.add("xl/workbook.xml", text: workbookXML)
        try package.add("xl/_rels/workbook.xml.rels", text: workbookRelationships)
        try package.add("xl/styles.xml", text: styles.xml)
        try package.add("xl/sharedStrings.xml", text: sharedStringsXML)
        for (index, sheet) in finishedSheets.enumerated() {
            try package.add("xl/worksheets/sheet\(index + 1).xml", contentsOf: sheet.url)
        }
        try? FileManager.default.removeItem(at: directory)
    }

    // MARK: Sheets

    private func endSheet() throws(FormatError) {
        guard let sheet = current else { return }
        current = nil
        try sheet.sink.close()
        let final = directory.appendingPathComponent("sheet-\(finishedSheets.count).xml")
        let out = try TextSink(url: final)
        try out.write(sheetHead(sheet))
        guard let input = try? FileHandle(forReadingFrom: sheet.dataURL) else {
            throw FormatError(file: fileName, reason: .io("cannot reopen a temporary sheet"))
        }
        defer { try? input.close() }
        while let chunk = try? input.read(upToCount: 1 << 20), !chunk.isEmpty {
            try out.write(bytes: Array(chunk))
        }
        try out.write(sheetTail(sheet))
        try out.close()
        try? FileManager.default.removeItem(at: sheet.dataURL)
        finishedSheets.append((sheet.name, final, sheet.frozenRows))
    }

    private func sheetHead(_ sheet: SheetState) -> String {
        var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
        xml += #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" "#
        xml += #"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#
        xml += #"<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>"#
        xml += #"<sheetViews><sheetView workbookViewId="0""# + (finishedSheets.isEmpty ? #" tabSelected="1""# : "") + ">"
        if sheet.frozenRows > 0 {
            let top = CellReference.name(column: 0, row: sheet.frozenRows + 1)
            xml += #"<pane ySplit="\#(sheet.frozenRows)" topLeftCell="\#(top)" activePane="bottomLeft" state="frozen"/>"#
            xml += #"<selection pane="bottomLeft" activeCell="\#(top)" sqref="\#(top)"/>"#
        }
        xml += "</sheetView></sheetViews>"
        xml += #"<sheetFormatPr defaultRowHeight="15.75"/>"#
        let count = max(sheet.widths.count, sheet.measured.count)
        if count > 0 {
            xml += "<cols>"
            for column in 0..<count {
                let given = column < sheet.widths.count ? sheet.widths[column] : nil
                let measured = column < sheet.measured.count ? sheet.measured[column] : 0
                let width = given ?? min(max(measured * 1.1 + 2, 8), 60)
                xml += #"<col min="\#(column + 1)" max="\#(column + 1)" width="\#(Self.number((width * 100).rounded() / 100))" customWidth="1"/>"#
            }
            xml += "</cols>"
        }
        return xml + "<sheetData>"
    }

    private func sheetTail(_ sheet: SheetState) -> String {
        var xml = "</sheetData>"
        if !sheet.merges.isEmpty {
            xml += "<mergeCells count=\"\(sheet.merges.count)\">"
            for range in sheet.merges { xml += "<mergeCell ref=\"\(range)\"/>" }
            xml += "</mergeCells>"
        }
        xml += #"<pageMargins left="0.59" right="0.39" top="0.59" bottom="0.59" header="0.3" footer="0.3"/>"#
        xml += #"<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>"#
        return xml + "</worksheet>"
    }

    private func uniqueSheetName(_ name: String) -> String {
        let forbidden = Set("[]:*?/\\")
        var base = String(NormalizedText.nfc(name).map { forbidden.contains($0) ? "-" : $0 })
            .trimmingCharacters(in: CharacterSet(charactersIn: "' "))
        if base.isEmpty { base = "Sheet\(finishedSheets.count + 1)" }
        let taken = Set(finishedSheets.map { $0.name.lowercased() })
        var candidate = String(base.prefix(31))
        var n = 2
        while taken.contains(candidate.lowercased()) {
            let suffix = " (\(n))"
            candidate = String(base.prefix(31 - suffix.count)) + suffix
            n += 1
        }
        return candidate
    }

    // MARK: Parts

    private func sharedIndex(_ text: String) -> Int {
        stringReferences += 1
        if let index = stringIndex[text] { return index }
        strings.append(text)
        stringIndex[text] = strings.count - 1
        return strings.count - 1
    }

    private static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }

    private var sharedStringsXML: String {
        var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
        xml += #"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="\#(stringReferences)" uniqueCount="\#(strings.count)">"#
        for s in strings {
            let preserve = s.first?.isWhitespace == true || s.last?.isWhitespace == true || s.contains("\n")
            xml += preserve ? #"<si><t xml:space="preserve">"# : "<si><t>"
            xml += MarkupEscaping.xml(s) + "</t></si>"
        }
        return xml + "</sst>"
    }

    private var workbookXML: String {
        var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
        xml += #"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" "#
        xml += #"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#
        xml += #"<workbookPr/><bookViews><workbookView activeTab="0"/></bookViews><sheets>"#
        for (index, sheet) in finishedSheets.enumerated() {
            xml += #"<sheet name="\#(MarkupEscaping.xml(sheet.name))" sheetId="\#(index + 1)" r:id="rId\#(index + 1)"/>"#
        }
        xml += "</sheets>"
        let titled = finishedSheets.enumerated().filter { $0.element.frozenRows > 0 }
        if !titled.isEmpty {
            xml += "<definedNames>"
            for (index, sheet) in titled {
                let quoted = "'" + sheet.name.replacingOccurrences(of: "'", with: "''") + "'"
                xml += #"<definedName name="_xlnm.Print_Titles" localSheetId="\#(index)">"#
                xml += MarkupEscaping.xml("\(quoted)!$1:$\(sheet.frozenRows)") + "</definedName>"
            }
            xml += "</definedNames>"
        }
        return xml + "</workbook>"
    }

    private var workbookRelationships: String {
        var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
        xml += #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        let base = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
        for index in finishedSheets.indices {
            xml += #"<Relationship Id="rId\#(index + 1)" Type="\#(base)worksheet" Target="worksheets/sheet\#(index + 1).xml"/>"#
        }
        let n = finishedSheets.count
        xml += #"<Relationship Id="rId\#(n + 1)" Type="\#(base)styles" Target="styles.xml"/>"#
        xml += #"<Relationship Id="rId\#(n + 2)" Type="\#(base)sharedStrings" Target="sharedStrings.xml"/>"#
        return xml + "</Relationships>"
    }

    private var contentTypes: String {
        let main = "application/vnd.openxmlformats-officedocument.spreadsheetml"
        var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
        xml += #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
        xml += #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
        xml += #"<Default Extension="xml" ContentType="application/xml"/>"#
        xml += #"<Override PartName="/xl/workbook.xml" ContentType="\#(main).sheet.main+xml"/>"#
        for index in finishedSheets.indices {
            xml += #"<Override PartName="/xl/worksheets/sheet\#(index + 1).xml" ContentType="\#(main).worksheet+xml"/>"#
        }
        xml += #"<Override PartName="/xl/styles.xml" ContentType="\#(main).styles+xml"/>"#
        xml += #"<Override PartName="/xl/sharedStrings.xml" ContentType="\#(main).sharedStrings+xml"/>"#
        xml += OfficeParts.propertiesContentTypes
        return xml + "</Types>"
    }
}
