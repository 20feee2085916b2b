import Domain
import GRDB

/// A status-history entry as the `status_history` table holds it. Two entries are the same
/// entry when every field is equal; that is how re-imports avoid appending duplicates.
package struct StoredHistoryEntry: Hashable {
    package var status: String
    package var at: Int64
    package var actor: String?
    package var source: String?
    package var note: String?

    package static let selection = "status, at, actor, source, note"

    package init(status: String, at: Int64, actor: String?, source: String?, note: String?) {
        self.status = status
        self.at = at
        self.actor = actor
        self.source = source
        self.note = note
    }

    package init(_ change: StatusChange) {
        status = change.status.rawValue
        at = StoredInstant.milliseconds(change.at)
        actor = change.actor
        source = change.source
        note = change.note
    }

    init(row: Row) {
        status = row[0]
        at = row[1]
        actor = row[2]
        source = row[3]
        note = row[4]
    }

    package func change(of key: DossierKey) throws -> StatusChange {
        guard let status = DossierStatus(rawValue: status) else {
            throw StoreError.database(operation: "reading the history of dossier \(key)",
                                      reason: "unknown status \(status)")
        }
        return StatusChange(status: status, at: StoredInstant.date(at), actor: actor,
                            source: source, note: note)
    }

    /// The stored history of one dossier row, oldest first.
    static func fetch(_ db: Database, dossierID: Int64) throws -> [StoredHistoryEntry] {
        let statement = try db.cachedStatement(sql: """
            SELECT \(selection) FROM status_history WHERE dossier_id = ? ORDER BY at, id
            """)
        return try Row.fetchAll(statement, arguments: [dossierID]).map(StoredHistoryEntry.init(row:))
    }
}
