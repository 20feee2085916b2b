import Domain
import Foundation
import GRDB

/// The mapping between ``Domain/Feedback`` and the `feedback` table.
package enum FeedbackColumns {
    package static let tracked: [TrackedColumn] = [
        TrackedColumn("subject"), TrackedColumn("received_at", .instant),
        TrackedColumn("due_at", .instant), TrackedColumn("status"),
        TrackedColumn("handled_at", .instant),
    ]
    package static let derived = ["received_day", "due_day", "handled_day"]
    package static let trackedNames = tracked.map(\.name).joined(separator: ", ")
    /// `source, code, <tracked>`: the columns ``decode(_:)`` reads, from index 0.
    static let selection = "source, code, " + trackedNames

    package static func encode(_ f: Feedback) -> [DatabaseValue] {
        [f.subject.databaseValue, instant(f.receivedAt), instant(f.dueAt),
         f.status.rawValue.databaseValue, instant(f.handledAt)]
    }

    package static func derive(_ tracked: [DatabaseValue], centreTime: CentreTime) -> [DatabaseValue] {
        [1, 2, 4].map { i in
            Int64.fromDatabaseValue(tracked[i]).map { StoredInstant.day($0, centreTime) }.databaseValue
        }
    }

    static func decode(_ row: Row) throws -> Feedback {
        let key = DossierKey(source: row[0], code: row[1])
        guard let status = FeedbackStatus(rawValue: row[5]) else {
            throw StoreError.database(operation: "reading feedback \(key)",
                                      reason: "unknown status; the file was not written by hostrun")
        }
        return Feedback(key: key, subject: row[2], receivedAt: StoredInstant.date(row[3]),
                        dueAt: (row[4] as Int64?).map(StoredInstant.date), status: status,
                        handledAt: (row[6] as Int64?).map(StoredInstant.date))
    }

    private static func instant(_ date: Date?) -> DatabaseValue {
        date.map(StoredInstant.milliseconds).databaseValue
    }
}
