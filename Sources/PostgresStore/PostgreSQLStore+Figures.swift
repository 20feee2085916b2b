import Domain
import PostgresNIO
import Store

extension PostgreSQLStore {
    public func periodFigures(_ classifier: PeriodClassifier, centre: String?) throws -> PeriodFigures {
        try figures(classifier, by: nil, centre: centre)[""] ?? PeriodFigures()
    }

    public func periodFigures(_ classifier: PeriodClassifier, by dimension: BreakdownDimension,
                              centre: String?) throws -> [String: PeriodFigures] {
        try figures(classifier, by: dimension, centre: centre)
    }

    /// One row per dimension value (one row keyed `""` without a dimension).
    private func figures(_ classifier: PeriodClassifier, by dimension: BreakdownDimension?,
                         centre: String?) throws -> [String: PeriodFigures] {
        guard classifier.time == centreTime else {
            throw StoreError.centreTimeMismatch(location: location, stored: centreTime.utcOffsetSeconds,
                                                requested: classifier.time.utcOffsetSeconds)
        }
        let sql = FiguresSQL.select(PeriodBounds(classifier), by: dimension, centre: centre != nil, dialect: .postgres)
        var binds = PostgresBindings()
        if let centre { binds.append(centre) }
        let offset = dimension == nil ? 0 : 1
        return try read("computing the figures of \(classifier.period)") { connection in
            var rows: [String: PeriodFigures] = [:]
            for row in try connection.run(sql, binds, logger: logger).rows {
                let cells = row.makeRandomAccess()
                var counts: [FigureCounter: Int] = [:]
                for (i, counter) in FigureCounter.stored.enumerated() {
                    counts[counter] = try cells[offset + i].decode(Int?.self) ?? 0
                }
                guard counts[.received] != 0 else { continue }
                let key = dimension == nil ? "" : try cells[0].decode(String.self)
                rows[key] = PeriodFigures(counts: counts)
            }
            return rows
        }
    }

    public func procedures() throws -> [Procedure] {
        try read("reading the procedure catalogue") { connection in
            try connection.run("""
                SELECT code, name, field, limit_kind, limit_value, cutoff_minute FROM procedures ORDER BY code
                """, logger: logger).rows.map { row in
                let (code, name, field, kind, value, cutoff) =
                    try row.decode((String, String, String, String?, Int?, Int?).self)
                return Procedure(code: code, name: name, field: field,
                                 timeLimit: DossierColumns.timeLimit(kind: kind, value: value),
                                 afternoonCutoff: cutoff.map(LocalTime.init(minuteOfDay:)))
            }
        }
    }
}
