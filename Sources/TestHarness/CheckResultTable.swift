import HostAPI
import LuaBridge
import Scheduling

/// A check's result as `plugin.check` gives it to a spec: what `hostrun check` reports, in
/// tables a spec can assert on.
///
/// `status` (`"ok"`, `"warning"`, `"critical"`, `"unknown"`), `exit_code`, `summary`, `output`
/// (the Nagios plugin output, every line), `perfdata` (the performance data after its ` | `),
/// `metrics` by label (`{value, unit, warn, crit, min, max}`, thresholds as their range text),
/// `items` (`{key, department, days_left, message}`) and `keys` (the items' keys in order).
enum CheckResultTable {
    static func table(_ result: CheckResult) -> LuaTable {
        var table = LuaTable()
        table["status"] = .string(LuaString(result.status.name))
        table["exit_code"] = .integer(Int64(result.status.exitCode))
        table["summary"] = .string(LuaString(result.summary))
        table["output"] = .string(LuaString(result.nagiosOutput))
        table["perfdata"] = .string(LuaString(result.metrics.map(\.perfdata).joined(separator: " ")))
        var metrics = LuaTable()
        for metric in result.metrics { metrics[metric.label] = .table(self.metric(metric)) }
        table["metrics"] = .table(metrics)
        table["items"] = .table(LuaTable(sequence: result.items.map { .table(item($0)) }))
        table["keys"] = .table(LuaTable(sequence: result.items.map { .string(LuaString($0.key)) }))
        return table
    }

    private static func metric(_ metric: CheckMetric) -> LuaTable {
        var table = LuaTable()
        table["value"] = number(metric.value)
        if let unit = metric.unit { table["unit"] = .string(LuaString(unit)) }
        if let warn = metric.warn { table["warn"] = .string(LuaString(warn.text)) }
        if let crit = metric.crit { table["crit"] = .string(LuaString(crit.text)) }
        if let min = metric.min { table["min"] = number(min) }
        if let max = metric.max { table["max"] = number(max) }
        return table
    }

    private static func item(_ item: CheckItem) -> LuaTable {
        var table = LuaTable()
        table["key"] = .string(LuaString(item.key))
        if let department = item.department { table["department"] = .string(LuaString(department)) }
        if let days = item.daysLeft { table["days_left"] = .integer(Int64(days)) }
        if let message = item.message { table["message"] = .string(LuaString(message)) }
        return table
    }

    /// Whole numbers as integers, as the check wrote them (`2`, not `2.0`, in a spec's diff).
    private static func number(_ value: Double) -> LuaValue {
        value == value.rounded() && abs(value) < 9e15 ? .integer(Int64(value)) : .number(value)
    }
}
