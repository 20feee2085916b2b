import Foundation

/// One scheduled check of the configuration: `{ name = "overdue", schedule = "workingdays
/// 07:30", args = {...}, sinks = {"log", "jsonl"}, repeat_after = "1d" }`.
public struct CheckEntry: Sendable {
    /// Unique among the entries; run history and alert state are keyed by it.
    public let name: String
    /// The check to run (a bundled check or a Lua plugin); defaults to `name`, so that one
    /// check can be scheduled twice with different arguments under two names.
    public let check: String
    public let schedule: Schedule
    /// Passed to the check unchanged.
    public let args: [String: ConfigValue]
    public let sinks: [String]
    public let repeatAfter: TimeInterval?
    public let timeout: TimeInterval
    public let catchUp: CatchUpPolicy

    /// Defaults when a field is absent.
    public static let defaultTimeout: TimeInterval = 300
    public static let defaultSinks = ["log"]
    public static let defaultCatchUpLimit = 10

    init(_ value: ConfigValue, index: Int, source: String) throws(ConfigError) {
        var reader = try ConfigReader(value, source: source, path: "checks[\(index)]")
        let name = try reader.requiredString("name")
        // From here on errors name the entry too.
        reader.path = "checks[\(index)] (\"\(name)\")"
        self.name = name
        check = try reader.string("check") ?? name
        let scheduleText = try reader.requiredString("schedule")
        do {
            schedule = try Schedule(scheduleText)
        } catch {
            throw reader.error("schedule", "\(error.field.rawValue): bad token '\(error.token)': \(error.reason)")
        }
        switch reader.value("args") {
        case nil: args = [:]
        case .table(let fields): args = fields
        case .list(let items) where items.isEmpty: args = [:]
        case let other?: throw reader.error("args", "expected a table, found \(other.typeNameWithArticle)")
        }
        sinks = try reader.strings("sinks") ?? CheckEntry.defaultSinks
        repeatAfter = try reader.duration("repeat_after")
        timeout = try reader.duration("timeout") ?? CheckEntry.defaultTimeout
        let limit = try reader.integer("catch_up_limit", in: 1...10_000)
        switch try reader.string("catch_up") {
        case nil, "once": catchUp = .once
        case "skip": catchUp = .skip
        case "all": catchUp = .all(limit: limit ?? CheckEntry.defaultCatchUpLimit)
        case let other?:
            throw reader.error("catch_up", "expected \"skip\", \"once\" or \"all\", found \"\(other)\"")
        }
        if limit != nil, catchUp == .once || catchUp == .skip {
            throw reader.error("catch_up_limit", "only applies with catch_up = \"all\"")
        }
        try reader.finish()
    }

    /// The scheduler job for this entry, given how the host runs the check and interrupts it.
    public func job(run: @escaping @Sendable (JobContext) async throws -> CheckResult,
                    kill: @escaping @Sendable (JobContext) -> Void) -> ScheduledJob {
        ScheduledJob(name: name, schedule: schedule, timeout: timeout, catchUp: catchUp,
                     repeatAfter: repeatAfter, sinks: sinks, run: run, kill: kill)
    }
}
