import Store

/// What `hostrun import` did with one run of a connector.
public struct ImportReport: Sendable {
    /// Whether the batch landed.
    public enum Outcome: String, Sendable {
        /// Written in one transaction (rejected records left out).
        case written
        /// Checked and counted, then rolled back (`--dry-run`).
        case dryRun = "dry_run"
        /// Rolled back because records were rejected under `--strict`.
        case abortedStrict = "aborted_strict"
    }

    public var connector: String
    public var kind: RecordKind
    public var sources: [String]
    public var outcome: Outcome
    public var inserted = 0
    public var updated = 0
    public var unchanged = 0
    public var historyAppended = 0
    /// Every record left out, in the order the connector yielded them.
    public var rejections: [RecordRejection] = []
    /// The batch's row in the store's `imports` table, when it was written.
    public var importID: Int64?
    public var batchID: String

    /// Records the connector yielded.
    public var records: Int { inserted + updated + unchanged + rejections.count }

    /// Whether anything was written to the store.
    public var wrote: Bool { outcome == .written }

    mutating func count(_ outcome: RecordOutcome) {
        switch outcome.outcome {
        case .inserted: inserted += 1
        case .updated: updated += 1
        case .unchanged: unchanged += 1
        case .rejected: break
        }
        historyAppended += outcome.historyAppended
    }
}
