import Formats
import LuaBridge

/// `csv.records(path)`: a CSV file whose header names the fields of a connector's records, for
/// a connector's `read` to return. The host then reads each row straight into a record, as if
/// the connector had yielded `{column = value, ..., origin = "file.csv:row N"}` for it, without
/// building a Lua table per row: the declarative path of a connector whose file already has
/// hostrun's columns (the `canonical` connector). A connector that must compute its records
/// keeps the full contract: an iterator of tables.
final class CSVRecords {
    let reader: CSVReader
    /// The path as the connector named it, for each record's origin (`ho-so.csv:row 5`).
    let source: String

    init(reader: CSVReader, source: String) {
        self.reader = reader
        self.source = source
    }

    /// The header's column names, in file order (empty names left out).
    var columns: [String] { reader.header?.names.filter { !$0.isEmpty } ?? [] }

    static let type = LuaUserdataType<CSVRecords>(
        "CSVRecords",
        "A CSV file read by the host as a connector's records (`csv.records`): return it from `read`.",
        properties: [
            LuaProperty("columns", "string[]", "the header's column names, in file order") { $0.columns },
            LuaProperty("file", .string, "the path as given to csv.records") { $0.source },
        ])
}
