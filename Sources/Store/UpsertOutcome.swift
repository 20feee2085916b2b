import Foundation

/// What an upsert did to one record.
public enum UpsertOutcome: String, Sendable, Hashable {
    /// The record was new.
    case inserted
    /// A field changed or history entries were appended.
    case updated
    /// The store already held exactly this (including a repeat of the same record in the batch).
    case unchanged
    /// Left out under ``RejectionPolicy/skipRecord``; ``RecordOutcome/rejection`` says why.
    case rejected
}

/// One field an upsert changed, as the audit trail records it.
public struct FieldChange: Sendable, Hashable, CustomStringConvertible {
    /// The column name, as in hostrun's canonical CSV (`status`, `due_at`, `applicant_name`, …).
    public var field: String
    /// The value before, rendered as text (`nil`: unknown). Always `nil` for personal data.
    public var old: String?
    /// The value after, rendered as text (`nil`: unknown). Always `nil` for personal data.
    public var new: String?
    /// The field holds personal data: the values are not kept in the audit trail.
    public var isPersonal: Bool

    public init(field: String, old: String?, new: String?, isPersonal: Bool = false) {
        self.field = field
        self.old = old
        self.new = new
        self.isPersonal = isPersonal
    }

    public var description: String {
        isPersonal ? "\(field): changed (personal data)" : "\(field): \(old ?? "∅") → \(new ?? "∅")"
    }
}

/// The outcome of one record of a batch.
public struct RecordOutcome: Sendable, Hashable {
    public var record: RecordReference
    public var outcome: UpsertOutcome
    /// The fields that changed (empty unless `outcome` is `.updated`).
    public var changes: [FieldChange]
    /// How many status-history entries were appended.
    public var historyAppended: Int
    /// Why the record was rejected (``StoreError/recordRejected(_:reason:)`` or
    /// ``StoreError/conflictingDuplicate(_:firstIndex:)``), when `outcome` is `.rejected`.
    public var rejection: StoreError?

    public init(record: RecordReference, outcome: UpsertOutcome, changes: [FieldChange] = [],
                historyAppended: Int = 0, rejection: StoreError? = nil) {
        self.record = record
        self.outcome = outcome
        self.changes = changes
        self.historyAppended = historyAppended
        self.rejection = rejection
    }
}

/// What a whole batch did.
public struct ImportSummary: Sendable, Hashable {
    /// The row of the `imports` table; `nil` for a dry run, which leaves no trace.
    public var importID: Int64?
    public var batchID: String
    public var connector: String
    public var dryRun: Bool
    public var inserted = 0
    public var updated = 0
    public var unchanged = 0
    public var rejected = 0
    public var historyAppended = 0
    public var startedAt: Date
    public var finishedAt: Date

    public init(importID: Int64?, batchID: String, connector: String, dryRun: Bool,
                startedAt: Date, finishedAt: Date) {
        self.importID = importID
        self.batchID = batchID
        self.connector = connector
        self.dryRun = dryRun
        self.startedAt = startedAt
        self.finishedAt = finishedAt
    }

    /// Records seen in the batch.
    public var total: Int { inserted + updated + unchanged + rejected }

    package mutating func count(_ outcome: RecordOutcome) {
        switch outcome.outcome {
        case .inserted: inserted += 1
        case .updated: updated += 1
        case .unchanged: unchanged += 1
        case .rejected: rejected += 1
        }
        historyAppended += outcome.historyAppended
    }
}
