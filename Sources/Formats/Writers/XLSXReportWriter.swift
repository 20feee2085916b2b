import Foundation

/// Writes a report's tables as a real spreadsheet: one sheet per table (charts as their number
/// tables), typed numbers with number formats, a bold header (two rows with merged cells when
/// the table has column groups) frozen in place, widths from the columns or the content, bold
/// total rows. A report without tables gets one sheet with its text, a line per row.
public struct XLSXReportWriter: ReportWriter {
    public init() {}

    public func write(_ document: ReportDocument, to url: URL) throws(FormatError) {
        let meta = document.metadata
        let writer = try XLSXWriter(url: url, title: [meta.title, meta.subtitle].compactMap { $0 }.joined(separator: " "),
                                    author: meta.author)
        let tables = document.tables
        if tables.isEmpty {
            try writeText(document, into: writer)
        }
        for (index, table) in tables.enumerated() {
            try writeTable(table, number: index + 1, into: writer)
        }
        try writer.close()
    }

    private func writeTable(_ table: ReportTable, number: Int, into writer: XLSXWriter) throws(FormatError) {
        let name = table.sheetName ?? table.title ?? "Bảng \(number)"
        let headerRows = table.hasGroupRow ? 2 : 1
        try writer.beginSheet(name: name, columnWidths: table.columns.map(\.width), frozenRows: headerRows)
        if table.hasGroupRow {
            let groups = table.groupOfColumn
            var top: [XLSXWriteCell] = []
            var bottom: [XLSXWriteCell] = []
            var column = 0
            while column < table.columns.count {
                if let group = groups[column] {
                    let span = min(group.span, table.columns.count - column)
                    top += [.header(group.title)] + Array(repeating: .header(""), count: span - 1)
                    bottom += table.columns[column..<(column + span)].map { .header($0.title) }
                    if span > 1 {
                        writer.mergeCells(XLSXCellRange(firstRow: 1, lastRow: 1, firstColumn: column,
                                                        lastColumn: column + span - 1))
                    }
                    column += span
                } else {
                    top.append(.header(table.columns[column].title))
                    bottom.append(.header(""))
                    writer.mergeCells(XLSXCellRange(firstRow: 1, lastRow: 2, firstColumn: column, lastColumn: column))
                    column += 1
                }
            }
            try writer.appendRow(top)
            try writer.appendRow(bottom)
        } else {
            try writer.appendRow(table.columns.map { .header($0.title) })
        }
        for row in table.rows {
            try writer.appendRow(table.columns.indices.map { column in
                Self.cell(column < row.cells.count ? row.cells[column] : .empty, bold: row.emphasis)
            })
        }
    }

    private func writeText(_ document: ReportDocument, into writer: XLSXWriter) throws(FormatError) {
        try writer.beginSheet(name: "Báo cáo", columnWidths: [100])
        try writer.appendRow([XLSXWriteCell(.text(document.metadata.title), bold: true)])
        for block in document.blocks {
            switch block {
            case .heading(_, let text):
                try writer.appendRow([XLSXWriteCell(.text(text), bold: true)])
            case .paragraph(let paragraph):
                try writer.appendRow([XLSXWriteCell(.text(paragraph.plainText))])
            case .list(let items):
                for item in items { try writer.appendRow([XLSXWriteCell(.text("- " + item.plainText))]) }
            case .signature(let signature):
                for line in signature.signerTitle + [signature.signerName].compactMap({ $0 }) {
                    try writer.appendRow([XLSXWriteCell(.text(line), bold: true)])
                }
            case .table, .chart, .pageBreak:
                continue
            }
        }
    }

    static func cell(_ cell: ReportCell, bold: Bool) -> XLSXWriteCell {
        switch cell {
        case .text(let s): return XLSXWriteCell(.text(s), bold: bold, bordered: true)
        case .integer(let n): return XLSXWriteCell(.integer(n), format: .integer, bold: bold, bordered: true)
        case .decimal(let d, let digits): return XLSXWriteCell(.number(d), format: .decimal(digits), bold: bold, bordered: true)
        case .percent(let r, let digits): return XLSXWriteCell(.number(r), format: .percent(digits), bold: bold, bordered: true)
        case .date(let d):
            return XLSXWriteCell(.date(XLSXDateTime(year: d.year, month: d.month, day: d.day)), format: .date, bold: bold,
                                 bordered: true)
        case .empty: return XLSXWriteCell(.empty, bold: bold, bordered: true)
        }
    }
}
