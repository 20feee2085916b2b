import Domain
import GRDB

/// A piece of SQL with its arguments.
struct SQLFragment {
    var text: String
    var arguments: [DatabaseValue]

    var statementArguments: StatementArguments { StatementArguments(arguments) }
}

extension DossierQuery {
    /// `WHERE …` (or nothing) for the `dossiers` table.
    var whereClause: SQLFragment {
        var terms: [String] = []
        var arguments: [DatabaseValue] = []
        func term(_ text: String, _ values: DatabaseValueConvertible...) {
            terms.append(text)
            arguments += values.map(\.databaseValue)
        }
        func oneOf(_ column: String, _ values: Set<String>?) {
            guard let values else { return }
            let sorted = values.sorted()
            terms.append(sorted.isEmpty ? "0"
                         : "\(column) IN (\(Array(repeating: "?", count: sorted.count).joined(separator: ", ")))")
            arguments += sorted.map(\.databaseValue)
        }
        if scope == .primary { term("is_primary = 1") }
        if let received {
            term("received_day BETWEEN ? AND ?", received.lowerBound.dayNumber, received.upperBound.dayNumber)
        }
        if let finished {
            term("finished_day BETWEEN ? AND ?", finished.lowerBound.dayNumber, finished.upperBound.dayNumber)
        }
        if let dueBefore { term("due_day < ?", dueBefore.dayNumber) }
        if let dueAfter { term("due_day > ?", dueAfter.dayNumber) }
        if let openOn {
            // `+` keeps SQLite off the received_day index here: received by a recent day is
            // nearly every row, while not finished by it is a few (found through
            // dossiers_finished), and without STAT4 statistics the planner cannot tell.
            term("+received_day <= ? AND (finished_day IS NULL OR finished_day > ?)",
                 openOn.dayNumber, openOn.dayNumber)
        }
        oneOf("status", statuses.map { Set($0.map(\.rawValue)) })
        oneOf("channel", channels.map { Set($0.map(\.rawValue)) })
        oneOf("field", fields)
        oneOf("department", departments)
        oneOf("source", sources)
        oneOf("procedure_code", procedureCodes)
        oneOf("centre", centres)
        if let applicantName {
            let folded = VietnameseText.fold(applicantName)
            let escaped = folded.replacingOccurrences(of: "\\", with: "\\\\")
                .replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
            term("applicant_name_folded LIKE ? ESCAPE '\\'", "%\(escaped)%")
        }
        return SQLFragment(text: terms.isEmpty ? "" : "WHERE " + terms.joined(separator: " AND "),
                           arguments: arguments)
    }

    /// `ORDER BY …` (or nothing for `.unordered`); unknown dates last, ties by source and code.
    /// The same on both database stores.
    package var orderClause: String {
        let direction = descending ? " DESC" : ""
        let key = "source\(direction), code\(direction)"
        return switch order {
        case .unordered: ""
        case .key: "ORDER BY \(key)"
        case .receivedAt: "ORDER BY received_at\(direction), \(key)"
        case .dueAt: "ORDER BY due_at IS NULL, due_at\(direction), \(key)"
        case .finishedAt: "ORDER BY finished_at IS NULL, finished_at\(direction), \(key)"
        }
    }

    /// The whole `SELECT` of ``DossierColumns/selection`` plus the row id last.
    var selectStatement: SQLFragment {
        var fragment = whereClause
        fragment.text = "SELECT \(DossierColumns.selection), id FROM dossiers \(fragment.text) \(orderClause)"
        if let limit {
            fragment.text += " LIMIT ?"
            fragment.arguments.append(Int64(limit).databaseValue)
        }
        return fragment
    }
}

extension BreakdownDimension {
    /// The `dossiers` column holding the dimension, in both database stores.
    package var column: String {
        switch self {
        case .field: "field"
        case .procedure: "procedure_code"
        case .department: "department"
        case .channel: "channel"
        case .source: "source"
        case .centre: "centre"
        }
    }
}
