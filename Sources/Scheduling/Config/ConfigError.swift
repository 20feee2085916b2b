/// A configuration mistake, naming the file, the entry and the field:
/// `schedule.lua: checks[2] ("overdue").repeat_after: expected a duration such as 90s, 15m,
/// 12h or 1d, found "tomorrow"`.
public struct ConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The configuration file.
    public let source: String
    /// Where in it: `checks[2] ("overdue").schedule`, `sinks.ops.url`.
    public let path: String
    public let message: String

    public init(source: String, path: String, message: String) {
        self.source = source
        self.path = path
        self.message = message
    }

    public var description: String {
        path.isEmpty ? "\(source): \(message)" : "\(source): \(path): \(message)"
    }
}
