import GRDB

extension SQLiteStore {
    /// The configured centre lives in `store_meta`, beside the store's time zone: a setting of
    /// the store, not of any dossier, so it needs no table of its own.
    static let centreKey = "centre"

    public func configuredCentre() throws -> String? {
        try read("reading the configured centre") { db in
            try String.fetchOne(db, sql: "SELECT value FROM store_meta WHERE key = ?", arguments: [Self.centreKey])
        }
    }

    public func setConfiguredCentre(_ name: String?) throws {
        do {
            try pool.write { db in
                if let name {
                    try db.execute(sql: """
                        INSERT INTO store_meta (key, value) VALUES (?, ?)
                        ON CONFLICT (key) DO UPDATE SET value = excluded.value
                        """, arguments: [Self.centreKey, name])
                } else {
                    try db.execute(sql: "DELETE FROM store_meta WHERE key = ?", arguments: [Self.centreKey])
                }
            }
        } catch let error as DatabaseError {
            throw StoreError.database(operation: "setting the configured centre", reason: error.message ?? "\(error)")
        }
    }
}
