import Domain
import PostgresNIO
import Store

/// A piece of SQL with its parameters, numbered from `$1`.
struct PostgresFragment {
    var text: String
    var binds = PostgresBindings()
    private(set) var parameters = 0

    init(_ text: String = "") { self.text = text }

    /// Binds a value and returns its placeholder, e.g. `$3`.
    mutating func parameter<Value: PostgresThrowingDynamicTypeEncodable>(_ value: Value) throws -> String {
        try binds.append(value)
        parameters += 1
        return "$\(parameters)"
    }
}

extension DossierQuery {
    /// `WHERE …` (or nothing) for the `dossiers` table: the SQLite store's filters, term by term.
    func postgresWhere() throws -> PostgresFragment {
        var fragment = PostgresFragment()
        var terms: [String] = []
        func oneOf(_ column: String, _ values: Set<String>?) throws {
            guard let values else { return }
            terms.append(values.isEmpty ? "FALSE" : "\(column) = ANY(\(try fragment.parameter(values.sorted())))")
        }
        if scope == .primary { terms.append("is_primary") }
        if let received {
            terms.append("received_day BETWEEN \(received.lowerBound.dayNumber) AND \(received.upperBound.dayNumber)")
        }
        if let finished {
            terms.append("finished_day BETWEEN \(finished.lowerBound.dayNumber) AND \(finished.upperBound.dayNumber)")
        }
        if let dueBefore { terms.append("due_day < \(dueBefore.dayNumber)") }
        if let dueAfter { terms.append("due_day > \(dueAfter.dayNumber)") }
        if let openOn {
            terms.append("received_day <= \(openOn.dayNumber) AND (finished_day IS NULL OR finished_day > \(openOn.dayNumber))")
        }
        try oneOf("status", statuses.map { Set($0.map(\.rawValue)) })
        try oneOf("channel", channels.map { Set($0.map(\.rawValue)) })
        try oneOf("field", fields)
        try oneOf("department", departments)
        try oneOf("source", sources)
        try oneOf("procedure_code", procedureCodes)
        try oneOf("centre", centres)
        if let applicantName {
            let folded = VietnameseText.fold(applicantName)
            let escaped = folded.replacingOccurrences(of: "\\", with: "\\\\")
                .replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
            terms.append("applicant_name_folded LIKE \(try fragment.parameter("%\(escaped)%")) ESCAPE '\\'")
        }
        fragment.text = terms.isEmpty ? "" : "WHERE " + terms.joined(separator: " AND ")
        return fragment
    }

    /// The whole `SELECT` of ``DossierRow/selection``.
    func postgresSelect() throws -> PostgresFragment {
        var fragment = try postgresWhere()
        fragment.text = "SELECT \(DossierRow.selection) FROM dossiers \(fragment.text) \(orderClause)"
        if let limit { fragment.text += " LIMIT \(limit)" }
        return fragment
    }
}
