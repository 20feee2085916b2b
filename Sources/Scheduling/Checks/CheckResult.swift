/// What one run of a check found: the contract every check, bundled or written in Lua, fulfils.
///
/// ## Topics
/// ### Output
/// - ``nagiosOutput``
/// - ``jsonOutput()``
/// - ``CheckStatus/exitCode``
public struct CheckResult: Sendable, Hashable, Codable {
    public let status: CheckStatus
    /// One line; any further lines a check puts here become long output.
    public let summary: String
    public let metrics: [CheckMetric]
    public let items: [CheckItem]

    /// Builds a result.
    ///
    /// - Throws: ``CheckResultError/emptyItemKey(index:)`` when an item (1-based `index`) has an
    ///   empty key, since alerting could not tell such findings apart.
    public init(status: CheckStatus, summary: String, metrics: [CheckMetric] = [],
                items: [CheckItem] = []) throws {
        if let bad = items.firstIndex(where: { $0.key.isEmpty }) {
            throw CheckResultError.emptyItemKey(index: bad + 1)
        }
        self.init(validated: status, summary: summary, metrics: metrics, items: items)
    }

    private init(validated status: CheckStatus, summary: String, metrics: [CheckMetric],
                 items: [CheckItem]) {
        self.status = status
        self.summary = summary
        self.metrics = metrics
        self.items = items
    }

    /// The result the scheduler reports for a run that produced none (it failed, timed out or
    /// was cancelled): status unknown, the reason as summary.
    public static func unknown(_ reason: String) -> CheckResult {
        CheckResult(validated: .unknown, summary: reason, metrics: [], items: [])
    }

    enum CodingKeys: String, CodingKey {
        case status, exitCode = "exit_code", summary, metrics, items
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(status: c.decode(CheckStatus.self, forKey: .status),
                      summary: c.decode(String.self, forKey: .summary),
                      metrics: c.decodeIfPresent([CheckMetric].self, forKey: .metrics) ?? [],
                      items: c.decodeIfPresent([CheckItem].self, forKey: .items) ?? [])
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(status, forKey: .status)
        try c.encode(status.exitCode, forKey: .exitCode)
        try c.encode(summary, forKey: .summary)
        try c.encode(metrics, forKey: .metrics)
        try c.encode(items, forKey: .items)
    }
}
