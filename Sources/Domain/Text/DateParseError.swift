/// Text that is not a date or time hostrun can read. Connectors wrap it with the file, row and
/// field it came from.
public struct DateParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The text as given.
    public var text: String
    /// What is wrong with it.
    public var reason: String

    public init(text: String, reason: String) {
        self.text = text
        self.reason = reason
    }

    public var description: String { "“\(text)”: \(reason)" }
}
