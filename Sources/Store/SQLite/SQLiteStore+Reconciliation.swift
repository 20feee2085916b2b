import Domain
import Foundation
import GRDB

extension SQLiteStore: ReconciliationStore {
    public func missingCounterparts(_ expectation: Expectation) throws -> [MissingCounterpart] {
        let query = ReconciliationSQL.missingCounterparts(expectation, .sqlite)
        let arguments = StatementArguments(query.arguments)
        return try read("reconciling \(expectation.source) with \(expectation.expectedIn)") { db in
            try Row.fetchAll(db, sql: query.sql, arguments: arguments).map { row in
                MissingCounterpart(expectation: expectation,
                                   key: DossierKey(source: expectation.source, code: row[0]),
                                   procedureCode: row[1], procedureName: row[2],
                                   receivedAt: StoredInstant.date(row[3]), status: try Self.status(row[4]))
            }
        }
    }

    public func vanishedDossiers() throws -> [VanishedDossier] {
        try read("looking for vanished dossiers") { db in
            try Row.fetchAll(db, sql: ReconciliationSQL.vanishedDossiers).map { row in
                VanishedDossier(key: DossierKey(source: row[0], code: row[1]), receivedAt: StoredInstant.date(row[2]),
                                status: try Self.status(row[3]),
                                lastSeen: ImportMark(id: row[4], connector: row[5], startedAt: StoredInstant.date(row[6])),
                                latest: ImportMark(id: row[7], connector: row[8], startedAt: StoredInstant.date(row[9])))
            }
        }
    }

    public func conflicts(comparing fields: [ComparedField]) throws -> [SourceConflict] {
        guard !fields.isEmpty else { return [] }
        return try read("comparing sources") { db in
            let rows = try Row.fetchCursor(db, sql: ReconciliationSQL.conflicts(comparing: fields))
            var collector = ConflictCollector(comparing: fields)
            while let row = try rows.next() {
                collector.add(code: row[0], source: row[1],
                              values: fields.indices.map { fields[$0].text(row[2 + $0]) })
            }
            return collector.finish()
        }
    }

    private static func status(_ text: String) throws -> DossierStatus {
        guard let status = DossierStatus(rawValue: text) else {
            throw StoreError.database(operation: "reconciling", reason: "unknown status \(text); the file was not written by hostrun")
        }
        return status
    }
}

extension ComparedField {
    /// A stored value as a conflict shows it; nil when unknown.
    func text(_ value: DatabaseValue) -> String? {
        switch (self, value.storage) {
        case (_, .null): nil
        case (.receivedAt, .int64(let day)), (.dueAt, .int64(let day)), (.finishedAt, .int64(let day)):
            LocalDate(dayNumber: Int(day)).vietnamese
        case (_, .string(let text)): text.isEmpty ? nil : text
        default: value.description
        }
    }
}
