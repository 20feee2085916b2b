import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads one sheet's rows in order, streaming: `XMLParser` pulls the extracted sheet from disk
/// in chunks on a background thread and hands rows over in small batches, so a sheet of a
/// million rows never sits in memory. Releasing the reader early stops that thread.
public final class XLSXRowReader {
    /// The sheet's name.
    public let sheetName: String
    /// The sheet's merged ranges (known before the first row, for header detection).
    public let mergedRanges: [XLSXCellRange]

    private let channel: RowChannel
    private let workbook: XLSXWorkbook
    private var pending: [XLSXRow] = []
    private var nextIndex = 0

    init(workbook: XLSXWorkbook, sheetName: String, entry: String, extractedSheet: URL,
         sharedStrings: [String], styles: CellStyles) {
        self.workbook = workbook
        self.sheetName = sheetName
        mergedRanges = MergedRangeScanner.scan(extractedSheet)
        let channel = RowChannel(capacity: 8)
        self.channel = channel
        let file = workbook.fileName
        let parser = SheetParser(channel: channel, sharedStrings: sharedStrings, styles: styles,
                                 dateSystem: workbook.dateSystem, file: file, sheet: sheetName)
        let thread = Thread {
            defer { try? FileManager.default.removeItem(at: extractedSheet) }
            guard let stream = InputStream(url: extractedSheet) else {
                channel.finish(FormatError(file: file, reason: .io("cannot reopen \(entry) from a temporary file")))
                return
            }
            do throws(FormatError) {
                try XMLPart.run(XMLParser(stream: stream), entry: entry, file: file, delegate: parser,
                                stoppedEarly: { parser.stoppedEarly && parser.failure == nil })
                parser.flush()
                channel.finish(parser.failure)
            } catch {
                parser.flush()
                channel.finish(parser.failure ?? error)
            }
        }
        thread.stackSize = 4 << 20
        thread.start()
    }

    deinit { channel.cancel() }

    /// The next row the sheet stores (rows it skips are absent; a stored row may have only empty
    /// cells), or `nil` after the last. A cell that cannot be read ends in an error naming the
    /// sheet and cell; malformed XML in one naming the entry and line.
    public func nextRow() throws(FormatError) -> XLSXRow? {
        while nextIndex >= pending.count {
            guard let batch = try channel.take() else { return nil }
            pending = batch
            nextIndex = 0
        }
        defer { nextIndex += 1 }
        return pending[nextIndex]
    }
}
