/// Why a check result, as a check built it, cannot be reported.
///
/// Each case names the metric or item at fault so that the author of a Lua check can find the
/// line that built it.
public enum CheckResultError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A metric label is empty or contains `=`, which the perfdata syntax cannot carry.
    case invalidMetricLabel(String)
    /// A metric value or bound is NaN or infinite.
    case nonFiniteValue(metric: String, field: String)
    /// A unit of measure contains a character that would break the perfdata syntax.
    case invalidUnit(metric: String, unit: String)
    /// A threshold is not a Nagios range such as `10`, `10:`, `~:10`, `10:20` or `@10:20`.
    case invalidRange(metric: String, field: String, text: String)
    /// An item has an empty key.
    case emptyItemKey(index: Int)

    public var description: String {
        switch self {
        case .invalidMetricLabel(let label):
            "metric label '\(label)' must be non-empty and must not contain '='"
        case .nonFiniteValue(let metric, let field):
            "metric '\(metric)': \(field) must be a finite number"
        case .invalidUnit(let metric, let unit):
            "metric '\(metric)': unit '\(unit)' must not contain digits, spaces, quotes, ';' or '='"
        case .invalidRange(let metric, let field, let text):
            "metric '\(metric)': \(field) '\(text)' is not a Nagios range (10, 10:, ~:10, 10:20, @10:20)"
        case .emptyItemKey(let index):
            "item \(index): key must not be empty"
        }
    }
}
