import Foundation

/// One notification about one finding of a check.
public struct Alert: Sendable, Hashable, Codable {
    /// Where the finding is in its life.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// Found for the first time (or again after it was resolved).
        case firing
        /// Still there, and the check's repeat interval has passed since the last notification.
        case repeated
        /// Still there, with a different status (a warning became critical, say): told at once.
        case changed
        /// No longer found by a run that could tell (status not unknown).
        case resolved
    }

    public let kind: Kind
    public let check: String
    /// The finding's key: a dossier code, or ``Alert/checkLevelKey`` for a finding about the
    /// check as a whole (a stale data feed, a failing or hanging check).
    public let key: String
    /// The finding's status; for `resolved`, the status it had.
    public let status: CheckStatus
    public let department: String?
    public let daysLeft: Int?
    public let message: String
    /// When the finding was first seen (the scheduled time of that run).
    public let firstSeen: Date
    /// The scheduled time of the run that raised this alert.
    public let at: Date

    /// The key of a finding about the check itself rather than one item.
    public static let checkLevelKey = ""

    public init(kind: Kind, check: String, key: String, status: CheckStatus,
                department: String?, daysLeft: Int?, message: String, firstSeen: Date,
                at: Date) {
        self.kind = kind
        self.check = check
        self.key = key
        self.status = status
        self.department = department
        self.daysLeft = daysLeft
        self.message = message
        self.firstSeen = firstSeen
        self.at = at
    }

    enum CodingKeys: String, CodingKey {
        case kind, check, key, status, department, daysLeft = "days_left", message
        case firstSeen = "first_seen", at
    }

    /// One human line: `FIRING CRITICAL overdue HS-001 (Phòng Tư pháp): quá hạn 3 ngày`.
    public var line: String {
        var text = "\(kind.rawValue.uppercased()) \(status.label) \(check)"
        if key != Alert.checkLevelKey { text += " \(key)" }
        if let department { text += " (\(department))" }
        return text + ": " + message
    }
}

/// The alerts one run raised, delivered together so that a morning run with forty overdue
/// dossiers sends one e-mail, not forty.
public struct AlertBatch: Sendable, Hashable, Codable {
    public let check: String
    /// The scheduled time of the run.
    public let at: Date
    /// The run's one-line summary.
    public let summary: String
    public let alerts: [Alert]

    public init(check: String, at: Date, summary: String, alerts: [Alert]) {
        self.check = check
        self.at = at
        self.summary = summary
        self.alerts = alerts
    }
}
