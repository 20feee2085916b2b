import Domain
import GRDB

/// The queries of ``ReconciliationStore``, written once for both database stores.
public enum ReconciliationSQL {
    /// A query and the values of its parameters, in order.
    public struct Query: Sendable {
        public let sql: String
        public let arguments: [DatabaseValue]
    }

    /// Selects `code, procedure_code, procedure_name, received_at, status` of the dossiers of
    /// the expectation's source that its other source lacks, by receipt.
    public static func missingCounterparts(_ expectation: Expectation, _ dialect: SQLDialect) -> Query {
        var arguments = [expectation.source.databaseValue]
        func parameter(_ value: some DatabaseValueConvertible) -> String {
            arguments.append(value.databaseValue)
            return dialect.parameter(arguments.count)
        }
        var conditions = ["d.source = \(dialect.parameter(1))"]
        if !expectation.fields.isEmpty {
            conditions.append("d.field IN (\(expectation.fields.map { parameter($0) }.joined(separator: ", ")))")
        }
        if !expectation.procedureCodes.isEmpty {
            conditions.append("d.procedure_code IN (\(expectation.procedureCodes.map { parameter($0) }.joined(separator: ", ")))")
        }
        if let from = expectation.receivedFrom {
            conditions.append("d.received_day >= \(parameter(from.dayNumber))")
        }
        let other = parameter(expectation.expectedIn)
        return Query(sql: """
            SELECT d.code, d.procedure_code, d.procedure_name, d.received_at, d.status FROM dossiers d
            WHERE \(conditions.joined(separator: " AND "))
              AND NOT EXISTS (SELECT 1 FROM dossiers e WHERE e.code = d.code AND e.source = \(other))
            ORDER BY d.received_at, d.code
            """, arguments: arguments)
    }

    /// Selects, per vanished dossier: source, code, received_at, status, then the id,
    /// connector and start of the import that last listed it and of its source's latest import.
    public static let vanishedDossiers = """
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
        """

    /// Selects `code, source` and the compared columns of every code held by several sources,
    /// by code and source; the caller groups the rows by code.
    public static func conflicts(comparing fields: [ComparedField]) -> String {
        """
        SELECT code, source, \(fields.map(\.column).joined(separator: ", ")) FROM dossiers
        WHERE code IN (SELECT code FROM dossiers GROUP BY code HAVING COUNT(*) > 1)
        ORDER BY code, source
        """
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

    /// Whether the column holds a local day number (shown as `dd/MM/yyyy`).
    public var isDay: Bool {
        switch self {
        case .receivedAt, .dueAt, .finishedAt: true
        case .procedureCode, .department, .channel, .status: false
        }
    }
}

/// Turns the rows of ``ReconciliationSQL/conflicts(comparing:)`` (one per code and source, by
/// code) into conflicts, one code's group at a time, for both database stores.
package struct ConflictCollector {
    private let fields: [ComparedField]
    private var code: String?
    private var members: [(source: String, values: [String?])] = []
    private var conflicts: [SourceConflict] = []

    package init(comparing fields: [ComparedField]) {
        self.fields = fields
    }

    /// One source's values of `fields` for `code`, as a conflict shows them (`nil`: unknown).
    package mutating func add(code: String, source: String, values: [String?]) {
        if code != self.code {
            flush()
            self.code = code
        }
        members.append((source, values))
    }

    /// The conflicts, by code and field.
    package mutating func finish() -> [SourceConflict] {
        flush()
        return conflicts
    }

    private mutating func flush() {
        guard let code else { return }
        for (offset, field) in fields.enumerated() {
            let values = members.compactMap { member in member.values[offset].map { (source: member.source, value: $0) } }
            if Set(values.map(\.value)).count > 1 {
                conflicts.append(SourceConflict(code: code, field: field, values: values))
            }
        }
        members.removeAll(keepingCapacity: true)
    }
}
