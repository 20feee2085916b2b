/// One row of a sheet: its number and its cells by 0-based column (`nil` where a cell is empty).
public struct XLSXRow: Sendable, Equatable {
    /// The row number as the sheet shows it, 1-based.
    public let number: Int
    /// Cells by 0-based column; trailing empty cells are omitted.
    public let cells: [XLSXCellValue?]

    public init(number: Int, cells: [XLSXCellValue?]) {
        self.number = number
        self.cells = cells
    }

    /// The cell at a 0-based column, `nil` if empty or past the end.
    public subscript(column: Int) -> XLSXCellValue? { column >= 0 && column < cells.count ? cells[column] : nil }

    /// Whether the row has no value at all.
    public var isEmpty: Bool { cells.allSatisfy { $0 == nil } }
}
