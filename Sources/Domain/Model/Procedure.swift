/// How long the centre has to settle a procedure (thời hạn giải quyết).
public enum TimeLimit: Sendable, Hashable, Codable {
    /// A limit in working days, counted from the next working day after receipt.
    case workingDays(Int)
    /// A same-day limit in working hours, counted within office hours.
    case workingHours(Int)
}

/// An administrative procedure (thủ tục hành chính) from the national catalogue.
public struct Procedure: Sendable, Hashable, Codable {
    /// The catalogue code (mã TTHC), e.g. `1.001193`.
    public var code: String
    public var name: String
    /// The procedure's area (lĩnh vực), e.g. "Hộ tịch".
    public var field: String
    public var timeLimit: TimeLimit?
    /// Receipts after this local time of day count from the next working day; `nil` means none.
    public var afternoonCutoff: LocalTime?

    public init(code: String, name: String, field: String, timeLimit: TimeLimit? = nil,
                afternoonCutoff: LocalTime? = nil) {
        self.code = code
        self.name = name
        self.field = field
        self.timeLimit = timeLimit
        self.afternoonCutoff = afternoonCutoff
    }
}
