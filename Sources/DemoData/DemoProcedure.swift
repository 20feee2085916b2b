import Domain

/// A procedure a ward handles, with how often it comes and how it is usually done: the
/// parameters the generators draw from.
public struct DemoProcedure: Sendable, Hashable {
    public var procedure: Procedure
    public var department: String
    /// Source systems it arrives through, with their shares.
    public var sources: [String: Double]
    /// Relative volume among the ward's procedures.
    public var weight: Double
    /// Share submitted online.
    public var onlineShare: Double
    /// Share of online submissions done fully online (trực tuyến toàn trình).
    public var fullyOnlineShare: Double
    /// Share with a fee or charge payable.
    public var feeShare: Double

    /// Whether its limit is counted in working hours (a same-day procedure).
    public var isSameDay: Bool {
        if case .workingHours = procedure.timeLimit { return true }
        return false
    }
}
