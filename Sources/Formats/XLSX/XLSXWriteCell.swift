/// How a written cell's number is displayed. The number itself stays a number.
public enum XLSXNumberFormat: Sendable, Hashable {
    case general
    /// `#,##0`: thousands grouped as the reader's locale does (4.266 in Vietnamese Excel).
    case integer
    /// `#,##0.00` with the given count of decimals.
    case decimal(Int)
    /// `0.00%` with the given count of decimals; the value is a ratio (0.987).
    case percent(Int)
    /// `dd/mm/yyyy`.
    case date
    /// `dd/mm/yyyy hh:mm`.
    case dateTime
    /// Any Excel format code.
    case custom(String)

    var code: String {
        func decimals(_ n: Int) -> String { n > 0 ? "." + String(repeating: "0", count: min(n, 10)) : "" }
        switch self {
        case .general: return "General"
        case .integer: return "#,##0"
        case .decimal(let n): return "#,##0" + decimals(n)
        case .percent(let n): return "0" + decimals(n) + "%"
        case .date: return "dd/mm/yyyy"
        case .dateTime: return "dd/mm/yyyy hh:mm"
        case .custom(let code): return code
        }
    }
}

/// A value to write into a cell.
public enum XLSXWriteValue: Sendable, Hashable {
    case text(String)
    case number(Double)
    case integer(Int)
    case bool(Bool)
    /// Written as a serial number in the 1900 date system with a date format.
    case date(XLSXDateTime)
    case empty
}

/// A cell to write: its value and how it looks.
public struct XLSXWriteCell: Sendable, Hashable {
    public var value: XLSXWriteValue
    public var format: XLSXNumberFormat
    public var bold: Bool
    /// Header look: bold, centred, wrapped, shaded, bordered.
    public var isHeader: Bool
    /// A thin border on every side (table bodies).
    public var bordered: Bool

    public init(_ value: XLSXWriteValue, format: XLSXNumberFormat? = nil, bold: Bool = false, isHeader: Bool = false,
                bordered: Bool = false) {
        self.value = value
        self.bold = bold || isHeader
        self.isHeader = isHeader
        self.bordered = bordered || isHeader
        if let format {
            self.format = format
        } else if case .date(let d) = value {
            self.format = d.isMidnight ? .date : .dateTime
        } else {
            self.format = .general
        }
    }

    /// A header cell.
    public static func header(_ text: String) -> XLSXWriteCell { XLSXWriteCell(.text(text), isHeader: true) }
}
