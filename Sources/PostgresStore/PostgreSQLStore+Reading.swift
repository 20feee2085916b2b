import Domain
import Foundation
import PostgresNIO
import Store

extension PostgreSQLStore {
    /// Rows fetched per round trip by a cursor.
    static let fetchSize = 500

    public func dossier(_ key: DossierKey) throws -> Dossier? {
        try read("reading dossier \(key)") { connection in
            var binds = PostgresBindings()
            binds.append(key.code)
            binds.append(key.source)
            guard let row = try connection.run("""
                SELECT \(DossierRow.selection) FROM dossiers WHERE code = $1 AND source = $2
                """, binds, logger: logger).rows.first else { return nil }
            var (id, dossier) = try DossierRow.decode(row)
            dossier.history = try DossierRow.histories([id], connection, logger: logger)[id] ?? []
            return dossier
        }
    }

    /// Streams through a server-side cursor on a connection of its own, inside one read-only
    /// repeatable-read transaction: a consistent snapshot, a few hundred rows in memory.
    public func dossiers(_ query: DossierQuery) throws -> StoreCursor<Dossier> {
        let select = try query.postgresSelect()
        let includeHistory = query.includeHistory
        return try cursor("listing dossiers", select) { rows, connection, logger in
            let decoded = try rows.map(DossierRow.decode)
            guard includeHistory else { return decoded.map(\.dossier) }
            let histories = try DossierRow.histories(decoded.map(\.id), connection, logger: logger)
            return decoded.map { id, dossier in
                var dossier = dossier
                dossier.history = histories[id] ?? []
                return dossier
            }
        }
    }

    public func count(_ query: DossierQuery) throws -> Int {
        let filter = try query.postgresWhere()
        return try read("counting dossiers") { connection in
            try connection.run("SELECT COUNT(*) FROM dossiers \(filter.text)", filter.binds, logger: logger)
                .rows.first!.decode(Int.self)
        }
    }

    public func groupCount(_ query: DossierQuery, by dimension: BreakdownDimension) throws -> [GroupCount] {
        let filter = try query.postgresWhere()
        let column = dimension.column
        return try read("counting dossiers by \(dimension.rawValue)") { connection in
            try connection.run("""
                SELECT \(column), COUNT(*) FROM dossiers \(filter.text) GROUP BY \(column) ORDER BY \(column)
                """, filter.binds, logger: logger).rows.map { row in
                let (key, count) = try row.decode((String, Int).self)
                return GroupCount(key: key, count: count)
            }
        }
    }

    public func feedback(_ key: DossierKey) throws -> Feedback? {
        try read("reading feedback \(key)") { connection in
            var binds = PostgresBindings()
            binds.append(key.source)
            binds.append(key.code)
            return try connection.run("""
                SELECT \(FeedbackRow.selection) FROM feedback WHERE source = $1 AND code = $2
                """, binds, logger: logger).rows.first.map(FeedbackRow.decode)
        }
    }

    public func feedbackItems(received: ClosedRange<LocalDate>?) throws -> StoreCursor<Feedback> {
        let filter = received.map {
            "WHERE received_day BETWEEN \($0.lowerBound.dayNumber) AND \($0.upperBound.dayNumber)"
        } ?? ""
        let select = PostgresFragment("""
            SELECT \(FeedbackRow.selection) FROM feedback \(filter) ORDER BY received_at, source, code
            """)
        return try cursor("listing feedback", select) { rows, _, _ in try rows.map(FeedbackRow.decode) }
    }

    public func imports(limit: Int) throws -> [ImportRecord] {
        try read("listing imports") { connection in
            try connection.run(BookkeepingSQL.imports(.postgres), try PostgresBindings([max(0, limit).databaseValue]),
                               logger: logger).rows.map { try BookkeepingSQL.importRecord(try $0.databaseValues()) }
        }
    }

    public func auditTrail(of key: DossierKey) throws -> [AuditEntry] {
        try read("reading the audit trail of \(key)") { connection in
            try connection.run(BookkeepingSQL.auditTrail(.postgres),
                               try PostgresBindings([key.code.databaseValue, key.source.databaseValue]),
                               logger: logger).rows.map { try BookkeepingSQL.auditEntry(try $0.databaseValues()) }
        }
    }

    /// A ``Store/StoreCursor`` over a server-side cursor for `select`, fetched
    /// ``fetchSize`` rows at a time and turned into elements by `convert`.
    func cursor<Element: Sendable>(
        _ operation: String, _ select: PostgresFragment,
        _ convert: @escaping @Sendable ([PostgresRow], PostgresConnection, Logger) throws -> [Element]
    ) throws -> StoreCursor<Element> {
        let (connections, slots) = (self.connections, cursorSlots)
        let logger = self.logger
        let binds = select.binds
        try slots.take()
        return StoreCursor { sink in
            defer { slots.give() }
            do {
                let connection = try connections.open()
                defer { connection.closeQuietly() }
                try connection.run("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", logger: logger)
                try connection.run("DECLARE rows NO SCROLL CURSOR FOR \(select.text)", binds, logger: logger)
                while true {
                    let rows = try connection.run("FETCH \(Self.fetchSize) FROM rows", logger: logger).rows
                    for element in try convert(Array(rows), connection, logger) {
                        guard sink.yield(element) else { return }
                    }
                    if rows.count < Self.fetchSize { break }
                }
                try connection.run("COMMIT", logger: logger)
            } catch let error as PSQLError {
                throw StoreError.database(operation: operation, reason: error.reason)
            }
        }
    }
}
