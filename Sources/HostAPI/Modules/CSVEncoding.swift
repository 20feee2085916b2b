import Foundation
import LuaBridge

/// The text `csv.encode` writes: one line per row, `\r\n` line ends (RFC 4180, as Excel
/// expects), a field quoted only when it holds the separator, a quote or a line break.
struct CSVEncoding {
    private let call: LuaCall
    private let rows: [LuaValue]
    private let columns: [String]?
    private let header: Bool
    private let separator: String
    private let bom: Bool

    init(_ call: LuaCall) throws {
        self.call = call
        let table = try call.table(1)
        guard table.fields.isEmpty else { throw call.argumentError(1, "an array of rows expected") }
        rows = table.sequence
        let options = try OptionsTable(call, 2, allowed: ["columns", "header", "separator", "bom"])
        separator = try options.string("separator") ?? ","
        guard [",", ";", "\t"].contains(separator) else {
            throw options.error("separator", "'\(separator)' is not \",\", \";\" or \"\\t\"")
        }
        bom = try options.boolean("bom") ?? false
        let tableRows = rows.first.map { if case .table(let t) = $0 { !t.fields.isEmpty } else { false } } ?? false
        if let given = try options.value("columns", as: [String].self) {
            columns = given
        } else if tableRows, case .table(let first)? = rows.first {
            columns = first.fields.keys.compactMap { if case .string(let s) = $0 { s.description } else { nil } }.sorted()
        } else {
            columns = nil
        }
        header = try options.boolean("header") ?? (columns != nil)
    }

    func text() throws -> String {
        var out = bom ? "\u{FEFF}" : ""
        if header, let columns { out += line(columns) }
        for (offset, row) in rows.enumerated() {
            guard case .table(let table) = row else {
                throw call.argumentError(1, "row \(offset + 1): table expected, got \(row.type.name)")
            }
            let values: [LuaValue]
            if let columns, !table.fields.isEmpty || table.sequence.isEmpty {
                values = columns.map { table[$0] }
            } else {
                values = table.sequence
            }
            out += line(try values.enumerated().map { column, value in try field(value, row: offset + 1, column: column + 1) })
        }
        return out
    }

    private func field(_ value: LuaValue, row: Int, column: Int) throws -> String {
        switch value {
        case .nil, .lightUserdata(nil): return ""
        case .string(let s):
            guard let text = s.utf8 else { throw call.argumentError(1, "row \(row), column \(column): string is not valid UTF-8") }
            return text
        case .integer(let i): return String(i)
        case .number(let d): return String(d)
        case .boolean(let b): return b ? "true" : "false"
        default: throw call.argumentError(1, "row \(row), column \(column): cannot write a \(value.type.name) in CSV")
        }
    }

    private func line(_ fields: [String]) -> String {
        fields.map { field in
            // Byte-wise: "\r\n" is one Character, which `String.contains("\n")` would miss.
            let special: Set<UInt8> = [separator.utf8.first!, 0x22, 0x0A, 0x0D]
            let mustQuote = field.utf8.contains(where: special.contains)
            return mustQuote ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
        }.joined(separator: separator) + "\r\n"
    }
}
