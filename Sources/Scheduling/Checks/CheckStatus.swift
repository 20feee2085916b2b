/// The outcome of a check, with the Nagios plugin exit codes as raw values: what cron, systemd,
/// Nagios, Icinga or Telegraf read from the exit code of `hostrun check NAME`.
public enum CheckStatus: Int, Sendable, Hashable, CaseIterable, Codable {
    case ok = 0
    case warning = 1
    case critical = 2
    case unknown = 3

    /// The process exit code a plugin returns for this status.
    public var exitCode: Int32 { Int32(rawValue) }

    /// The upper-case word that starts a plugin's output line: `OK`, `WARNING`, `CRITICAL`,
    /// `UNKNOWN`.
    public var label: String {
        switch self {
        case .ok: "OK"
        case .warning: "WARNING"
        case .critical: "CRITICAL"
        case .unknown: "UNKNOWN"
        }
    }

    /// The lower-case name used in JSON, configuration and by Lua checks.
    public var name: String {
        switch self {
        case .ok: "ok"
        case .warning: "warning"
        case .critical: "critical"
        case .unknown: "unknown"
        }
    }

    /// Parses a status name as a Lua check writes it (`"ok"`, `"WARNING"`, …), any case.
    public init?(name: String) {
        guard let status = CheckStatus.allCases.first(where: { $0.name == name.lowercased() })
        else { return nil }
        self = status
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let status = CheckStatus(name: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "unknown check status '\(text)'")
        }
        self = status
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(name)
    }
}
