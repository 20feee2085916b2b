/// Why a schedule or cron expression was refused, naming the field and the token at fault.
public struct ScheduleParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The part of the schedule that is wrong.
    public enum Field: String, Sendable, Equatable {
        case minute, hour
        case dayOfMonth = "day-of-month"
        case month
        case dayOfWeek = "day-of-week"
        /// A `HH:MM` time of a `workingdays` schedule.
        case time
        /// The expression as a whole (wrong number of fields, unknown shortcut).
        case expression
    }

    /// The whole schedule text as written.
    public let schedule: String
    public let field: Field
    /// The offending token.
    public let token: String
    public let reason: String

    public var description: String {
        "schedule '\(schedule)': \(field.rawValue): bad token '\(token)': \(reason)"
    }
}
