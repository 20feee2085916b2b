import Foundation
import GRDB

/// The store's own bookkeeping both database stores read and write alike: the imports list,
/// a dossier's audit trail and the settings in `store_meta`, with the readings of their rows.
package enum BookkeepingSQL {
    /// Parameter: limit. The latest imports first; rows as ``importRecord(_:)`` reads them.
    package static func imports(_ dialect: SQLDialect) -> String {
        """
        SELECT id, batch_id, connector, started_at, finished_at, inserted, updated, unchanged,
            rejected, history_appended
        FROM imports ORDER BY id DESC LIMIT \(dialect.parameter(1))
        """
    }

    package static func importRecord(_ row: [DatabaseValue]) throws -> ImportRecord {
        ImportRecord(id: try row[0].stored("imports.id"), batchID: try row[1].stored("imports.batch_id"),
                     connector: try row[2].stored("imports.connector"),
                     startedAt: StoredInstant.date(try row[3].stored("imports.started_at")),
                     finishedAt: Int64.fromDatabaseValue(row[4]).map(StoredInstant.date),
                     inserted: try row[5].stored("imports.inserted"), updated: try row[6].stored("imports.updated"),
                     unchanged: try row[7].stored("imports.unchanged"), rejected: try row[8].stored("imports.rejected"),
                     historyAppended: try row[9].stored("imports.history_appended"))
    }

    /// Parameters: code, source. The dossier's changes in order; rows as ``auditEntry(_:)`` reads them.
    package static func auditTrail(_ dialect: SQLDialect) -> String {
        """
        SELECT a.import_id, i.connector, i.started_at, a.field, a.old_value, a.new_value
        FROM audit a JOIN imports i ON i.id = a.import_id
        WHERE a.dossier_id = (SELECT id FROM dossiers WHERE code = \(dialect.parameter(1)) AND source = \(dialect.parameter(2)))
        ORDER BY a.id
        """
    }

    /// Personal fields' changes are shown without their values.
    package static func auditEntry(_ row: [DatabaseValue]) throws -> AuditEntry {
        let field: String = try row[3].stored("audit.field")
        return AuditEntry(importID: try row[0].stored("audit.import_id"), connector: try row[1].stored("imports.connector"),
                          at: StoredInstant.date(try row[2].stored("imports.started_at")),
                          change: FieldChange(field: field, old: String.fromDatabaseValue(row[4]),
                                              new: String.fromDatabaseValue(row[5]),
                                              isPersonal: personalFields.contains(field)))
    }

    private static let personalFields = Set(DossierColumns.tracked.filter { $0.rendering == .personal }.map(\.name))

    /// Parameter: key. One row, the setting's value, or none.
    package static func setting(_ dialect: SQLDialect) -> String {
        "SELECT value FROM store_meta WHERE key = \(dialect.parameter(1))"
    }

    /// Parameters: key, value.
    package static func setSetting(_ dialect: SQLDialect) -> String {
        """
        INSERT INTO store_meta (key, value) VALUES (\(dialect.parameter(1)), \(dialect.parameter(2)))
        ON CONFLICT (key) DO UPDATE SET value = excluded.value
        """
    }

    /// Parameter: key.
    package static func clearSetting(_ dialect: SQLDialect) -> String {
        "DELETE FROM store_meta WHERE key = \(dialect.parameter(1))"
    }

    /// The configured centre's key in `store_meta`, beside the store's time zone: a setting of
    /// the store, not of any dossier, so it needs no table of its own.
    package static let centreKey = "centre"
}
