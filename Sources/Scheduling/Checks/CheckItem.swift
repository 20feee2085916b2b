/// One finding of a check: a dossier (or any keyed thing) that needs attention.
///
/// The key is what alerting remembers: the same key found again is the same finding.
public struct CheckItem: Sendable, Hashable, Codable {
    /// The dossier code, or another stable key for what was found.
    public let key: String
    /// The department (phòng chuyên môn) holding it, when known.
    public let department: String?
    /// Working days left before the deadline; negative when the deadline has passed.
    public let daysLeft: Int?
    /// A human sentence for the finding, written by the check (Vietnamese is fine, UTF-8).
    public let message: String?

    public init(key: String, department: String? = nil, daysLeft: Int? = nil,
                message: String? = nil) {
        self.key = key
        self.department = department
        self.daysLeft = daysLeft
        self.message = message
    }

    enum CodingKeys: String, CodingKey {
        case key, department, daysLeft = "days_left", message
    }

    /// The line describing this item in long plugin output and in alerts:
    /// `HS-001 (Phòng Tư pháp): quá hạn 3 ngày`.
    public var line: String {
        var text = key
        if let department { text += " (\(department))" }
        if let detail { text += ": " + detail }
        return text
    }

    /// The message, or else the days left or over in words.
    public var detail: String? {
        message ?? daysLeft.map(CheckItem.describe(daysLeft:))
    }

    private static func describe(daysLeft days: Int) -> String {
        switch days {
        case ..<0: "\(-days) working day\(days == -1 ? "" : "s") over"
        case 0: "due today"
        default: "\(days) working day\(days == 1 ? "" : "s") left"
        }
    }
}
