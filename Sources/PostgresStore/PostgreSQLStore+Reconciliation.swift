import Domain
import Foundation
import PostgresNIO
import Store

extension PostgreSQLStore: ReconciliationStore {
    public func missingCounterparts(_ expectation: Expectation) throws -> [MissingCounterpart] {
        let query = ReconciliationSQL.missingCounterparts(expectation, .postgres)
        let binds = try PostgresBindings(query.arguments)
        return try read("reconciling \(expectation.source) with \(expectation.expectedIn)") { connection in
            try connection.run(query.sql, binds, logger: logger).rows.map { row in
                let (code, procedureCode, procedureName, receivedAt, status) =
                    try row.decode((String, String, String, Int64, String).self)
                return MissingCounterpart(expectation: expectation,
                                          key: DossierKey(source: expectation.source, code: code),
                                          procedureCode: procedureCode, procedureName: procedureName,
                                          receivedAt: StoredInstant.date(receivedAt), status: try Self.status(status))
            }
        }
    }

    public func vanishedDossiers() throws -> [VanishedDossier] {
        try read("looking for vanished dossiers") { connection in
            try connection.run(ReconciliationSQL.vanishedDossiers, logger: logger).rows.map { row in
                let (source, code, receivedAt, status, seenID, seenConnector, seenAt, nowID, nowConnector, nowAt) =
                    try row.decode((String, String, Int64, String, Int64, String, Int64, Int64, String, Int64).self)
                return VanishedDossier(key: DossierKey(source: source, code: code),
                                       receivedAt: StoredInstant.date(receivedAt), status: try Self.status(status),
                                       lastSeen: ImportMark(id: seenID, connector: seenConnector,
                                                            startedAt: StoredInstant.date(seenAt)),
                                       latest: ImportMark(id: nowID, connector: nowConnector,
                                                          startedAt: StoredInstant.date(nowAt)))
            }
        }
    }

    public func conflicts(comparing fields: [ComparedField]) throws -> [SourceConflict] {
        guard !fields.isEmpty else { return [] }
        return try read("comparing sources") { connection in
            var collector = ConflictCollector(comparing: fields)
            for row in try connection.run(ReconciliationSQL.conflicts(comparing: fields), logger: logger).rows {
                let cells = row.makeRandomAccess()
                let values = try fields.enumerated().map { offset, field -> String? in
                    let cell = cells[2 + offset]
                    if field.isDay {
                        return try cell.decode(Int?.self).map { LocalDate(dayNumber: $0).vietnamese }
                    }
                    return try cell.decode(String?.self).flatMap { $0.isEmpty ? nil : $0 }
                }
                collector.add(code: try cells[0].decode(String.self), source: try cells[1].decode(String.self),
                              values: values)
            }
            return collector.finish()
        }
    }

    private static func status(_ text: String) throws -> DossierStatus {
        guard let status = DossierStatus(rawValue: text) else {
            throw StoreError.database(operation: "reconciling", reason: "unknown status \(text)")
        }
        return status
    }
}
