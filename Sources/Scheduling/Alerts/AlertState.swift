import Foundation

/// What the scheduler remembers about one open finding, keyed by (check, item key), so that a
/// restarted scheduler neither repeats nor forgets an alert.
public struct AlertState: Sendable, Hashable, Codable {
    public let check: String
    /// The item key, or ``Alert/checkLevelKey``.
    public let key: String
    public var status: CheckStatus
    public var department: String?
    public var daysLeft: Int?
    public var message: String
    public var firstSeen: Date
    public var lastSeen: Date
    /// When an alert about it was last sent (firing, repeated or changed).
    public var lastNotified: Date

    public init(check: String, key: String, status: CheckStatus, department: String?,
                daysLeft: Int?, message: String, firstSeen: Date, lastSeen: Date,
                lastNotified: Date) {
        self.check = check
        self.key = key
        self.status = status
        self.department = department
        self.daysLeft = daysLeft
        self.message = message
        self.firstSeen = firstSeen
        self.lastSeen = lastSeen
        self.lastNotified = lastNotified
    }
}
