/// A sheet read as a table: its header found by expected column names (past any title block,
/// two-row headers combined), then its data rows with lookup by column name.
///
/// ```swift
/// let table = try workbook.table(sheet: .index(0), expecting: ["Mã hồ sơ", "Ngày / Tiếp nhận"])
/// while let row = try table.nextRow() {
///     let received = row["Ngày / Tiếp nhận"]   // .date(XLSXDateTime)
/// }
/// ```
public final class XLSXTable {
    /// The header found.
    public let header: TableHeader
    /// The sheet's name.
    public let sheetName: String

    private let reader: XLSXRowReader
    private var buffered: [XLSXRow]

    init(reader: XLSXRowReader, expected: [String], scanRows: Int, file: String) throws(FormatError) {
        self.reader = reader
        sheetName = reader.sheetName
        var first: [XLSXRow] = []
        while first.count < scanRows, let row = try reader.nextRow() { first.append(row) }
        header = try HeaderFinder.find(expected: expected, in: first, merges: reader.mergedRanges, file: file,
                                       sheet: reader.sheetName)
        let dataStart = header.firstDataRow
        buffered = first.filter { $0.number >= dataStart }
    }

    /// The next row with any value, or `nil` after the last.
    public func nextRow() throws(FormatError) -> XLSXTableRow? {
        while true {
            let row: XLSXRow
            if !buffered.isEmpty { row = buffered.removeFirst() } else {
                guard let next = try reader.nextRow() else { return nil }
                row = next
            }
            if !row.isEmpty { return XLSXTableRow(row: row, header: header.columns) }
        }
    }
}

/// A data row of an `XLSXTable`.
public struct XLSXTableRow: Sendable {
    /// The row as read.
    public let row: XLSXRow
    /// The table's header.
    public let header: ColumnHeader

    /// The row number as the sheet shows it.
    public var number: Int { row.number }

    /// The cell under a column name, `nil` if empty or there is no such column.
    public subscript(name: String) -> XLSXCellValue? { header.index(of: name).flatMap { row[$0] } }
}
