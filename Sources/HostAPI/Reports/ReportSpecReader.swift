import Foundation
import Domain
import Formats
import LuaBridge

/// Reads the tables a report script passes (`doc:table{...}`, `doc:chart{...}`, paragraph runs)
/// into the Formats document model, with errors that name the field, row and column:
/// `rows[3][5] (column 'Quá hạn', integer): 2.5 is not a whole number`.
struct ReportSpecReader {
    /// A problem with one field of the table, reported by the caller as a bad argument.
    struct Problem: Error {
        var field: String
        var reason: String
    }

    /// Reads dates in the centre's zone.
    let time: CentreTime

    // MARK: Text

    /// A paragraph: a string, or an array of runs (strings, `{text =, bold =, italic =}` or
    /// `report.bold(...)`/`report.italic(...)`).
    func paragraph(_ value: LuaValue, field: String) throws(Problem) -> ReportParagraph {
        if let text = value.stringValue { return ReportParagraph(VietnameseText.nfc(text)) }
        guard case .table(let table) = value, table.fields.isEmpty || isRun(table) else {
            throw Problem(field: field, reason: "a string or an array of runs expected, got \(value.type.name)")
        }
        if isRun(table) { return ReportParagraph([try run(.table(table), field: field)]) }
        var runs: [TextRun] = []
        for (offset, item) in table.sequence.enumerated() {
            runs.append(try run(item, field: "\(field)[\(offset + 1)]"))
        }
        return ReportParagraph(runs)
    }

    private func isRun(_ table: LuaTable) -> Bool { table["text"] != .nil }

    private func run(_ value: LuaValue, field: String) throws(Problem) -> TextRun {
        if let text = value.stringValue { return TextRun(VietnameseText.nfc(text)) }
        guard case .table(let table) = value, let text = table["text"].stringValue else {
            throw Problem(field: field, reason: "a run is a string or {text = ..., bold = true, italic = true}")
        }
        return TextRun(VietnameseText.nfc(text), bold: table["bold"].isTruthy, italic: table["italic"].isTruthy)
    }

    /// A string, or an array of strings, as lines.
    func lines(_ value: LuaValue, field: String) throws(Problem) -> [String] {
        if value == .nil { return [] }
        if let text = value.stringValue { return [VietnameseText.nfc(text)] }
        guard case .table(let table) = value, table.fields.isEmpty else {
            throw Problem(field: field, reason: "a string or an array of strings expected, got \(value.type.name)")
        }
        var lines: [String] = []
        for (offset, item) in table.sequence.enumerated() {
            guard let text = item.stringValue else {
                throw Problem(field: "\(field)[\(offset + 1)]", reason: "string expected, got \(item.type.name)")
            }
            lines.append(VietnameseText.nfc(text))
        }
        return lines
    }

    // MARK: Tables

    /// What a column holds, which decides how its cells are typed.
    enum ColumnType: String, CaseIterable {
        /// Integers stay integers, other numbers get two decimals, strings stay text.
        case auto
        case text, integer, number, percent, date
    }

    struct Column {
        var column: ReportColumn
        var type: ColumnType
        var decimals: Int
    }

    /// `{title =, sheet =, columns =, groups =, rows =, total =}`.
    func table(_ spec: LuaTable) throws(Problem) -> ReportTable {
        try rejectUnknown(spec, allowed: ["title", "sheet", "columns", "groups", "rows", "total"], field: nil)
        guard case .table(let columnList) = spec["columns"], !columnList.sequence.isEmpty else {
            throw Problem(field: "columns", reason: "a non-empty array of column titles or {title =, type =, width =} expected")
        }
        var columns: [Column] = []
        for (offset, value) in columnList.sequence.enumerated() {
            columns.append(try column(value, field: "columns[\(offset + 1)]"))
        }
        let groups = try self.groups(spec["groups"], columns: columns.count)
        var rows: [ReportRow] = []
        if spec["rows"] != .nil {
            guard case .table(let rowList) = spec["rows"], rowList.fields.isEmpty else {
                throw Problem(field: "rows", reason: "an array of rows expected")
            }
            for (offset, value) in rowList.sequence.enumerated() {
                rows.append(try row(value, columns: columns, field: "rows[\(offset + 1)]", emphasis: false))
            }
        }
        if spec["total"] != .nil {
            rows.append(try row(spec["total"], columns: columns, field: "total", emphasis: true))
        }
        return ReportTable(title: try optionalText(spec["title"], field: "title"),
                           sheetName: try optionalText(spec["sheet"], field: "sheet"),
                           columns: columns.map(\.column), groups: groups, rows: rows)
    }

    private func column(_ value: LuaValue, field: String) throws(Problem) -> Column {
        if let title = value.stringValue {
            return Column(column: ReportColumn(VietnameseText.nfc(title)), type: .auto, decimals: 2)
        }
        guard case .table(let spec) = value, let title = spec["title"].stringValue else {
            throw Problem(field: field, reason: "a title or {title =, type =, width =, decimals =} expected")
        }
        try rejectUnknown(spec, allowed: ["title", "type", "width", "decimals"], field: field)
        var type = ColumnType.auto
        if spec["type"] != .nil {
            guard let name = spec["type"].stringValue, let known = ColumnType(rawValue: name) else {
                throw Problem(field: "\(field).type",
                              reason: "one of " + ColumnType.allCases.map(\.rawValue).joined(separator: ", "))
            }
            type = known
        }
        var width: Double?
        if spec["width"] != .nil {
            guard let number = spec["width"].numberValue, number > 0, number <= 255 else {
                throw Problem(field: "\(field).width", reason: "a width in characters between 1 and 255")
            }
            width = number
        }
        var decimals = 2
        if spec["decimals"] != .nil {
            guard let digits = spec["decimals"].integerValue, (0...9).contains(digits) else {
                throw Problem(field: "\(field).decimals", reason: "a whole number between 0 and 9")
            }
            decimals = Int(digits)
        }
        return Column(column: ReportColumn(VietnameseText.nfc(title), width: width), type: type, decimals: decimals)
    }

    private func groups(_ value: LuaValue, columns: Int) throws(Problem) -> [ReportColumnGroup] {
        if value == .nil { return [] }
        guard case .table(let list) = value, list.fields.isEmpty else {
            throw Problem(field: "groups", reason: "an array of {title =, span =} expected")
        }
        var groups: [ReportColumnGroup] = []
        var covered = 0
        for (offset, item) in list.sequence.enumerated() {
            let field = "groups[\(offset + 1)]"
            guard case .table(let group) = item, let title = group["title"].stringValue,
                  let span = group["span"].integerValue, span >= 1 else {
                throw Problem(field: field, reason: "{title = \"...\" (\"\" for none), span = columns covered} expected")
            }
            covered += Int(span)
            groups.append(ReportColumnGroup(VietnameseText.nfc(title), span: Int(span)))
        }
        guard covered <= columns else {
            throw Problem(field: "groups", reason: "the groups span \(covered) columns but the table has \(columns)")
        }
        return groups
    }

    private func row(_ value: LuaValue, columns: [Column], field: String, emphasis: Bool) throws(Problem) -> ReportRow {
        guard case .table(let values) = value else {
            throw Problem(field: field, reason: "a row is an array of cells, got \(value.type.name)")
        }
        try rejectUnknown(values, allowed: ["bold"], field: field, integerKeysAllowed: true)
        // Cells may be nil (empty): read keys 1...columns, not only the sequence.
        var cells: [ReportCell] = []
        let highest = values.fields.keys.compactMap { key -> Int? in
            if case .integer(let i) = key { return Int(i) }
            return nil
        }.max() ?? 0
        guard max(highest, values.sequence.count) <= columns.count else {
            throw Problem(field: field, reason: "\(max(highest, values.sequence.count)) cells for \(columns.count) columns")
        }
        for index in 0..<columns.count {
            let cell = index < values.sequence.count ? values.sequence[index] : values.fields[.integer(Int64(index + 1))] ?? .nil
            cells.append(try self.cell(cell, column: columns[index], field: "\(field)[\(index + 1)]"))
        }
        return ReportRow(cells, emphasis: emphasis || values["bold"].isTruthy)
    }

    /// A cell typed by its column: numbers become integers, decimals, percentages or dates;
    /// strings stay text (a dash in a number column, say) except in date columns.
    func cell(_ value: LuaValue, column: Column, field: String) throws(Problem) -> ReportCell {
        func fail(_ reason: String) -> Problem {
            Problem(field: field, reason: "(column '\(column.column.title)', \(column.type.rawValue)) \(reason)")
        }
        switch (value, column.type) {
        case (.nil, _):
            return .empty
        case (.boolean, _), (.table, _), (.function, _), (.userdata, _), (.lightUserdata, _), (.thread, _):
            throw fail("a string or a number expected, got \(value.type.name)")
        case (.string(let text), .date):
            guard let utf8 = text.utf8 else { throw fail("not UTF-8 text") }
            return .date(try date(of: .text(utf8), fail: fail))
        case (.string(let text), _):
            guard let utf8 = text.utf8 else { throw fail("not UTF-8 text") }
            return .text(VietnameseText.nfc(utf8))
        case (.integer(let n), .auto), (.integer(let n), .integer):
            return .integer(Int(n))
        case (.number(let d), .integer):
            guard let n = Int64(exactly: d) else { throw fail("\(d) is not a whole number") }
            return .integer(Int(n))
        case (.number(let d), .auto):
            guard d.isFinite else { throw fail("\(d) is not a finite number") }
            return .decimal(d, fractionDigits: column.decimals)
        case (_, .text):
            return .text(value.integerValue.map(String.init) ?? String(value.numberValue ?? 0))
        case (_, .number):
            let d = value.numberValue ?? 0
            guard d.isFinite else { throw fail("\(d) is not a finite number") }
            return .decimal(d, fractionDigits: column.decimals)
        case (_, .percent):
            let d = value.numberValue ?? 0
            guard d.isFinite else { throw fail("\(d) is not a finite number") }
            return .percent(d / 100, fractionDigits: column.decimals)
        case (.integer(let seconds), .date):
            return .date(try date(of: .seconds(seconds), fail: fail))
        case (.number(let d), .date):
            guard let seconds = Int64(exactly: d) else { throw fail("a time is a whole number of seconds") }
            return .date(try date(of: .seconds(seconds), fail: fail))
        }
    }

    private func date(of argument: TimeArgument, fail: (String) -> Problem) throws(Problem) -> ReportDate {
        let instant: Date
        do {
            instant = try argument.instant(in: time)
        } catch {
            throw fail(error.description)
        }
        let (year, month, day) = time.localDate(instant).civil
        guard let date = ReportDate(year: year, month: month, day: day) else { throw fail("not a calendar day") }
        return date
    }

    // MARK: Charts

    /// `{title =, categories =, series = {{name =, values =}}, kind = "integer"|"percent"}`.
    func chart(_ spec: LuaTable) throws(Problem) -> BarChart {
        try rejectUnknown(spec, allowed: ["title", "categories", "series", "kind"], field: nil)
        guard let title = spec["title"].stringValue else { throw Problem(field: "title", reason: "string expected") }
        let categories = try lines(spec["categories"], field: "categories")
        guard !categories.isEmpty else { throw Problem(field: "categories", reason: "at least one category expected") }
        var kind = BarChart.ValueKind.integer
        if spec["kind"] != .nil {
            guard let name = spec["kind"].stringValue, let known = BarChart.ValueKind(rawValue: name) else {
                throw Problem(field: "kind", reason: "\"integer\" or \"percent\" (values in percent, 98.7 for 98,7%)")
            }
            kind = known
        }
        guard case .table(let list) = spec["series"], list.fields.isEmpty, !list.sequence.isEmpty else {
            throw Problem(field: "series", reason: "an array of {name =, values =} expected")
        }
        var series: [ChartSeries] = []
        for (offset, item) in list.sequence.enumerated() {
            let field = "series[\(offset + 1)]"
            guard case .table(let one) = item, let name = one["name"].stringValue,
                  case .table(let values) = one["values"] else {
                throw Problem(field: field, reason: "{name = \"...\", values = {...}} expected")
            }
            guard values.sequence.count == categories.count, values.fields.isEmpty else {
                throw Problem(field: "\(field).values", reason: "one number per category (\(categories.count)) expected")
            }
            var numbers: [Double] = []
            for (index, value) in values.sequence.enumerated() {
                guard let number = value.numberValue, number.isFinite else {
                    throw Problem(field: "\(field).values[\(index + 1)]", reason: "a number expected, got \(value.type.name)")
                }
                numbers.append(kind == .percent ? number / 100 : number)
            }
            series.append(ChartSeries(VietnameseText.nfc(name), values: numbers))
        }
        return BarChart(title: VietnameseText.nfc(title), categories: categories, series: series, valueKind: kind)
    }

    // MARK: Signature

    /// `{recipients =, title =, name =}`.
    func signature(_ spec: LuaTable) throws(Problem) -> SignatureBlock {
        try rejectUnknown(spec, allowed: ["recipients", "title", "name"], field: nil)
        let title = try lines(spec["title"], field: "title")
        guard !title.isEmpty else {
            throw Problem(field: "title", reason: "the signer's title lines expected, e.g. {\"KT. GIÁM ĐỐC\", \"PHÓ GIÁM ĐỐC\"}")
        }
        return SignatureBlock(recipients: try lines(spec["recipients"], field: "recipients"), signerTitle: title,
                              signerName: try optionalText(spec["name"], field: "name"))
    }

    // MARK: Helpers

    func optionalText(_ value: LuaValue, field: String) throws(Problem) -> String? {
        if value == .nil { return nil }
        guard let text = value.stringValue else { throw Problem(field: field, reason: "string expected, got \(value.type.name)") }
        return VietnameseText.nfc(text)
    }

    /// Refuses string keys outside `allowed` (a misspelt field fails loudly).
    private func rejectUnknown(_ table: LuaTable, allowed: Set<String>, field: String?,
                               integerKeysAllowed: Bool = false) throws(Problem) {
        for key in table.fields.keys {
            switch key {
            case .string(let name):
                let text = name.utf8 ?? name.description
                if !allowed.contains(text) {
                    throw Problem(field: field.map { "\($0).\(text)" } ?? text, reason: "unknown field")
                }
            case .integer where integerKeysAllowed:
                continue
            default:
                throw Problem(field: field ?? key.pathComponent, reason: "unexpected key \(key.pathComponent)")
            }
        }
    }
}

