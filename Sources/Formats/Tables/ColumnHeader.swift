/// The column names of a header and their positions, shared by CSV and spreadsheet readers so
/// `row["ten_cot"]` means the same everywhere.
public final class ColumnHeader: Sendable {
    /// The names as written (NFC), by 0-based column; empty where a column has no name.
    public let names: [String]
    private let positions: [String: Int]

    /// Fails on a duplicated name, which would make `row["name"]` ambiguous; `location` says
    /// where column `n` (0-based) is, for that error.
    init(names: [String], file: String, location: (Int) -> SourceLocation) throws(FormatError) {
        self.names = names
        var positions: [String: Int] = [:]
        for (index, name) in names.enumerated() {
            let key = ColumnKey.key(name)
            if key.isEmpty { continue }
            if positions[key] != nil {
                throw FormatError(file: file, location: location(index), reason: .duplicateColumn(name))
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
