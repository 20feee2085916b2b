import CLua
import Formats
import Foundation
import LuaBridge
import Sandbox

/// `csv`: CSV text and files, read through Formats' streaming reader (BOM, UTF-16,
/// Windows-1258, comma/semicolon/tab, quoted multi-line fields, NFC) and written for Excel.
struct CSVModule {
    let environment: HostEnvironment

    init(_ environment: HostEnvironment) { self.environment = environment }

    static let guide = """
        `csv.rows(path)` streams a file granted for reading one row at a time, whatever its \
        size: `for row, n in csv.rows("export.csv") do print(n, row.ma_ho_so) end`. With a \
        header (the default) each row is a table keyed by column name; without, an array. With \
        `columns = {code = "Mã hồ sơ", ...}` the header must hold those columns (a file without \
        one of them fails at once, naming every missing column) and each row is keyed by your \
        names, as `xlsx.rows` does. A \
        connector whose file's columns are already the record's fields returns \
        `csv.records(path)` from its `read`: the host then reads the rows itself, with no Lua \
        table per row. The \
        encoding (UTF-8, UTF-16 with a BOM, Windows-1258) and the separator (comma, semicolon, \
        tab) are detected; errors name the file, row and column. `csv.decode` reads text \
        already in memory, `csv.encode` writes rows as text (`\\r\\n` line ends, fields quoted \
        when needed) for `fs.write_file`.
        """

    static let classes = [
        DocumentedClass(userdata: CSVRecords.type),
        DocumentedClass("CSVReadOptions", "Options of `csv.rows` and `csv.decode`.", fields: [
            .init("header", HostType.boolean.optional, "the first row names the columns (default true)"),
            .init("columns", "table<string, string>?", "your name → the header's name: the header must hold these, and rows are keyed by your names"),
            .init("separator", HostType.string.optional, "\",\", \";\" or \"\\t\" (default: detected)"),
            .init("encoding", HostType.string.optional, "\"utf-8\", \"utf-16le\", \"utf-16be\" or \"windows-1258\" (default: detected)"),
        ]),
        DocumentedClass("CSVEncodeOptions", "Options of `csv.encode`.", fields: [
            .init("columns", "string[]?", "column order for rows that are tables (default: the first row's keys, sorted)"),
            .init("header", HostType.boolean.optional, "write the column names first (default true for table rows)"),
            .init("separator", HostType.string.optional, "\",\" (default), \";\" or \"\\t\""),
            .init("bom", HostType.boolean.optional, "start with the UTF-8 byte-order mark Excel needs (default false)"),
        ]),
    ]

    var module: HostModule {
        let access = FileAccess(capabilities: environment.capabilities)
        return HostModule("csv", "CSV files and text: streaming rows, decoding and encoding.", since: "0.1") {
            HostFunction("rows", "Streams the rows of a CSV file granted for reading.",
                         parameters: [.init("path", .string, "a file under a folder granted with --allow-read"),
                                      .init("opts", "CSVReadOptions?", "{header =, columns =, separator =, encoding =}")],
                         returns: [.init("fun(): (table?, integer?)", "an iterator giving each row and its row number")],
                         since: "0.1") { call in
                let path = try access.readable(call, 1)
                let (options, columns) = try Self.readOptions(call, 2)
                let stream: CSVStream
                do {
                    stream = try CSVStream(reader: CSVReader(url: URL(fileURLWithPath: path), options: options),
                                           keeping: nil, columns: columns)
                } catch {
                    throw LuaRuntimeMessage("csv.rows: \(error)")
                }
                call.stack.pushFunction(name: "csv.rows iterator") { inner in try stream.next(inner) }
                return 1
            }
            HostFunction("records", "A CSV file whose columns are record fields, for a connector's read to return: the host reads its rows natively.",
                         parameters: [.init("path", .string, "a file under a folder granted with --allow-read"),
                                      .init("opts", "CSVReadOptions?", "{separator =, encoding =} (the header is required)")],
                         returns: [.init("CSVRecords", "the file; each row becomes the record {column = value, origin = \"path:row N\"}")],
                         since: "0.1") { call in
                let given = try call.string(1)
                let path = try access.readable(call, 1)
                let (options, columns) = try Self.readOptions(call, 2)
                if columns != nil {
                    throw call.argumentError(2, "field 'columns': not an option here, the header's names are the record's fields")
                }
                guard options.hasHeader else {
                    throw call.argumentError(2, "field 'header': must not be false, the file's header names the fields")
                }
                do {
                    let reader = try CSVReader(url: URL(fileURLWithPath: path), options: options)
                    call.push(userdata: CSVRecords(reader: reader, source: given), as: CSVRecords.type)
                } catch {
                    throw LuaRuntimeMessage("csv.records: \(error)")
                }
                return 1
            }
            HostFunction("decode", "Reads CSV text held in memory.",
                         parameters: [.init("text", .string, "the CSV text"),
                                      .init("opts", "CSVReadOptions?", "{header =, columns =, separator =, encoding =}")],
                         returns: [.init("table[]", "the rows: tables keyed by column name, or arrays without a header")],
                         since: "0.1") { call in
                _ = try call.bytes(1)
                let (options, columns) = try Self.readOptions(call, 2)
                let stream: CSVStream
                do {
                    let opened = try call.stack.withBytes(at: 1) { try CSVText.reader(for: $0, options: options) }!
                    stream = try CSVStream(reader: opened.0, keeping: opened.1, columns: columns)
                } catch {
                    throw LuaRuntimeMessage("csv.decode: \(Self.inText(error))")
                }
                call.stack.reserve(4)
                lua_createtable(call.stack.state, 0, 0)
                var count: lua_Integer = 0
                do {
                    while try stream.push(call) {
                        count += 1
                        lua_rawseti(call.stack.state, -2, count)
                    }
                } catch {
                    throw LuaRuntimeMessage("csv.decode: \(Self.inText(error))")
                }
                return 1
            }
            HostFunction("encode", "Writes rows as CSV text.",
                         parameters: [.init("rows", "table[]", "arrays of values, or tables keyed by column name"),
                                      .init("opts", "CSVEncodeOptions?", "{columns =, header =, separator =, bom =}")],
                         returns: [.init(.string, "the CSV text")], since: "0.1") { call in
                call.returning(LuaString(try CSVEncoding(call).text()))
            }
        }
    }

    /// How to read the file, and `columns` (your name → the header's name) when given.
    private static func readOptions(_ call: LuaCall, _ position: Int32) throws -> (CSVReadOptions, columns: [String: String]?) {
        let options = try OptionsTable(call, position, allowed: ["header", "columns", "separator", "encoding"])
        var result = CSVReadOptions()
        result.hasHeader = try options.boolean("header") ?? true
        let columns = try options.value("columns", as: [String: String].self)
        if columns != nil && !result.hasHeader {
            throw options.error("columns", "columns are found by the header's names; header = false has none")
        }
        if let separator = try options.string("separator") {
            guard let delimiter = CSVDelimiter(rawValue: separator) else {
                throw options.error("separator", "'\(separator)' is not \",\", \";\" or \"\\t\"")
            }
            result.delimiter = delimiter
        }
        if let name = try options.string("encoding") {
            guard let encoding = TextEncoding(name: name) else {
                throw options.error("encoding", "'\(name)' is not utf-8, utf-16le, utf-16be or windows-1258")
            }
            result.encoding = encoding
        }
        return (result, columns)
    }

    /// A reader's error about in-memory text: without the anonymous file's name.
    private static func inText(_ error: any Error) -> String {
        guard let error = error as? FormatError else { return "\(error)" }
        var copy = error
        copy.file = "text"
        return copy.description
    }
}

/// The rows of one CSV reader, pushed as Lua tables.
final class CSVStream {
    private let reader: CSVReader
    /// Keeps an in-memory text's file open while its rows are read.
    private let keeping: AnyObject?
    /// With `columns`: the caller's name of each column read, and its position.
    private let keys: [(name: String, column: Int)]?

    /// Fails, naming every one missing, when the header lacks one of `columns`' headers.
    init(reader: CSVReader, keeping: AnyObject?, columns: [String: String]?) throws(FormatError) {
        self.reader = reader
        self.keeping = keeping
        guard let columns else {
            keys = nil
            return
        }
        // Sorted by header, so that the missing ones are named in the same order every time.
        let wanted = columns.sorted { $0.value < $1.value }
        try reader.requireColumns(wanted.map(\.value))
        keys = wanted.map { ($0.key, reader.header!.index(of: $0.value)!) }
    }

    /// The iterator's body: the next row and its number, or nothing at the end.
    func next(_ call: LuaCall) throws -> Int32 {
        do {
            guard let row = try reader.nextRow() else { return 0 }
            push(row, call)
            call.push(row.number)
            return 2
        } catch {
            throw LuaRuntimeMessage("csv.rows: \(error)")
        }
    }

    /// Pushes the next row; false at the end.
    func push(_ call: LuaCall) throws -> Bool {
        guard let row = try reader.nextRow() else { return false }
        push(row, call)
        return true
    }

    private func push(_ row: CSVRow, _ call: LuaCall) {
        if let keys {
            call.stack.reserve(4)
            lua_createtable(call.stack.state, 0, Int32(keys.count))
            for (name, column) in keys where column < row.fields.count {
                call.push(row.fields[column])
                lua_setfield(call.stack.state, -2, name)
            }
            return
        }
        guard let names = row.header?.names else {
            call.push(row.fields)
            return
        }
        // Straight into a Lua table: a row of a million-row export is pushed without an
        // intermediate dictionary.
        let state = call.stack.state
        call.stack.reserve(4)
        lua_createtable(state, 0, Int32(min(names.count, row.fields.count)))
        for (index, name) in names.enumerated() where !name.isEmpty && index < row.fields.count {
            call.push(row.fields[index])
            lua_setfield(state, -2, name)
        }
    }
}
