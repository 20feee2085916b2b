import CLua
import Formats
import Foundation
import LuaBridge
import Sandbox

/// `xlsx`: the sheets of Excel workbooks granted for reading, streamed row by row through
/// Formats' reader (shared strings, styles, dates stored as serial numbers, merged header rows,
/// zip-bomb limits).
struct XLSXModule {
    let environment: HostEnvironment

    init(_ environment: HostEnvironment) { self.environment = environment }

    static let guide = """
        `xlsx.rows(path, opts)` streams the rows of one sheet, whatever its size: \
        `for row, n in xlsx.rows("bao-cao.xlsx", {columns = {code = "Mã hồ sơ"}}) do print(n, row.code) end`. \
        Government exports open with a title block and often a header on two rows with merged \
        cells; with `columns` the header is found among the first rows (`scan`, default 30) by \
        the names it must hold, a two-row header read as \"Parent / Child\" (\"Ngày / Tiếp \
        nhận\"), names matched without regard to case, spacing or Unicode form, and each row is \
        keyed by your names. Without `columns` the first row is the header and rows are keyed by \
        its names; with `header = false` rows are arrays. Text cells are strings, numbers \
        numbers (whole ones integers), booleans booleans, dates and times `dd/MM/yyyy \
        HH:mm:ss` text that every time argument accepts; empty cells are nil. A date stored as \
        a plain number (a serial) reads with `xlsx.serial_date`. Errors name the file, sheet and \
        cell.
        """

    static let classes = [
        DocumentedClass("XLSXReadOptions", "Options of `xlsx.rows`.", fields: [
            .init("sheet", "string|integer?", "the sheet's name or 1-based position (default 1)"),
            .init("columns", "table<string, string>?", "your name → the header's name; the header is found by these"),
            .init("header", HostType.boolean.optional, "without columns: the first row names the columns (default true)"),
            .init("scan", HostType.integer.optional, "how many first rows to search for the header (default 30)"),
        ]),
    ]

    var module: HostModule {
        let access = FileAccess(capabilities: environment.capabilities)
        return HostModule("xlsx", "Excel workbooks: sheet names and streaming rows.", since: "0.1") {
            HostFunction("sheets", "The names of a workbook's sheets, in tab order.",
                         parameters: [.init("path", .string, "an .xlsx file granted for reading")],
                         returns: [.init(HostType.string.array, "the sheet names")], since: "0.1") { call in
                let workbook = try Self.open(call, access)
                return call.returning(workbook.sheetNames)
            }
            HostFunction("rows", "Streams the rows of one sheet of a workbook granted for reading.",
                         parameters: [.init("path", .string, "an .xlsx file granted for reading"),
                                      .init("opts", "XLSXReadOptions?", "{sheet =, columns =, header =, scan =}")],
                         returns: [.init("fun(): (table?, integer?)", "an iterator giving each row and its row number in the sheet")],
                         since: "0.1") { call in
                let workbook = try Self.open(call, access)
                let stream = try SheetStream(call, workbook: workbook)
                call.stack.pushFunction(name: "xlsx.rows iterator") { inner in try stream.next(inner) }
                return 1
            }
            HostFunction("serial_date", "A date stored as a spreadsheet serial number, as text: 46027.5 → \"05/01/2026 12:00:00\".",
                         parameters: [.init("serial", .number, "days since 30/12/1899 (Excel's 1900 system), the fraction the time of day")],
                         returns: [.init(HostType.string.optional, "dd/MM/yyyy or dd/MM/yyyy HH:mm:ss, nil for a number that is no date")],
                         since: "0.1") { call in
                let serial = try call.number(1)
                return call.returning(XLSXDateTime(serial: serial, system: .from1900)?.description)
            }
        }
    }

    private static func open(_ call: LuaCall, _ access: FileAccess) throws -> XLSXWorkbook {
        let path = try access.readable(call, 1)
        do {
            return try XLSXWorkbook(url: URL(fileURLWithPath: path))
        } catch {
            throw LuaRuntimeMessage("\(call.functionName): \(error)")
        }
    }
}

/// The rows of one sheet, pushed as Lua tables keyed by column name (or arrays).
private final class SheetStream {
    private enum Source {
        /// A header found by names: each row keyed by the caller's names.
        case table(XLSXTable, keys: [(key: String, column: Int)])
        /// The first row names the columns.
        case headed(XLSXRowReader, names: [String])
        case plain(XLSXRowReader)
    }

    private var source: Source

    init(_ call: LuaCall, workbook: XLSXWorkbook) throws {
        let options = try OptionsTable(call, 2, allowed: ["sheet", "columns", "header", "scan"])
        let sheet: XLSXSheetSelector
        if call.stack.type(at: 2) == .table, let name = try? options.string("sheet") {
            sheet = .name(name)
        } else if let index = try options.integer("sheet") {
            guard index >= 1 else { throw options.error("sheet", "positions start at 1") }
            sheet = .index(index - 1)
        } else {
            sheet = .index(0)
        }
        do {
            if let columns = try options.value("columns", as: [String: String].self) {
                let scan = try options.integer("scan") ?? 30
                guard scan >= 1 else { throw options.error("scan", "must be at least 1 row") }
                let wanted = columns.sorted { $0.key < $1.key }
                let table = try workbook.table(sheet: sheet, expecting: wanted.map(\.value), scanRows: scan)
                source = .table(table, keys: wanted.map { ($0.key, table.header.columns.index(of: $0.value)!) })
            } else if try options.boolean("header") ?? true {
                let reader = try workbook.rows(sheet: sheet)
                let first = try reader.nextRow()
                source = .headed(reader, names: first?.cells.map { $0.map { "\($0)" } ?? "" } ?? [])
            } else {
                source = .plain(try workbook.rows(sheet: sheet))
            }
        } catch let error as FormatError {
            throw LuaRuntimeMessage("xlsx.rows: \(error)")
        }
    }

    /// The iterator's body: the next row with a value and its number, or nothing at the end.
    func next(_ call: LuaCall) throws -> Int32 {
        do {
            switch source {
            case .table(let table, let keys):
                guard let row = try table.nextRow() else { return 0 }
                push(keys.map { ($0.key, row.row[$0.column]) }, call)
                call.push(row.number)
            case .headed(let reader, let names):
                guard let row = try nextValued(reader) else { return 0 }
                push(names.enumerated().filter { !$0.element.isEmpty }.map { ($0.element, row[$0.offset]) }, call)
                call.push(row.number)
            case .plain(let reader):
                guard let row = try nextValued(reader) else { return 0 }
                call.stack.reserve(4)
                lua_createtable(call.stack.state, Int32(row.cells.count), 0)
                for (index, cell) in row.cells.enumerated() {
                    push(cell, call)
                    lua_rawseti(call.stack.state, -2, lua_Integer(index + 1))
                }
                call.push(row.number)
            }
            return 2
        } catch {
            throw LuaRuntimeMessage("xlsx.rows: \(error)")
        }
    }

    private func nextValued(_ reader: XLSXRowReader) throws -> XLSXRow? {
        while let row = try reader.nextRow() {
            if !row.isEmpty { return row }
        }
        return nil
    }

    private func push(_ fields: [(String, XLSXCellValue?)], _ call: LuaCall) {
        call.stack.reserve(4)
        lua_createtable(call.stack.state, 0, Int32(fields.count))
        for (name, value) in fields where value != nil {
            push(value, call)
            lua_setfield(call.stack.state, -2, name)
        }
    }

    private func push(_ value: XLSXCellValue?, _ call: LuaCall) {
        switch value {
        case nil: lua_pushnil(call.stack.state)
        case .text(let s)?: call.push(s)
        case .number(let n)?:
            if n == n.rounded(), abs(n) < 9.0e15 { call.push(Int64(n)) } else { call.push(n) }
        case .bool(let b)?: call.push(b)
        case .date(let d)?: call.push(d.description)
        case .error(let e)?: call.push(e)
        }
    }
}
