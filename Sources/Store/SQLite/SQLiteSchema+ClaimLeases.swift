import GRDB

extension SQLiteSchema {
    /// Migration `v5-claim-leases`: a run claim may expire (see ``RunClaimSQL``). Claims made
    /// before it have no expiry, as they had none.
    static func addClaimLeases(_ db: Database) throws {
        try db.execute(sql: "ALTER TABLE run_claims ADD COLUMN expires_at INTEGER")
    }
}
