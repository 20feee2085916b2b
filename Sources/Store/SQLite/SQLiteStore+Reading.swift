import Domain
import Foundation
import GRDB

extension SQLiteStore {
    public func dossier(_ key: DossierKey) throws -> Dossier? {
        try read("reading dossier \(key)") { db in
            let statement = try db.cachedStatement(sql: """
                SELECT \(DossierColumns.selection), id FROM dossiers WHERE code = ? AND source = ?
                """)
            guard let row = try Row.fetchOne(statement, arguments: [key.code, key.source]) else { return nil }
            var dossier = try DossierColumns.decode(row)
            dossier.history = try StoredHistoryEntry.fetch(db, dossierID: row[DossierColumns.tracked.count + 2])
                .map { try $0.change(of: key) }
            return dossier
        }
    }

    public func dossiers(_ query: DossierQuery) throws -> StoreCursor<Dossier> {
        let select = query.selectStatement
        let includeHistory = query.includeHistory
        let idIndex = DossierColumns.tracked.count + 2
        let (pool, slots) = (self.pool, cursorSlots)
        try slots.take()
        return StoreCursor { sink in
            defer { slots.give() }
            do {
                try pool.read { db in
                    let rows = try Row.fetchCursor(db, sql: select.text, arguments: select.statementArguments)
                    while let row = try rows.next() {
                        var dossier = try DossierColumns.decode(row)
                        if includeHistory {
                            dossier.history = try StoredHistoryEntry.fetch(db, dossierID: row[idIndex])
                                .map { try $0.change(of: dossier.key) }
                        }
                        guard sink.yield(dossier) else { return }
                    }
                }
            } catch let error as DatabaseError {
                throw StoreError.database(operation: "listing dossiers", reason: error.message ?? "\(error)")
            }
        }
    }

    public func count(_ query: DossierQuery) throws -> Int {
        let filter = query.whereClause
        return try read("counting dossiers") { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM dossiers \(filter.text)",
                             arguments: filter.statementArguments) ?? 0
        }
    }

    public func groupCount(_ query: DossierQuery, by dimension: BreakdownDimension) throws -> [GroupCount] {
        let filter = query.whereClause
        let column = dimension.column
        return try read("counting dossiers by \(dimension.rawValue)") { db in
            try Row.fetchAll(db, sql: """
                SELECT \(column), COUNT(*) FROM dossiers \(filter.text) GROUP BY \(column) ORDER BY \(column)
                """, arguments: filter.statementArguments)
                .map { GroupCount(key: $0[0], count: $0[1]) }
        }
    }

    public func feedback(_ key: DossierKey) throws -> Feedback? {
        try read("reading feedback \(key)") { db in
            try Row.fetchOne(db, sql: """
                SELECT \(FeedbackColumns.selection) FROM feedback WHERE source = ? AND code = ?
                """, arguments: [key.source, key.code]).map(FeedbackColumns.decode)
        }
    }

    public func feedbackItems(received: ClosedRange<LocalDate>?) throws -> StoreCursor<Feedback> {
        let filter = received.map { "WHERE received_day BETWEEN \($0.lowerBound.dayNumber) AND \($0.upperBound.dayNumber)" } ?? ""
        let (pool, slots) = (self.pool, cursorSlots)
        try slots.take()
        return StoreCursor { sink in
            defer { slots.give() }
            do {
                try pool.read { db in
                    let rows = try Row.fetchCursor(db, sql: """
                        SELECT \(FeedbackColumns.selection) FROM feedback \(filter)
                        ORDER BY received_at, source, code
                        """)
                    while let row = try rows.next() {
                        guard sink.yield(try FeedbackColumns.decode(row)) else { return }
                    }
                }
            } catch let error as DatabaseError {
                throw StoreError.database(operation: "listing feedback", reason: error.message ?? "\(error)")
            }
        }
    }

    public func imports(limit: Int) throws -> [ImportRecord] {
        try read("listing imports") { db in
            try Row.fetchAll(db, sql: BookkeepingSQL.imports(.sqlite), arguments: [limit])
                .map { try BookkeepingSQL.importRecord(Array($0.databaseValues)) }
        }
    }

    public func auditTrail(of key: DossierKey) throws -> [AuditEntry] {
        try read("reading the audit trail of \(key)") { db in
            try Row.fetchAll(db, sql: BookkeepingSQL.auditTrail(.sqlite), arguments: [key.code, key.source])
                .map { try BookkeepingSQL.auditEntry(Array($0.databaseValues)) }
        }
    }
}
