import Domain
import Foundation
import GRDB

extension SQLiteStore: ReconciliationStore {
    public func missingCounterparts(_ expectation: Expectation) throws -> [MissingCounterpart] {
        var conditions = ["d.source = ?"]
        var arguments: [DatabaseValueConvertible?] = [expectation.source]
        if !expectation.fields.isEmpty {
            conditions.append("d.field IN (\(Self.marks(expectation.fields.count)))")
            arguments += expectation.fields
        }
        if !expectation.procedureCodes.isEmpty {
            conditions.append("d.procedure_code IN (\(Self.marks(expectation.procedureCodes.count)))")
            arguments += expectation.procedureCodes
        }
        if let from = expectation.receivedFrom {
            conditions.append("d.received_day >= ?")
            arguments.append(from.dayNumber)
        }
        arguments.append(expectation.expectedIn)
        return try read("reconciling \(expectation.source) with \(expectation.expectedIn)") { db in
            try Row.fetchAll(db, sql: """
                SELECT d.code, d.procedure_code, d.procedure_name, d.received_at, d.status FROM dossiers d
                WHERE \(conditions.joined(separator: " AND "))
                  AND NOT EXISTS (SELECT 1 FROM dossiers e WHERE e.code = d.code AND e.source = ?)
                ORDER BY d.received_at, d.code
                """, arguments: StatementArguments(arguments)).map { row in
                MissingCounterpart(expectation: expectation,
                                   key: DossierKey(source: expectation.source, code: row[0]),
                                   procedureCode: row[1], procedureName: row[2],
                                   receivedAt: StoredInstant.date(row[3]), status: try Self.status(row[4]))
            }
        }
    }

    public func vanishedDossiers() throws -> [VanishedDossier] {
        try read("looking for vanished dossiers") { db in
            try Row.fetchAll(db, sql: """
                WITH latest AS (
                    SELECT s.source, s.import_id, s.first_received_day, s.last_received_day
                    FROM source_snapshots s
                    WHERE s.import_id = (SELECT MAX(import_id) FROM source_snapshots WHERE source = s.source))
                SELECT d.source, d.code, d.received_at, d.status,
                       seen.id, seen.connector, seen.started_at, now.id, now.connector, now.started_at
                FROM latest l
                JOIN dossiers d ON d.source = l.source
                    AND d.received_day BETWEEN l.first_received_day AND l.last_received_day
                JOIN dossier_sightings g ON g.dossier_id = d.id AND g.import_id < l.import_id
                JOIN imports seen ON seen.id = g.import_id
                JOIN imports now ON now.id = l.import_id
                ORDER BY d.source, d.received_at, d.code
                """).map { row in
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
            let rows = try Row.fetchCursor(db, sql: """
                SELECT code, source, \(fields.map(\.column).joined(separator: ", ")) FROM dossiers
                WHERE code IN (SELECT code FROM dossiers GROUP BY code HAVING COUNT(*) > 1)
                ORDER BY code, source
                """)
            var conflicts: [SourceConflict] = []
            var group: [Row] = []
            func flush() {
                guard let code: String = group.first?[0] else { return }
                for (offset, field) in fields.enumerated() {
                    let values: [(source: String, value: String)] = group.compactMap { row in
                        field.text(row[2 + offset]).map { (row[1], $0) }
                    }
                    if Set(values.map(\.value)).count > 1 {
                        conflicts.append(SourceConflict(code: code, field: field, values: values))
                    }
                }
                group.removeAll(keepingCapacity: true)
            }
            while let row = try rows.next() {
                if let code: String = group.first?[0], code != row[0] as String { flush() }
                group.append(row.copy())
            }
            flush()
            return conflicts
        }
    }

    private static func marks(_ count: Int) -> String {
        Array(repeating: "?", count: count).joined(separator: ", ")
    }

    private static func status(_ text: String) throws -> DossierStatus {
        guard let status = DossierStatus(rawValue: text) else {
            throw StoreError.database(operation: "reconciling", reason: "unknown status \(text); the file was not written by hostrun")
        }
        return status
    }
}

extension ComparedField {
    /// The column compared: instants by their local day.
    var column: String {
        switch self {
        case .receivedAt: "received_day"
        case .dueAt: "due_day"
        case .finishedAt: "finished_day"
        case .procedureCode, .department, .channel, .status: rawValue
        }
    }

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
