/// The sessions in which a centre works on a working day (giờ hành chính), within which
/// hour-based limits are counted.
public struct OfficeHours: Sendable, Hashable, Codable {
    /// One uninterrupted stretch of work, e.g. 07:30–11:30.
    public struct Session: Sendable, Hashable, Codable {
        public var start: LocalTime
        public var end: LocalTime

        public init(start: LocalTime, end: LocalTime) {
            self.start = start
            self.end = end
        }

        public var minutes: Int { end.minuteOfDay - start.minuteOfDay }
    }

    /// In time order, not overlapping.
    public let sessions: [Session]

    /// 07:30–11:30 and 13:30–17:00, the usual hours of a Vietnamese ward.
    public static let standard = OfficeHours(uncheckedSessions: [
        Session(start: LocalTime(minuteOfDay: 7 * 60 + 30), end: LocalTime(minuteOfDay: 11 * 60 + 30)),
        Session(start: LocalTime(minuteOfDay: 13 * 60 + 30), end: LocalTime(minuteOfDay: 17 * 60)),
    ])

    /// Office hours from sessions, which must be non-empty, each ending after it starts, in time
    /// order and not overlapping.
    public init(sessions: [Session]) throws(DomainError) {
        guard !sessions.isEmpty else {
            throw .invalidField(dossier: nil, field: "officeHours", reason: "needs at least one session")
        }
        for (index, session) in sessions.enumerated() {
            if session.end <= session.start {
                throw .invalidField(dossier: nil, field: "officeHours[\(index)]",
                                    reason: "\(session.start)–\(session.end) ends before it starts")
            }
            if index > 0 && session.start < sessions[index - 1].end {
                throw .invalidField(dossier: nil, field: "officeHours[\(index)]",
                                    reason: "\(session.start) overlaps the session before it")
            }
        }
        self.sessions = sessions
    }

    private init(uncheckedSessions: [Session]) { sessions = uncheckedSessions }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let sessions = try container.decode([Session].self)
        do { try self.init(sessions: sessions) } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(sessions)
    }

    public var opening: LocalTime { sessions[0].start }
    public var closing: LocalTime { sessions[sessions.count - 1].end }
    /// Working minutes in one working day.
    public var minutesPerDay: Int { sessions.reduce(0) { $0 + $1.minutes } }

    /// Working minutes of a day that lie at or after `minute` (minutes since midnight).
    func minutesRemaining(after minute: Int) -> Int {
        sessions.reduce(0) { total, s in
            total + max(0, s.end.minuteOfDay - max(minute, s.start.minuteOfDay))
        }
    }

    /// The minute of the day at which `amount` working minutes, counted from `minute`, are used
    /// up, or `nil` if the day's sessions end first.
    func minute(adding amount: Int, from minute: Int) -> Int? {
        var left = amount
        for s in sessions where minute < s.end.minuteOfDay {
            let begin = max(minute, s.start.minuteOfDay)
            let available = s.end.minuteOfDay - begin
            if left <= available { return begin + left }
            left -= available
        }
        return nil
    }
}
