import Domain
import GRDB

extension SQLiteStore {
    public func periodFigures(_ classifier: PeriodClassifier, centre: String?) throws -> PeriodFigures {
        try figures(classifier, by: nil, centre: centre)[""] ?? PeriodFigures()
    }

    public func periodFigures(_ classifier: PeriodClassifier, by dimension: BreakdownDimension,
                              centre: String?) throws -> [String: PeriodFigures] {
        try figures(classifier, by: dimension, centre: centre)
    }

    /// The SQL statement ``periodFigures(_:)`` runs for a classifier (by a dimension, when
    /// given): for diagnostics and for benchmarks that time the same query in the `sqlite3` shell.
    public static func figuresSQL(_ classifier: PeriodClassifier, by dimension: BreakdownDimension? = nil) -> String {
        FiguresSQL.select(PeriodBounds(classifier), by: dimension, dialect: .sqlite)
    }

    /// One row per dimension value (one row keyed `""` without a dimension).
    private func figures(_ classifier: PeriodClassifier,
                         by dimension: BreakdownDimension?,
                         centre: String?) throws -> [String: PeriodFigures] {
        guard classifier.time == centreTime else {
            throw StoreError.centreTimeMismatch(location: location, stored: centreTime.utcOffsetSeconds,
                                                requested: classifier.time.utcOffsetSeconds)
        }
        let sql = FiguresSQL.select(PeriodBounds(classifier), by: dimension, centre: centre != nil, dialect: .sqlite)
        let arguments: StatementArguments = centre.map { [$0] } ?? []
        let offset = dimension == nil ? 0 : 1
        return try read("computing the figures of \(classifier.period)") { db in
            var rows: [String: PeriodFigures] = [:]
            for row in try Row.fetchAll(db, sql: sql, arguments: arguments) {
                var counts: [FigureCounter: Int] = [:]
                for (i, counter) in FigureCounter.stored.enumerated() {
                    counts[counter] = row[offset + i] ?? 0
                }
                guard counts[.received] != 0 else { continue }
                rows[dimension == nil ? "" : row[0], default: PeriodFigures()] = PeriodFigures(counts: counts)
            }
            return rows
        }
    }

    public func procedures() throws -> [Procedure] {
        try read("reading the procedure catalogue") { db in
            try Row.fetchAll(db, sql: """
                SELECT code, name, field, limit_kind, limit_value, cutoff_minute FROM procedures ORDER BY code
                """).map { row in
                let kind: String? = row[3]
                let value: Int? = row[4]
                let cutoff: Int? = row[5]
                return Procedure(code: row[0], name: row[1], field: row[2],
                                 timeLimit: DossierColumns.timeLimit(kind: kind, value: value),
                                 afternoonCutoff: cutoff.map(LocalTime.init(minuteOfDay:)))
            }
        }
    }
}
