import Foundation

/// Writes a report's tables (and charts' number tables) as CSV: one header row per table
/// ("Group / Title" under a group). Several tables follow each other, each after a blank line
/// and a line with its title; prose is left out, as CSV has no place for it.
public struct CSVReportWriter: TextReportWriter {
    /// How cells are written.
    public enum Values: Sendable {
        /// For machines: 4266, 12.5, ratios as ratios (0.987), dates `yyyy-MM-dd`.
        case plain
        /// As the report shows them: 4.266, 98,7%, 25/05/2026 (the report's `NumberStyle`).
        case formatted
    }

    public var delimiter: CSVDelimiter
    /// The UTF-8 byte-order mark, without which Excel on Windows misreads Vietnamese text.
    public var includeBOM: Bool
    public var values: Values

    public init(delimiter: CSVDelimiter = .comma, includeBOM: Bool = true, values: Values = .plain) {
        self.delimiter = delimiter
        self.includeBOM = includeBOM
        self.values = values
    }

    public func render(_ document: ReportDocument) throws(FormatError) -> String {
        let sink = TextSink()
        try emit(document, into: sink)
        return sink.text
    }

    public func write(_ document: ReportDocument, to url: URL) throws(FormatError) {
        let sink = try TextSink(url: url)
        if includeBOM { try sink.write(bytes: [0xEF, 0xBB, 0xBF]) }
        try emit(document, into: sink)
        try sink.close()
    }

    private func emit(_ document: ReportDocument, into sink: TextSink) throws(FormatError) {
        let writer = CSVWriter(sink: sink, delimiter: delimiter, lineEnding: "\r\n")
        let tables = document.tables
        let style = document.metadata.numberStyle
        for (index, table) in tables.enumerated() {
            if tables.count > 1 {
                if index > 0 { try writer.writeRow([]) }
                try writer.writeRow([table.title ?? table.sheetName ?? "Bảng \(index + 1)"])
            }
            try writer.writeRow(table.flatColumnNames)
            for row in table.rows {
                try writer.writeRow(table.columns.indices.map { column in
                    let cell = column < row.cells.count ? row.cells[column] : .empty
                    return values == .plain ? cell.plain : cell.formatted(style)
                })
            }
        }
    }
}
