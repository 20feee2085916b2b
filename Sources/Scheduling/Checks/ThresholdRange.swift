/// A Nagios plugin threshold range, kept as the text the plugin prints.
///
/// The syntax, from the Nagios plugin development guidelines: `[@]start:end`, where `start`
/// defaults to 0 when the colon is absent (`10` means 0…10), `~` means minus infinity, an empty
/// `end` means plus infinity, and a leading `@` alerts *inside* the range instead of outside it.
public struct ThresholdRange: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The range exactly as it is printed in perfdata.
    public let text: String

    /// Validates a range written by a check, e.g. `"10"`, `"~:5"`, `"@1:3"`.
    ///
    /// - Throws: ``CheckResultError/invalidRange(metric:field:text:)`` naming `metric` and
    ///   `field` when the text is not a range.
    public init(_ text: String, metric: String = "", field: String = "threshold") throws {
        guard ThresholdRange.isValid(text) else {
            throw CheckResultError.invalidRange(metric: metric, field: field, text: text)
        }
        self.text = text
    }

    /// The common case, `limit` alone: alert when the value leaves 0…`limit`.
    public init(upTo limit: Double) {
        text = PerfNumber.format(limit)
    }

    public var description: String { text }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        try self.init(text)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }

    private static func isValid(_ text: String) -> Bool {
        var body = Substring(text)
        if body.first == "@" { body = body.dropFirst() }
        guard !body.isEmpty else { return false }
        let parts = body.split(separator: ":", omittingEmptySubsequences: false)
        switch parts.count {
        case 1:
            return Double(parts[0]) != nil
        case 2:
            let startOK = parts[0].isEmpty || parts[0] == "~" || Double(parts[0]) != nil
            let endOK = parts[1].isEmpty || Double(parts[1]) != nil
            let bounds = (Double(parts[0]), Double(parts[1]))
            if case let (start?, end?) = bounds, start > end { return false }
            return startOK && endOK && !(parts[0].isEmpty && parts[1].isEmpty)
        default:
            return false
        }
    }
}
