import PostgresNIO
import Store

extension PostgreSQLStore {
    public func configuredCentre() throws -> String? {
        try read("reading the configured centre") { connection in
            var binds = PostgresBindings()
            binds.append(BookkeepingSQL.centreKey)
            return try connection.run(BookkeepingSQL.setting(.postgres), binds, logger: logger)
                .rows.first?.decode(String.self)
        }
    }

    public func setConfiguredCentre(_ name: String?) throws {
        try read("setting the configured centre") { connection in
            var binds = PostgresBindings()
            binds.append(BookkeepingSQL.centreKey)
            if let name {
                binds.append(name)
                try connection.run(BookkeepingSQL.setSetting(.postgres), binds, logger: logger)
            } else {
                try connection.run(BookkeepingSQL.clearSetting(.postgres), binds, logger: logger)
            }
        }
    }
}
