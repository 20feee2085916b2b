/// The configurable rules of a centre's deadlines, with the defaults of the domain reference.
///
/// Provinces differ, so every rule the reference marks *configurable* is a field here; a centre
/// changes it in data (this type is `Codable`) or in a script.
public struct CentreRules: Sendable, Hashable, Codable {
    /// How the clock resumes when a requested supplement arrives.
    public enum SupplementClock: String, Sendable, Hashable, Codable, CaseIterable {
        /// The full time limit runs again from the day the supplement arrives (default).
        case restart
        /// Only the time left when the supplement was requested runs on.
        case resume
    }

    /// The centre's zone. Default: Asia/Ho_Chi_Minh (UTC+7).
    public var time: CentreTime
    /// Office hours within which hour-based limits run. Default: 07:30–11:30 and 13:30–17:00.
    public var officeHours: OfficeHours
    /// What a supplement does to the clock. Default: ``SupplementClock/restart``.
    public var supplementClock: SupplementClock
    /// Afternoon cut-offs by procedure code, for procedures whose own record carries none
    /// (receipts after the cut-off count from the next working day). Default: none.
    public var afternoonCutoffs: [String: LocalTime]

    public init(time: CentreTime = .vietnam, officeHours: OfficeHours = .standard,
                supplementClock: SupplementClock = .restart,
                afternoonCutoffs: [String: LocalTime] = [:]) {
        self.time = time
        self.officeHours = officeHours
        self.supplementClock = supplementClock
        self.afternoonCutoffs = afternoonCutoffs
    }

    /// The defaults above.
    public static let standard = CentreRules()

    /// Reads rules from data; every key is optional and a missing one keeps its default, so a
    /// centre writes only what it changes.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = CentreRules.standard
        self.init(
            time: try c.decodeIfPresent(CentreTime.self, forKey: .time) ?? d.time,
            officeHours: try c.decodeIfPresent(OfficeHours.self, forKey: .officeHours) ?? d.officeHours,
            supplementClock: try c.decodeIfPresent(SupplementClock.self, forKey: .supplementClock)
                ?? d.supplementClock,
            afternoonCutoffs: try c.decodeIfPresent([String: LocalTime].self, forKey: .afternoonCutoffs)
                ?? d.afternoonCutoffs)
    }

    /// The cut-off in force for a procedure: its own, else the centre's.
    public func afternoonCutoff(for procedure: Procedure) -> LocalTime? {
        procedure.afternoonCutoff ?? afternoonCutoffs[procedure.code]
    }
}
