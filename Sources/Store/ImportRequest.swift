import Foundation

/// Who is writing a batch, recorded in the `imports` table and the audit trail.
///
/// Every change to the store is a batch: a connector's import, a script's edits, or the store's
/// own maintenance (e.g. a new source priority relinking records).
public struct ImportRequest: Sendable, Hashable {
    /// The connector or script that produced the batch, e.g. `"canonical"` or `"scripts/fix.lua"`.
    public var connector: String
    /// A unique identifier for the batch; a fresh UUID by default.
    public var batchID: String
    /// Run the batch and report its outcomes, then roll everything back.
    public var dryRun: Bool
    /// What a record the store rejects does to the batch.
    public var onRejection: RejectionPolicy

    public init(connector: String, batchID: String = UUID().uuidString, dryRun: Bool = false,
                onRejection: RejectionPolicy = .abortBatch) {
        self.connector = connector
        self.batchID = batchID
        self.dryRun = dryRun
        self.onRejection = onRejection
    }
}

/// What a record the store rejects (a broken constraint, a conflicting repeat of a key) does to
/// its batch.
public enum RejectionPolicy: String, Sendable, Hashable {
    /// The batch stops and nothing of it is written (`hostrun import --strict`).
    case abortBatch
    /// The record alone is left out, with outcome ``UpsertOutcome/rejected`` and the reason; the
    /// rest of the batch lands. Each record then runs in its own savepoint, a little slower.
    case skipRecord
}
