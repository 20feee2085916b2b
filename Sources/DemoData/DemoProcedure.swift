import Domain

/// A procedure a ward handles, with how often it comes and how it is usually done: the
/// parameters the generators draw from.
public struct DemoProcedure: Sendable, Hashable {
    public var procedure: Procedure
    public var department: String
    /// Source systems it arrives through, with their shares.
    public var sources: [SourceShare]
    /// Relative volume among the ward's procedures.
    public var weight: Double
    /// Share submitted online.
    public var onlineShare: Double
    /// Share of online submissions done fully online (trực tuyến toàn trình).
    public var fullyOnlineShare: Double
    /// Share with a fee or charge payable.
    public var feeShare: Double

    /// Draws the source system of one dossier.
    func pickSource(_ rng: inout SplitMix64) -> String {
        var x = rng.unit() * sources.reduce(0) { $0 + $1.share }
        for entry in sources {
            x -= entry.share
            if x < 0 { return entry.source }
        }
        return sources[sources.count - 1].source
    }

    /// Whether its limit is counted in working hours (a same-day procedure).
    public var isSameDay: Bool {
        if case .workingHours = procedure.timeLimit { return true }
        return false
    }
}

/// A source system and the share of a procedure's dossiers that arrive through it.
public struct SourceShare: Sendable, Hashable {
    public var source: String
    public var share: Double

    public init(_ source: String, _ share: Double) {
        self.source = source
        self.share = share
    }
}
