import Foundation

/// The claim on one run of a scheduled job (see ``DossierStore/claimRun(job:slot:owner:)``).
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
}
