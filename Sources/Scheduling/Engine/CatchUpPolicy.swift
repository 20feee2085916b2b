/// What to do with scheduled times that passed while the scheduler was stopped (or the
/// machine asleep) by more than the misfire tolerance.
///
/// Whatever the policy, every missed time is accounted for in the run history: as a catch-up run
/// or inside one skipped record with reason ``SkipReason/missed``.
public enum CatchUpPolicy: Sendable, Hashable {
    /// Run nothing for missed times; wait for the next one.
    case skip
    /// Run once for all of them, at once. If a regular time falls due at the same moment, that
    /// run is the catch-up and no extra run is made.
    case once
    /// Run once per missed time, oldest first, one after another, for at most the `limit` most
    /// recent ones (a week of downtime must not unleash ten thousand runs).
    case all(limit: Int)
}
