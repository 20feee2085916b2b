import Domain
import Foundation

/// One batch as the `imports` table records it.
public struct ImportRecord: Sendable, Hashable {
    public var id: Int64
    public var batchID: String
    /// The connector or script that wrote it.
    public var connector: String
    public var startedAt: Date
    public var finishedAt: Date?
    public var inserted: Int
    public var updated: Int
    public var unchanged: Int
    public var rejected: Int
    public var historyAppended: Int

    public init(id: Int64, batchID: String, connector: String, startedAt: Date, finishedAt: Date?,
                inserted: Int, updated: Int, unchanged: Int, rejected: Int, historyAppended: Int) {
        self.id = id
        self.batchID = batchID
        self.connector = connector
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.inserted = inserted
        self.updated = updated
        self.unchanged = unchanged
        self.rejected = rejected
        self.historyAppended = historyAppended
    }
}

/// One field of one record changed by one batch.
public struct AuditEntry: Sendable, Hashable {
    /// The batch that made the change (see ``ImportRecord``).
    public var importID: Int64
    /// The connector or script of that batch.
    public var connector: String
    public var at: Date
    public var change: FieldChange

    public init(importID: Int64, connector: String, at: Date, change: FieldChange) {
        self.importID = importID
        self.connector = connector
        self.at = at
        self.change = change
    }
}
