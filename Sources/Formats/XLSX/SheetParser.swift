import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The `XMLParser` delegate that turns a worksheet's `<sheetData>` into typed rows, batch by
/// batch, into a `RowChannel`. It never holds more than one batch of rows.
///
/// Confined to the producer thread once parsing starts, hence `@unchecked Sendable`.
final class SheetParser: NSObject, XMLParserDelegate, @unchecked Sendable {
    private static let batchSize = 256

    private let channel: RowChannel
    private let sharedStrings: [String]
    private let styles: CellStyles
    private let dateSystem: XLSXDateSystem
    private let file: String
    private let sheet: String

    /// The error that stopped parsing, if a cell could not be read.
    private(set) var failure: FormatError?
    /// Whether parsing stopped on purpose (end of `sheetData`, or the consumer went away).
    private(set) var stoppedEarly = false

    private var batch: [XLSXRow] = []
    private var rowNumber = 0
    private var cells: [XLSXCellValue?] = []
    private var nextColumn = 0
    private var cellColumn = 0
    private var cellType = ""
    private var cellStyle = 0
    private var text = ""
    private var capturing = false
    private var inInlineString = false
    private var phoneticDepth = 0
    private var hasValue = false

    init(channel: RowChannel, sharedStrings: [String], styles: CellStyles, dateSystem: XLSXDateSystem,
         file: String, sheet: String) {
        self.channel = channel
        self.sharedStrings = sharedStrings
        self.styles = styles
        self.dateSystem = dateSystem
        self.file = file
        self.sheet = sheet
        batch.reserveCapacity(Self.batchSize)
    }

    /// Sends the rows still held; call once parsing has ended.
    func flush() {
        if !batch.isEmpty { _ = channel.put(batch) }  // refused at once if the consumer has gone
        batch = []
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes: [String: String] = [:]) {
        switch SpreadsheetText.localName(elementName) {
        case "c":
            if let ref = attributes["r"], let parsed = CellReference.parse(ref) {
                cellColumn = parsed.column
            } else {
                cellColumn = nextColumn
            }
            cellType = attributes["t"] ?? ""
            cellStyle = attributes["s"].flatMap(Int.init) ?? 0
            text = ""
            hasValue = false
        case "v":
            text = ""
            capturing = true
        case "is":
            inInlineString = true
            text = ""
        case "t":
            capturing = inInlineString && phoneticDepth == 0
        case "rPh":
            phoneticDepth += 1
        case "row":
            rowNumber = attributes["r"].flatMap(Int.init) ?? rowNumber + 1
            cells.removeAll(keepingCapacity: true)
            nextColumn = 0
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if capturing { text += string }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?) {
        switch SpreadsheetText.localName(elementName) {
        case "v":
            capturing = false
            hasValue = true
        case "t":
            if capturing { hasValue = true }
            capturing = false
        case "is":
            inInlineString = false
        case "rPh":
            phoneticDepth -= 1
        case "c":
            endCell(parser)
        case "row":
            batch.append(XLSXRow(number: rowNumber, cells: cells))
            if batch.count >= Self.batchSize {
                if !channel.put(batch) { stop(parser) }
                batch.removeAll(keepingCapacity: true)
            }
        case "sheetData":
            stop(parser)  // the rest (merges, print settings) is not rows
        default:
            break
        }
    }

    private func stop(_ parser: XMLParser) {
        stoppedEarly = true
        parser.abortParsing()
    }

    private func endCell(_ parser: XMLParser) {
        nextColumn = cellColumn + 1
        guard hasValue else { return }
        let value: XLSXCellValue
        do {
            value = try cellValue()
        } catch {
            failure = error
            stop(parser)
            return
        }
        if cells.count <= cellColumn { cells.append(contentsOf: repeatElement(nil, count: cellColumn + 1 - cells.count)) }
        cells[cellColumn] = value
    }

    private func cellValue() throws(FormatError) -> XLSXCellValue {
        switch cellType {
        case "s":
            guard let index = Int(text) ?? Int(text.trimmingCharacters(in: .whitespaces)), index >= 0,
                  index < sharedStrings.count else {
                throw invalid("refers to shared string \(text), but the workbook has \(sharedStrings.count)")
            }
            return .text(sharedStrings[index])
        case "inlineStr", "str":
            return .text(NormalizedText.nfc(SpreadsheetText.unescape(text)))
        case "b":
            return .bool(text == "1" || text.lowercased() == "true")
        case "e":
            return .error(text)
        case "d":
            return .text(text)
        default:
            guard let number = Double(text) ?? Double(text.trimmingCharacters(in: .whitespaces)) else {
                throw invalid("holds \"\(text)\", which is not a number")
            }
            switch styles.kind(ofStyle: cellStyle) {
            case .number:
                return .number(number)
            case .date, .time:
                let timeOnly = styles.kind(ofStyle: cellStyle) == .time && number < 1
                guard let date = XLSXDateTime(serial: number, system: dateSystem, isTimeOnly: timeOnly) else {
                    throw invalid("holds the date serial \(text), which is no real date (Excel's 29/02/1900, or negative)")
                }
                return .date(date)
            }
        }
    }

    private func invalid(_ detail: String) -> FormatError {
        FormatError(file: file,
                    location: SourceLocation(row: rowNumber, column: cellColumn + 1, sheet: sheet,
                                             cell: CellReference.name(column: cellColumn, row: rowNumber)),
                    reason: .invalidValue("the cell " + detail))
    }
}
