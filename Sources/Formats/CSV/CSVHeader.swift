/// The column names of a file's header row and their positions.
public final class CSVHeader: Sendable {
    /// The names as written (NFC), in file order.
    public let names: [String]
    private let positions: [String: Int]

    /// Fails on a duplicated name, which would make `row["name"]` ambiguous.
    init(names: [String], file: String) throws(FormatError) {
        self.names = names
        var positions: [String: Int] = [:]
        for (index, name) in names.enumerated() {
            let key = ColumnKey.key(name)
            if key.isEmpty { continue }
            if positions[key] != nil {
                throw FormatError(file: file, location: SourceLocation(row: 1, column: index + 1),
                                  reason: .duplicateColumn(name))
            }
            positions[key] = index
        }
        self.positions = positions
    }

    /// The 0-based position of a column, matched as `ColumnKey` does.
    public func index(of name: String) -> Int? { positions[ColumnKey.key(name)] }

    /// The names among `expected` that the header lacks, in the order given.
    public func missing(_ expected: [String]) -> [String] { expected.filter { index(of: $0) == nil } }
}
