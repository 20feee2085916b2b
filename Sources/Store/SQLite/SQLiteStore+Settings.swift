import GRDB

extension SQLiteStore {
    public func configuredCentre() throws -> String? {
        try read("reading the configured centre") { db in
            try String.fetchOne(db, sql: BookkeepingSQL.setting(.sqlite), arguments: [BookkeepingSQL.centreKey])
        }
    }

    public func setConfiguredCentre(_ name: String?) throws {
        do {
            try pool.write { db in
                if let name {
                    try db.execute(sql: BookkeepingSQL.setSetting(.sqlite), arguments: [BookkeepingSQL.centreKey, name])
                } else {
                    try db.execute(sql: BookkeepingSQL.clearSetting(.sqlite), arguments: [BookkeepingSQL.centreKey])
                }
            }
        } catch let error as DatabaseError {
            throw StoreError.database(operation: "setting the configured centre", reason: error.message ?? "\(error)")
        }
    }
}
