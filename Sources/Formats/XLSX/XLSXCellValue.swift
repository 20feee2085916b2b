/// A typed cell value as a sheet stores it.
public enum XLSXCellValue: Sendable, Hashable, CustomStringConvertible {
    /// A string (shared, inline or a formula's string result), NFC.
    case text(String)
    /// A number whose format is not a date.
    case number(Double)
    case bool(Bool)
    /// A number whose format is a date or time, converted with the workbook's date system.
    case date(XLSXDateTime)
    /// An error value such as `#DIV/0!`.
    case error(String)

    /// The value as text: numbers without a trailing `.0` when whole, dates `dd/MM/yyyy[ HH:mm:ss]`,
    /// booleans `true`/`false`.
    public var description: String {
        switch self {
        case .text(let s): return s
        case .number(let n):
            if n == n.rounded(), abs(n) < 1e15 { return String(Int64(n)) }
            return String(n)
        case .bool(let b): return b ? "true" : "false"
        case .date(let d): return d.description
        case .error(let e): return e
        }
    }
}
