/// Where in a file something went wrong, as precisely as the reader knows it.
///
/// Rows are counted as a spreadsheet does (the header is row 1); lines are physical lines of
/// the file, which differ from rows once a quoted field spans several lines.
public struct SourceLocation: Sendable, Equatable, CustomStringConvertible {
    /// The record (CSV) or spreadsheet row, 1-based.
    public var row: Int?
    /// The physical line, 1-based (CSV only).
    public var line: Int?
    /// The column, 1-based.
    public var column: Int?
    /// The column's header name, when the file has a header.
    public var columnName: String?
    /// The sheet name (XLSX only).
    public var sheet: String?
    /// A cell reference such as `B7` (XLSX only).
    public var cell: String?
    /// A byte offset into the file or entry (JSON, XML).
    public var byteOffset: Int?

    public init(row: Int? = nil, line: Int? = nil, column: Int? = nil, columnName: String? = nil,
                sheet: String? = nil, cell: String? = nil, byteOffset: Int? = nil) {
        self.row = row
        self.line = line
        self.column = column
        self.columnName = columnName
        self.sheet = sheet
        self.cell = cell
        self.byteOffset = byteOffset
    }

    public var description: String {
        var parts: [String] = []
        if let sheet { parts.append("sheet \"\(sheet)\"") }
        if let cell { parts.append("cell \(cell)") }
        if let row {
            if let line, line != row { parts.append("row \(row) (line \(line))") } else { parts.append("row \(row)") }
        } else if let line {
            parts.append("line \(line)")
        }
        if let column {
            if let columnName { parts.append("column \(column) \"\(columnName)\"") } else { parts.append("column \(column)") }
        }
        if let byteOffset { parts.append("byte \(byteOffset)") }
        return parts.joined(separator: ", ")
    }
}
