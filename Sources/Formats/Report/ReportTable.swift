/// A column of a report table.
public struct ReportColumn: Sendable, Hashable {
    public var title: String
    /// The width in characters for XLSX and a hint for DOCX; `nil` to size from the content.
    public var width: Double?

    public init(_ title: String, width: Double? = nil) {
        self.title = title
        self.width = width
    }
}

/// A header cell spanning consecutive columns above their own titles, as the statistics table's
/// "Tiếp nhận" over "Kỳ trước chuyển sang / Trực tuyến / Trực tiếp / Bưu chính". A group with an
/// empty title leaves its columns' titles to span both header rows.
public struct ReportColumnGroup: Sendable, Hashable {
    public var title: String
    public var span: Int

    public init(_ title: String, span: Int) {
        self.title = title
        self.span = span
    }
}

/// A table row; `emphasis` marks a total row (bold).
public struct ReportRow: Sendable, Hashable {
    public var cells: [ReportCell]
    public var emphasis: Bool

    public init(_ cells: [ReportCell], emphasis: Bool = false) {
        self.cells = cells
        self.emphasis = emphasis
    }
}

/// A table of typed cells, with an optional row of column groups above the column titles.
public struct ReportTable: Sendable, Hashable {
    /// A caption above the table; also the sheet's name in XLSX unless `sheetName` is set.
    public var title: String?
    public var sheetName: String?
    public var columns: [ReportColumn]
    /// Groups covering the columns left to right; empty for a one-row header.
    public var groups: [ReportColumnGroup]
    public var rows: [ReportRow]

    public init(title: String? = nil, sheetName: String? = nil, columns: [ReportColumn],
                groups: [ReportColumnGroup] = [], rows: [ReportRow] = []) {
        self.title = title
        self.sheetName = sheetName
        self.columns = columns
        self.groups = groups
        self.rows = rows
    }

    /// The group over each column (nil where the column has none), left to right.
    public var groupOfColumn: [ReportColumnGroup?] {
        var result: [ReportColumnGroup?] = []
        for group in groups { result += Array(repeating: group.title.isEmpty ? nil : group, count: group.span) }
        return Array((result + Array(repeating: nil, count: max(0, columns.count - result.count))).prefix(columns.count))
    }

    /// Whether the header takes two rows.
    public var hasGroupRow: Bool { groups.contains { !$0.title.isEmpty } }

    /// One name per column: "Group / Title" under a group, for formats with one header row.
    public var flatColumnNames: [String] {
        zip(columns, groupOfColumn).map { column, group in group.map { "\($0.title) / \(column.title)" } ?? column.title }
    }
}
