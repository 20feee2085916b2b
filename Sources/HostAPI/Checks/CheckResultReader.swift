import LuaBridge
import Scheduling

/// Reads what a check's `run(options)` returned into a ``Scheduling/CheckResult``:
///
/// ```lua
/// return {
///   status = "critical",                          -- ok | warning | critical | unknown
///   summary = "3 hồ sơ quá hạn",                  -- one line (more lines: long output)
///   metrics = { overdue = { value = 3, crit = "0", min = 0 }, checked = 120 },
///   items = { { key = "HS-001", department = "Phòng Tư pháp", days_left = -2,
///               message = "quá hạn 2 ngày làm việc" } },
/// }
/// ```
///
/// `metrics` is a table of label → number or `{value, unit, warn, crit, min, max}` (printed
/// sorted by label), or an array of such tables each with a `label` (printed in order).
/// Thresholds are Nagios ranges as text (`"10"`, `"5:"`, `"@1:3"`) or numbers (`0…n`).
/// Unknown fields are refused, so a misspelt `day_left` fails instead of vanishing. Every error
/// names the field: `items[3].key: expected a non-empty string`.
enum CheckResultReader {
    static let topFields: Set<String> = ["status", "summary", "metrics", "items"]
    static let itemFields: Set<String> = ["key", "department", "days_left", "message"]
    static let metricFields: Set<String> = ["label", "value", "unit", "warn", "crit", "min", "max"]

    static func read(_ returned: [LuaValue]) throws(CheckResultReadError) -> CheckResult {
        guard case .table(let table)? = returned.first else {
            throw CheckResultReadError(field: nil, reason: "run must return a table {status, summary, metrics, items}, "
                                       + "returned \(returned.first?.type.name ?? "nothing")")
        }
        try refuseUnknown(table, allowed: topFields, path: nil)
        guard let statusName = table["status"].stringValue else {
            throw CheckResultReadError(field: "status", reason: "expected \"ok\", \"warning\", \"critical\" or \"unknown\", got \(describe(table["status"]))")
        }
        guard let status = CheckStatus(name: statusName) else {
            throw CheckResultReadError(field: "status", reason: "'\(statusName)' is not ok, warning, critical or unknown")
        }
        guard let summary = table["summary"].stringValue else {
            throw CheckResultReadError(field: "summary", reason: "expected a string, got \(describe(table["summary"]))")
        }
        let metrics = try readMetrics(table["metrics"])
        let items = try readItems(table["items"])
        do {
            return try CheckResult(status: status, summary: summary, metrics: metrics, items: items)
        } catch {
            throw CheckResultReadError(field: nil, reason: "\(error)")
        }
    }

    private static func readItems(_ value: LuaValue) throws(CheckResultReadError) -> [CheckItem] {
        guard case .table(let list) = value else {
            if value == .nil { return [] }
            throw CheckResultReadError(field: "items", reason: "expected an array of tables, got \(describe(value))")
        }
        guard list.fields.isEmpty else {
            throw CheckResultReadError(field: "items", reason: "expected an array (keys 1, 2, 3, …), found named fields")
        }
        var items: [CheckItem] = []
        items.reserveCapacity(list.sequence.count)
        for (offset, element) in list.sequence.enumerated() {
            let path = "items[\(offset + 1)]"
            guard case .table(let item) = element else {
                throw CheckResultReadError(field: path, reason: "expected a table {key, department, days_left, message}, got \(describe(element))")
            }
            try refuseUnknown(item, allowed: itemFields, path: path)
            let key: String
            switch item["key"] {
            case .string(let s) where !(s.utf8 ?? "").isEmpty: key = s.utf8!
            case .integer(let i): key = String(i)
            default: throw CheckResultReadError(field: path + ".key", reason: "expected a non-empty string, got \(describe(item["key"]))")
            }
            items.append(CheckItem(key: key, department: try optionalString(item["department"], path + ".department"),
                                   daysLeft: try optionalInteger(item["days_left"], path + ".days_left"),
                                   message: try optionalString(item["message"], path + ".message")))
        }
        return items
    }

    private static func readMetrics(_ value: LuaValue) throws(CheckResultReadError) -> [CheckMetric] {
        guard case .table(let table) = value else {
            if value == .nil { return [] }
            throw CheckResultReadError(field: "metrics", reason: "expected a table, got \(describe(value))")
        }
        var metrics: [CheckMetric] = []
        for (offset, element) in table.sequence.enumerated() {
            let path = "metrics[\(offset + 1)]"
            guard case .table(let fields) = element, let label = fields["label"].stringValue else {
                throw CheckResultReadError(field: path, reason: "expected {label = \"...\", value = n, ...}")
            }
            metrics.append(try metric(label: label, fields, path: path))
        }
        let named = table.fields.compactMap { key, element -> (String, LuaValue)? in
            guard case .string(let s) = key else { return nil }
            return (s.description, element)
        }
        guard named.count == table.fields.count else {
            throw CheckResultReadError(field: "metrics", reason: "keys must be metric names or 1, 2, 3, …")
        }
        for (label, element) in named.sorted(by: { $0.0 < $1.0 }) {
            let path = "metrics." + label
            switch element {
            case .integer, .number:
                metrics.append(try metric(label: label, LuaTable(fields: [.string("value"): element]), path: path))
            case .table(let fields):
                if fields["label"] != .nil {
                    throw CheckResultReadError(field: path + ".label", reason: "the label is the key already")
                }
                metrics.append(try metric(label: label, fields, path: path))
            default:
                throw CheckResultReadError(field: path, reason: "expected a number or {value = n, ...}, got \(describe(element))")
            }
        }
        return metrics
    }

    private static func metric(label: String, _ fields: LuaTable, path: String) throws(CheckResultReadError) -> CheckMetric {
        try refuseUnknown(fields, allowed: metricFields, path: path)
        guard let value = fields["value"].numberValue else {
            throw CheckResultReadError(field: path + ".value", reason: "expected a number, got \(describe(fields["value"]))")
        }
        do {
            return try CheckMetric(label: label, value: value,
                                   unit: try optionalString(fields["unit"], path + ".unit"),
                                   warn: try range(fields["warn"], label: label, field: "warn", path: path),
                                   crit: try range(fields["crit"], label: label, field: "crit", path: path),
                                   min: try optionalNumber(fields["min"], path + ".min"),
                                   max: try optionalNumber(fields["max"], path + ".max"))
        } catch let error as CheckResultReadError {
            throw error
        } catch {
            throw CheckResultReadError(field: path, reason: "\(error)")
        }
    }

    private static func range(_ value: LuaValue, label: String, field: String, path: String) throws(CheckResultReadError) -> ThresholdRange? {
        switch value {
        case .nil: return nil
        case .integer, .number: return ThresholdRange(upTo: value.numberValue!)
        case .string(let s):
            do {
                return try ThresholdRange(s.description, metric: label, field: field)
            } catch {
                throw CheckResultReadError(field: path + "." + field, reason: "'\(s)' is not a Nagios range such as \"10\", \"5:\", \"~:10\" or \"@1:3\"")
            }
        default:
            throw CheckResultReadError(field: path + "." + field, reason: "expected a range as text or a number, got \(describe(value))")
        }
    }

    private static func refuseUnknown(_ table: LuaTable, allowed: Set<String>, path: String?) throws(CheckResultReadError) {
        for key in table.fields.keys {
            guard case .string(let s) = key, allowed.contains(s.description) else {
                throw CheckResultReadError(field: path, reason: "unknown field '\(key.pathComponent)' (expected "
                                           + allowed.sorted().joined(separator: ", ") + ")")
            }
        }
    }

    private static func optionalString(_ value: LuaValue, _ path: String) throws(CheckResultReadError) -> String? {
        switch value {
        case .nil: return nil
        case .string(let s):
            guard let text = s.utf8 else { throw CheckResultReadError(field: path, reason: "is not valid UTF-8") }
            return text
        default: throw CheckResultReadError(field: path, reason: "expected a string, got \(describe(value))")
        }
    }

    private static func optionalInteger(_ value: LuaValue, _ path: String) throws(CheckResultReadError) -> Int? {
        if value == .nil { return nil }
        guard let integer = value.integerValue, let int = Int(exactly: integer) else {
            throw CheckResultReadError(field: path, reason: "expected a whole number, got \(describe(value))")
        }
        return int
    }

    private static func optionalNumber(_ value: LuaValue, _ path: String) throws(CheckResultReadError) -> Double? {
        if value == .nil { return nil }
        guard let number = value.numberValue else {
            throw CheckResultReadError(field: path, reason: "expected a number, got \(describe(value))")
        }
        return number
    }

    private static func describe(_ value: LuaValue) -> String {
        switch value {
        case .string(let s): "\"\(s)\""
        case .integer(let i): "\(i)"
        case .number(let d): "\(d)"
        case .boolean(let b): "\(b)"
        default: value.type.name
        }
    }
}

/// What a check returned cannot be reported: `items[3].key: expected a non-empty string`.
public struct CheckResultReadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The dotted path of the field at fault, or nil for the value as a whole.
    public var field: String?
    public var reason: String

    public var description: String { (field.map { $0 + ": " } ?? "") + reason }
}
