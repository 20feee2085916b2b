import Domain
import Foundation

/// The scheduler configuration (`hostrun schedule --config /etc/hostrun/schedule.lua`), typed
/// and validated.
///
/// The file is Lua returning a table; the host evaluates it in a sandbox and hands the table
/// over as a ``ConfigValue``:
///
/// ```lua
/// return {
///   timezone = "Asia/Ho_Chi_Minh",
///   checks = {
///     { name = "overdue", schedule = "workingdays 07:30", args = { department = "all" },
///       sinks = { "log", "jsonl" }, repeat_after = "1d" },
///   },
///   sinks = { jsonl = { path = "/var/lib/hostrun/alerts.jsonl" } },
/// }
/// ```
///
/// A sink named `log` (standard error) exists unless the file defines its own.
public struct ScheduleConfig: Sendable {
    /// As written, e.g. `Asia/Ho_Chi_Minh`.
    public let timezone: String
    public let centreTime: CentreTime
    public let checks: [CheckEntry]
    /// By name, sorted.
    public let sinks: [SinkEntry]

    static let topLevel = "timezone, checks, sinks"

    /// Decodes and validates the table `schedule.lua` returned.
    ///
    /// - Parameter source: the file name, quoted in errors.
    /// - Throws: ``ConfigError`` naming the entry and field: unknown fields, wrong types, bad
    ///   schedules or durations, duplicate check names, sinks that are not defined.
    public static func decode(_ value: ConfigValue, source: String) throws(ConfigError)
        -> ScheduleConfig {
        var reader = try ConfigReader(value, source: source, path: "")
        let timezone = try reader.string("timezone") ?? "Asia/Ho_Chi_Minh"
        guard let centreTime = ScheduleConfig.centreTime(for: timezone) else {
            throw reader.error("timezone", "\"\(timezone)\" is not supported: use "
                                   + "Asia/Ho_Chi_Minh or a fixed offset such as UTC+07:00 "
                                   + "(schedules need a zone without daylight saving)")
        }
        var sinks: [String: SinkEntry] = ["log": SinkEntry(defaultLogNamed: "log")]
        if let sinkTable = reader.value("sinks") {
            var sinkReader = try ConfigReader(sinkTable, source: source, path: "sinks")
            for name in sinkReader.keys {
                sinks[name] = try SinkEntry(name: name, sinkReader.value(name)!, source: source)
            }
        }
        guard let checkList = reader.value("checks") else { throw reader.error("checks", "is required") }
        guard case .list(let items) = checkList, !items.isEmpty else {
            throw reader.error("checks", "expected a non-empty list of check entries")
        }
        var checks: [CheckEntry] = []
        for (i, item) in items.enumerated() {
            let entry = try CheckEntry(item, index: i + 1, source: source)
            if let first = checks.firstIndex(where: { $0.name == entry.name }) {
                throw ConfigError(source: source, path: "checks[\(i + 1)] (\"\(entry.name)\").name",
                                  message: "the name is already used by checks[\(first + 1)]")
            }
            for (j, sink) in entry.sinks.enumerated() where sinks[sink] == nil {
                throw ConfigError(
                    source: source, path: "checks[\(i + 1)] (\"\(entry.name)\").sinks[\(j + 1)]",
                    message: "no sink named \"\(sink)\"; defined: "
                        + sinks.keys.sorted().joined(separator: ", "))
            }
            checks.append(entry)
        }
        try reader.finish()
        return ScheduleConfig(timezone: timezone, centreTime: centreTime, checks: checks,
                              sinks: sinks.values.sorted { $0.name < $1.name })
    }

    /// Opens every sink and wraps them in a dispatcher.
    public func makeDispatcher(clock: any SchedulerClock = SystemClock(),
                               onProblem: @escaping @Sendable (String) -> Void = { _ in })
        throws -> AlertDispatcher {
        let format = AlertFormat(centreTime: centreTime)
        let registrations = try sinks.map { entry in
            AlertDispatcher.Registration(name: entry.name, sink: try entry.makeSink(format: format),
                                         capacity: entry.capacity, retry: entry.retry)
        }
        return AlertDispatcher(sinks: registrations, clock: clock, onProblem: onProblem)
    }

    /// Asia/Ho_Chi_Minh (and its old name Asia/Saigon), `UTC`, or `UTC±HH:MM`.
    static func centreTime(for zone: String) -> CentreTime? {
        switch zone {
        case "Asia/Ho_Chi_Minh", "Asia/Saigon": return .vietnam
        case "UTC": return CentreTime(utcOffsetSeconds: 0)
        default: break
        }
        guard zone.hasPrefix("UTC"), zone.count == 9 else { return nil }
        let rest = Array(zone.dropFirst(3))
        guard rest[0] == "+" || rest[0] == "-", rest[3] == ":",
              let h = Int(String(rest[1...2])), let m = Int(String(rest[4...5])), h <= 14, m < 60
        else { return nil }
        return CentreTime(utcOffsetSeconds: (rest[0] == "-" ? -1 : 1) * (h * 3600 + m * 60))
    }
}
