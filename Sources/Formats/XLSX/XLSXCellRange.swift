/// A rectangle of cells, as a merged range in a sheet: rows 1-based, columns 0-based.
public struct XLSXCellRange: Sendable, Hashable, CustomStringConvertible {
    public let firstRow: Int
    public let lastRow: Int
    public let firstColumn: Int
    public let lastColumn: Int

    public init(firstRow: Int, lastRow: Int, firstColumn: Int, lastColumn: Int) {
        self.firstRow = min(firstRow, lastRow)
        self.lastRow = max(firstRow, lastRow)
        self.firstColumn = min(firstColumn, lastColumn)
        self.lastColumn = max(firstColumn, lastColumn)
    }

    /// Parses "B5:D6" (or a single cell "B5").
    public init?(reference: String) {
        let parts = reference.split(separator: ":").map(String.init)
        guard (1...2).contains(parts.count), let a = CellReference.parse(parts[0]),
              let b = CellReference.parse(parts.last!) else { return nil }
        self.init(firstRow: a.row, lastRow: b.row, firstColumn: a.column, lastColumn: b.column)
    }

    public func contains(row: Int, column: Int) -> Bool {
        (firstRow...lastRow).contains(row) && (firstColumn...lastColumn).contains(column)
    }

    public var description: String {
        CellReference.name(column: firstColumn, row: firstRow) + ":" + CellReference.name(column: lastColumn, row: lastRow)
    }
}
