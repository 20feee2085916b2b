/// One series of a bar chart: a value per category.
public struct ChartSeries: Sendable, Hashable {
    public var name: String
    public var values: [Double]

    public init(_ name: String, values: [Double]) {
        self.name = name
        self.values = values
    }
}

/// A simple horizontal bar chart: categories down the side, one bar per series in each.
/// HTML draws it as inline SVG; the other formats show its numbers as a table.
public struct BarChart: Sendable, Hashable {
    public enum ValueKind: String, Sendable, Hashable { case integer, percent }

    public var title: String
    public var categories: [String]
    public var series: [ChartSeries]
    /// How values are printed: integers, or ratios as percentages.
    public var valueKind: ValueKind

    public init(title: String, categories: [String], series: [ChartSeries], valueKind: ValueKind = .integer) {
        self.title = title
        self.categories = categories
        self.series = series
        self.valueKind = valueKind
    }

    /// The chart's numbers as a table (category, then a column per series).
    public var table: ReportTable {
        let cells: (Double) -> ReportCell = { value in
            switch self.valueKind {
            case .integer: return .integer(Int(value.rounded()))
            case .percent: return .percent(value, fractionDigits: 2)
            }
        }
        let rows = categories.indices.map { i in
            ReportRow([.text(categories[i])] + series.map { i < $0.values.count ? cells($0.values[i]) : .empty })
        }
        return ReportTable(title: title, columns: [ReportColumn("")] + series.map { ReportColumn($0.name) }, rows: rows)
    }
}
