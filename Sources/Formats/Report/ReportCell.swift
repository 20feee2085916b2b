/// A typed table cell: writers keep the type (XLSX numbers stay numbers) and format the text.
public enum ReportCell: Sendable, Hashable {
    case text(String)
    case integer(Int)
    /// A number shown with a fixed count of decimals.
    case decimal(Double, fractionDigits: Int)
    /// A ratio (0.987 for 98.7%) shown as a percentage rounded to `fractionDigits`.
    case percent(Double, fractionDigits: Int)
    case date(ReportDate)
    case empty

    /// Whether the cell holds a number (right-aligned in every writer).
    public var isNumeric: Bool {
        switch self {
        case .integer, .decimal, .percent: return true
        case .text, .date, .empty: return false
        }
    }

    /// The cell as a reader sees it, in `style`.
    public func formatted(_ style: NumberStyle) -> String {
        switch self {
        case .text(let s): return s
        case .integer(let n): return style.integer(n)
        case .decimal(let d, let digits): return style.decimal(d, fractionDigits: digits)
        case .percent(let r, let digits): return style.percent(r, fractionDigits: digits)
        case .date(let d): return d.description
        case .empty: return ""
        }
    }

    /// The cell for machines: integers and decimals with a dot, ratios as ratios, ISO dates.
    public var plain: String {
        switch self {
        case .text(let s): return s
        case .integer(let n): return String(n)
        case .decimal(let d, _), .percent(let d, _): return d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : String(d)
        case .date(let d): return d.iso8601
        case .empty: return ""
        }
    }
}
