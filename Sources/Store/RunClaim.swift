import Foundation

/// The claim on one run of a scheduled job (see ``DossierStore/claimRun(job:slot:owner:lease:)``).
public struct RunClaim: Sendable, Hashable {
    public var job: String
    public var slot: String
    /// Who holds the claim: this caller when ``granted``, else whoever claimed first.
    public var owner: String
    public var claimedAt: Date
    /// Whether this call made the claim, and so may run the job for the slot.
    public var granted: Bool

    public init(job: String, slot: String, owner: String, claimedAt: Date, granted: Bool) {
        self.job = job
        self.slot = slot
        self.owner = owner
        self.claimedAt = claimedAt
        self.granted = granted
    }

    /// A scheduled instant as a claim's slot: UTC, to the second, e.g. `2026-05-25T00:30:00Z`,
    /// so that schedulers in any time zone name a run alike.
    public static func slot(_ scheduledAt: Date) -> String {
        scheduledAt.formatted(Date.ISO8601FormatStyle(timeZone: .gmt))
    }
}
