import Domain
import Formats
import Foundation
import LuaBridge
import Sandbox

/// `report`: builds the document a report plugin returns, in the Formats model every writer
/// renders (Markdown, HTML, CSV, JSON, XLSX, DOCX).
struct ReportModule {
    let environment: HostEnvironment

    init(_ environment: HostEnvironment) { self.environment = environment }

    static let guide = """
        A report plugin's `M.build(period, options)` returns a document: \
        `local doc = report.document{title = "BÁO CÁO", issuer = {"UBND PHƯỜNG HƯNG ĐẠO", \
        "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG"}, number = report.document_number("BC", "TTPVHCC"), \
        place_date = report.place_date("Hưng Đạo", {year = 2026})}` starts one with the header \
        block of an official document, then `doc:heading`, `doc:paragraph`, `doc:list`, \
        `doc:table`, `doc:chart`, `doc:signature` and `doc:page_break` append blocks in \
        reading order. The host writes it in the format asked for (`hostrun report NAME -o \
        out.docx`); a script never writes a format itself.

        Table cells are typed by their column: `{title = "Tiếp nhận", type = "integer"}` keeps \
        numbers as numbers in XLSX and prints them 4.266 elsewhere; `percent` columns take rates \
        in percent (98.7 prints 98,7%); `date` columns take times or "25/05/2026". The decimal \
        mark of the text is the document's `decimal` ("," by default; the seed's prose writes ".").
        """

    var module: HostModule {
        let environment = self.environment
        let time = environment.time
        return HostModule("report", "Builds report documents: header block, headings, prose, tables, charts, signature.", since: "0.1") {
            HostFunction("document", "Starts a document with its title and, for an official document, its header block.",
                         parameters: [.init("opts", "DocumentOptions", "{title =, subtitle =, issuer =, number =, place =, date =, place_date =, decimal =, author =}")],
                         returns: [.init("Document", "the empty document")], since: "0.1") { call in
                let metadata = try Self.metadata(call, time: time)
                call.push(userdata: DocumentObject(ReportDocument(metadata: metadata), time: time), as: DocumentObject.type)
                return 1
            }
            HostFunction("bold", "A run of bold text, for `doc:paragraph{...}`.",
                         parameters: [.init("text", .string, "the text to print in bold")], returns: [.init("Run", "{text =, bold = true}")], since: "0.1") { call in
                call.returning(LuaTable(fields: [.string("text"): .string(LuaString(try call.string(1))), .string("bold"): .boolean(true)]))
            }
            HostFunction("italic", "A run of italic text, for `doc:paragraph{...}`.",
                         parameters: [.init("text", .string, "the text to print in italics")], returns: [.init("Run", "{text =, italic = true}")], since: "0.1") { call in
                call.returning(LuaTable(fields: [.string("text"): .string(LuaString(try call.string(1))), .string("italic"): .boolean(true)]))
            }
            HostFunction("document_number", "The number line of an official document, the number left blank for the clerk unless given: \"Số: /BC-TTPVHCC\".",
                         parameters: [.init("kind", .string, "the document's kind, e.g. BC (báo cáo), KH, QĐ"),
                                      .init("issuer", .string, "the issuer's abbreviation, e.g. TTPVHCC"),
                                      .init("number", "integer|string?", "the number, when known")],
                         returns: [.init(.string, "e.g. \"Số: /BC-TTPVHCC\" or \"Số: 12/BC-TTPVHCC\"")], since: "0.1") { call in
                let kind = try call.string(1), issuer = try call.string(2)
                let number: String
                switch try call.optional(3, as: LuaValue.self) {
                case nil, .nil?: number = ""
                case let value?:
                    guard let text = value.integerValue.map(String.init) ?? value.stringValue else {
                        throw call.argumentError(3, "integer or string expected, got \(call.stack.typeDescription(at: 3))")
                    }
                    number = text
                }
                return call.returning(VietnameseText.nfc("Số: \(number)/\(kind)-\(issuer)"))
            }
            HostFunction("place_date", "The place-and-date line: \"Hưng Đạo, ngày 25 tháng 5 năm 2026\", or with the day and month left blank for the signing.",
                         parameters: [.init("place", .string, "the place, e.g. \"Hưng Đạo\""),
                                      .init("opts", "PlaceDateOptions?", "{date = the signing date} or {year = the year of a line left blank} (default: blank, this year)")],
                         returns: [.init(.string, "the line")], since: "0.1") { call in
                let place = VietnameseText.nfc(try call.string(1))
                let options = try OptionsTable(call, 2, allowed: ["date", "year"])
                if let date = try options.date("date", in: time) {
                    let (year, month, day) = date.civil
                    return call.returning(ReportDate(year: year, month: month, day: day)!.officialLine(place: place))
                }
                let year = try options.integer("year") ?? time.localDate(environment.clock.now()).civil.year
                return call.returning("\(place), ngày tháng năm \(year)")
            }
            HostFunction("numbered", "A table spec numbered as official tables are: an \"STT\" column first, each row numbered from 1, and a total row (given, or summed).",
                         parameters: [.init("spec", "NumberedTableSpec", "{title =, sheet =, columns =, groups =, rows =, total =}: rows and total without their number")],
                         returns: [.init("TableSpec", "the spec for `doc:table`")], since: "0.1") { call in
                call.returning(try Self.numbered(try call.table(1), call))
            }
            HostFunction("build", "Builds a report plugin as `hostrun report` does and returns its document (spec files run by `hostrun test` only).",
                         parameters: [.init("name", .string, "the report, e.g. \"thong-ke-tthc\""),
                                      .init("period", "Period", "the reporting period"),
                                      .init("options", "table<string, string|integer|boolean>?", "its options, as --option gives them")],
                         returns: [.init("Document", "the document M.build returned")], since: "0.1") { call in
                guard environment.controlsClock else {
                    throw LuaRuntimeMessage("report.build: only in spec files run by hostrun test (use hostrun report to build a report)")
                }
                let name = try call.string(1)
                let period = try PeriodModule.period(call, 2)
                let options = try Self.optionStrings(call, 3)
                do {
                    let catalog = PluginCatalog(searchFolders: PluginCatalog.defaultSearchFolders())
                    let plugin = try ReportRunner.report(named: name, in: catalog)
                    let host = PluginHost(clock: environment.clock, store: environment.store, deadlines: environment.deadlines,
                                          log: environment.log)
                    let document = try ReportRunner.build(plugin, ReportRequest(period: period, options: options), host: host)
                    call.push(userdata: DocumentObject(document, time: time), as: DocumentObject.type)
                    return 1
                } catch {
                    throw LuaRuntimeMessage("report.build: \(error)")
                }
            }
        }
    }

    /// The options of `report.document`.
    private static func metadata(_ call: LuaCall, time: CentreTime) throws -> ReportMetadata {
        let options = try OptionsTable(call, 1, allowed: ["title", "subtitle", "issuer", "number", "place", "date",
                                                          "place_date", "decimal", "author", "landscape"])
        guard let title = try options.string("title") else { throw options.error("title", "the document's title is required") }
        var metadata = ReportMetadata(title: VietnameseText.nfc(title))
        metadata.subtitle = try options.string("subtitle").map(VietnameseText.nfc)
        metadata.issuer = (try options.strings("issuer") ?? []).map(VietnameseText.nfc)
        metadata.documentNumber = try options.string("number").map(VietnameseText.nfc)
        metadata.place = try options.string("place").map(VietnameseText.nfc)
        if let date = try options.date("date", in: time) {
            let (year, month, day) = date.civil
            metadata.date = ReportDate(year: year, month: month, day: day)
        }
        metadata.placeDateText = try options.string("place_date").map(VietnameseText.nfc)
        metadata.author = try options.string("author")
        metadata.landscape = try options.boolean("landscape") ?? false
        switch try options.string("decimal") {
        case nil, ",": metadata.numberStyle = NumberStyle(decimalMark: ",")
        case ".": metadata.numberStyle = NumberStyle(decimalMark: ".")
        case let other?: throw options.error("decimal", "'\(other)' is not \",\" or \".\"")
        }
        return metadata
    }

    /// The number column of ``numbered(_:_:)``.
    private static var numberColumn: LuaValue {
        .table(LuaTable(fields: [.string("title"): .string("STT"), .string("type"): .string("integer"), .string("width"): .integer(5)]))
    }

    /// `spec` with a number column first: each row gets its number, the total row an empty
    /// cell; a total given as text is that label over the sums of the integer and number columns.
    private static func numbered(_ spec: LuaTable, _ call: LuaCall) throws -> LuaTable {
        guard case .table(let columns) = spec["columns"], !columns.sequence.isEmpty else {
            throw call.argumentError(1, "field 'columns': a non-empty array of columns expected")
        }
        let width = columns.sequence.count
        // Cells 1...width of a row, nil ones included (a row may have holes).
        func cells(_ row: LuaTable) -> [LuaValue] {
            (0..<width).map { $0 < row.sequence.count ? row.sequence[$0] : row.fields[.integer(Int64($0 + 1))] ?? .nil }
        }
        // A row of cells as a Lua array, its holes left out.
        func array(_ cells: [LuaValue], keeping row: LuaTable = LuaTable()) -> LuaValue {
            var table = LuaTable()
            if row["bold"] != .nil { table["bold"] = row["bold"] }
            for (index, cell) in cells.enumerated() where cell != .nil { table.fields[.integer(Int64(index + 1))] = cell }
            return .table(table)
        }
        var result = spec
        result["columns"] = .table(LuaTable(sequence: [numberColumn] + columns.sequence))
        if case .table(var groups) = spec["groups"] {
            // The number column joins a leading untitled group (its columns' titles span both
            // header rows, as the number's does), else heads one of its own.
            if case .table(var first)? = groups.sequence.first, first["title"].stringValue == "",
               let span = first["span"].integerValue {
                first["span"] = .integer(span + 1)
                groups.sequence[0] = .table(first)
            } else {
                groups.sequence.insert(.table(LuaTable(fields: [.string("title"): .string(""), .string("span"): .integer(1)])), at: 0)
            }
            result["groups"] = .table(groups)
        }
        var rows: [[LuaValue]] = []
        var numbered: [LuaValue] = []
        if case .table(let list) = spec["rows"] {
            for (offset, value) in list.sequence.enumerated() {
                guard case .table(let row) = value else {
                    throw call.argumentError(1, "rows[\(offset + 1)]: a row is an array of cells, got \(value.type.name)")
                }
                rows.append(cells(row))
                numbered.append(array([.integer(Int64(offset + 1))] + rows[offset], keeping: row))
            }
        }
        result["rows"] = .table(LuaTable(sequence: numbered))
        switch spec["total"] {
        case .nil: break
        case .table(let total): result["total"] = array([.nil] + cells(total))
        case .string(let label):
            let summed = columns.sequence.enumerated().map { index, column -> LuaValue in
                if index == 0 { return .string(label) }
                guard case .table(let column) = column, ["integer", "number"].contains(column["type"].stringValue) else { return .nil }
                let values = rows.map { $0[index] }
                if values.allSatisfy({ $0.integerValue != nil || $0 == .nil }) {
                    return .integer(values.reduce(0) { $0 + ($1.integerValue ?? 0) })
                }
                return .number(values.reduce(0) { $0 + ($1.numberValue ?? 0) })
            }
            result["total"] = array([.nil] + summed)
        case let other:
            throw call.argumentError(1, "field 'total': a row or a label expected, got \(other.type.name)")
        }
        return result
    }

    /// The options of `report.build` as the command line would give them.
    private static func optionStrings(_ call: LuaCall, _ position: Int32) throws -> [String: String] {
        guard let table = try call.optional(position, as: LuaTable.self) else { return [:] }
        var result: [String: String] = [:]
        for (key, value) in table.fields {
            guard case .string(let name) = key, let name = name.utf8 else {
                throw call.argumentError(position, "option names must be strings")
            }
            switch value {
            case .string(let text):
                guard let utf8 = text.utf8 else { throw call.argumentError(position, "field '\(name)': not UTF-8 text") }
                result[name] = utf8
            case .integer(let n): result[name] = String(n)
            case .boolean(let b): result[name] = b ? "true" : "false"
            default: throw call.argumentError(position, "field '\(name)': a string, integer or boolean expected")
            }
        }
        return result
    }

    static let classes = [
        DocumentedClass(userdata: DocumentObject.type),
        DocumentedClass("DocumentOptions", "Options of `report.document`: the title, the header block of an official document and the page.", fields: [
            .init("title", .string, "the title, e.g. \"BÁO CÁO\" (required)"),
            .init("subtitle", HostType.string.optional, "what it is about (trích yếu), printed bold under the title"),
            .init("issuer", "string|string[]?", "the issuing body, top to bottom: the body above it, then the issuer (printed bold); without it no official header block is printed"),
            .init("number", HostType.string.optional, "the number line, e.g. report.document_number(\"BC\", \"TTPVHCC\")"),
            .init("place", HostType.string.optional, "the place of the place-and-date line"),
            .init("date", "integer|string?", "the date of the place-and-date line"),
            .init("place_date", HostType.string.optional, "the place-and-date line as printed (wins over place and date), e.g. report.place_date(\"Hưng Đạo\", {year = 2026})"),
            .init("decimal", HostType.string.optional, "the decimal mark of the text: \",\" (default) or \".\""),
            .init("author", HostType.string.optional, "the author in the file's properties"),
            .init("landscape", HostType.boolean.optional, "print on landscape A4 (DOCX, HTML), for wide tables"),
        ]),
        DocumentedClass("Run", "A run of text in a paragraph.", fields: [
            .init("text", .string, "the text"),
            .init("bold", HostType.boolean.optional, "bold"),
            .init("italic", HostType.boolean.optional, "italic"),
        ]),
        DocumentedClass("TableSpec", "A table for `doc:table`: cells typed by their column.", fields: [
            .init("title", HostType.string.optional, "the caption; also the sheet's name in XLSX"),
            .init("sheet", HostType.string.optional, "the sheet's name in XLSX, when not the title"),
            .init("columns", "string[]|ColumnSpec[]", "the columns, left to right: a title, or {title =, type =, width =, decimals =}"),
            .init("groups", "ColumnGroup[]?", "header cells spanning columns, left to right, e.g. {title = \"Tiếp nhận\", span = 4}; title \"\" for columns without a group"),
            .init("rows", "any[][]?", "the rows: one value per column (nil for an empty cell); a row with bold = true is printed bold"),
            .init("total", "any[]?", "a total row, printed bold after the rows"),
        ]),
        DocumentedClass("NumberedTableSpec", "A table for `report.numbered`: a `TableSpec` whose rows and total have no number yet.", fields: [
            .init("title", HostType.string.optional, "the caption; also the sheet's name in XLSX"),
            .init("sheet", HostType.string.optional, "the sheet's name in XLSX, when not the title"),
            .init("columns", "string[]|ColumnSpec[]", "the columns after \"STT\", left to right"),
            .init("groups", "ColumnGroup[]?", "header cells spanning the columns after \"STT\""),
            .init("rows", "any[][]?", "the rows, numbered from 1 in this order"),
            .init("total", "any[]|string?", "a total row, or the label of one that sums every integer and number column (label in the first column)"),
        ]),
        DocumentedClass("ColumnSpec", "A column of a table.", fields: [
            .init("title", .string, "the column's title"),
            .init("type", HostType.string.optional, "auto (default: integers, numbers with two decimals, text), text, integer, number, percent (rates in percent: 98.7) or date (times or \"25/05/2026\")"),
            .init("width", HostType.number.optional, "the width in characters (XLSX; a hint for DOCX)"),
            .init("decimals", HostType.integer.optional, "digits after the mark for number and percent columns (default 2; percentages drop trailing zeros)"),
        ]),
        DocumentedClass("ColumnGroup", "A header cell over consecutive columns.", fields: [
            .init("title", .string, "the group's title, or \"\" for columns without one"),
            .init("span", .integer, "how many columns it covers"),
        ]),
        DocumentedClass("ChartSpec", "A horizontal bar chart for `doc:chart`.", fields: [
            .init("title", .string, "the chart's title"),
            .init("categories", "string[]", "the bars' labels"),
            .init("series", "ChartSeries[]", "the series: one bar per series in each category"),
            .init("kind", HostType.string.optional, "integer (default) or percent (values in percent)"),
        ]),
        DocumentedClass("ChartSeries", "One series of a bar chart.", fields: [
            .init("name", .string, "the series' name (a column of the chart's number table)"),
            .init("values", "number[]", "one value per category, in percent for a percent chart"),
        ]),
        DocumentedClass("SignatureSpec", "The closing block of an official document, for `doc:signature`.", fields: [
            .init("recipients", "string|string[]?", "the lines under \"Nơi nhận:\", e.g. {\"- Văn phòng HĐND & UBND;\", \"- Lưu: TTPVHCC\"}"),
            .init("title", "string|string[]", "the signer's title lines, e.g. {\"KT. GIÁM ĐỐC\", \"PHÓ GIÁM ĐỐC\"}"),
            .init("name", HostType.string.optional, "the signer's name"),
        ]),
        DocumentedClass("PlaceDateOptions", "Options of `report.place_date`.", fields: [
            .init("date", "integer|string?", "the signing date"),
            .init("year", HostType.integer.optional, "the year of a line whose day and month are left blank"),
        ]),
    ]
}
