/// A header located in a sheet: its column names (two-row headers combined as
/// "Parent / Child") and the rows it occupies.
public struct TableHeader: Sendable {
    /// Names and lookup by 0-based column.
    public let columns: ColumnHeader
    /// The sheet rows the header occupies (one or two), 1-based.
    public let rows: ClosedRange<Int>

    /// The first row after the header.
    public var firstDataRow: Int { rows.upperBound + 1 }
}
