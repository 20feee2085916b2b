/// One record of a CSV file: its fields (NFC strings) and where it came from.
public struct CSVRow: Sendable {
    /// The file's name, for error messages.
    public let file: String
    /// The record number, 1-based, counting the header as row 1.
    public let number: Int
    /// The physical line the record starts on, 1-based.
    public let line: Int
    /// The fields, in file order.
    public let fields: [String]
    /// The header, when the file has one.
    public let header: ColumnHeader?

    /// The field under a column name, or `nil` if there is no such column.
    public subscript(name: String) -> String? {
        guard let index = header?.index(of: name), index < fields.count else { return nil }
        return fields[index]
    }

    /// The field at a 0-based position, or `nil` past the end.
    public subscript(index: Int) -> String? { index < fields.count ? fields[index] : nil }

    /// The field under a column name; a missing column is an error naming the file and row.
    public func value(_ name: String) throws(FormatError) -> String {
        guard let value = self[name] else {
            throw FormatError(file: file, location: SourceLocation(row: number, line: line),
                              reason: .missingColumns(missing: [name], found: header?.names ?? []))
        }
        return value
    }

    /// Where a field is, for errors a connector raises about its value.
    public func location(ofColumn name: String) -> SourceLocation {
        let index = header?.index(of: name)
        return SourceLocation(row: number, line: line, column: index.map { $0 + 1 },
                              columnName: index.map { header!.names[$0] })
    }
}
