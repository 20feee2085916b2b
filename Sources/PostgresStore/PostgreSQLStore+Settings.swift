import PostgresNIO
import Store

extension PostgreSQLStore {
    /// The configured centre lives in `store_meta`, beside the store's time zone, as in SQLite.
    static let centreKey = "centre"

    public func configuredCentre() throws -> String? {
        try read("reading the configured centre") { connection in
            var binds = PostgresBindings()
            binds.append(Self.centreKey)
            return try connection.run("SELECT value FROM store_meta WHERE key = $1", binds, logger: logger)
                .rows.first?.decode(String.self)
        }
    }

    public func setConfiguredCentre(_ name: String?) throws {
        try read("setting the configured centre") { connection in
            var binds = PostgresBindings()
            binds.append(Self.centreKey)
            if let name {
                binds.append(name)
                try connection.run("""
                    INSERT INTO store_meta (key, value) VALUES ($1, $2)
                    ON CONFLICT (key) DO UPDATE SET value = excluded.value
                    """, binds, logger: logger)
            } else {
                try connection.run("DELETE FROM store_meta WHERE key = $1", binds, logger: logger)
            }
        }
    }
}
