import Domain
import GRDB

/// Appends the field changes of one batch to the `audit` table.
struct AuditWriter {
    let db: Database
    let importID: Int64
    let centreTime: CentreTime

    private static let insertSQL = """
        INSERT INTO audit (import_id, dossier_id, feedback_id, field, old_value, new_value)
        VALUES (?, ?, ?, ?, ?, ?)
        """
    static let primaryColumn = TrackedColumn("is_primary", .flag)

    func record(_ changes: [FieldChange], dossierID: Int64? = nil, feedbackID: Int64? = nil) throws {
        let statement = try db.cachedStatement(sql: Self.insertSQL)
        for change in changes {
            statement.setUncheckedArguments([importID, dossierID, feedbackID, change.field,
                                             change.old, change.new])
            try statement.execute()
        }
    }

    /// Makes a record the primary of its link group or not, and records that.
    func setPrimary(_ isPrimary: Bool, dossierID: Int64) throws {
        try db.cachedStatement(sql: "UPDATE dossiers SET is_primary = ? WHERE id = ?")
            .execute(arguments: [isPrimary, dossierID])
        try record([Self.primaryColumn.change(from: (!isPrimary).databaseValue,
                                              to: isPrimary.databaseValue, centreTime: centreTime)],
                   dossierID: dossierID)
    }
}
