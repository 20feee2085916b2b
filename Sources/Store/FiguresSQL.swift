import Domain

/// The SQL that classifies a period's dossiers and counts every ``Domain/FigureCounter`` in one
/// pass, written once for both database stores (the figures equality test holds both to the
/// domain's ``Domain/PeriodTally``): an inner `SELECT` puts each counted dossier in its intake
/// and outcome cell (codes are the positions of ``Domain/Intake`` and ``Domain/Outcome`` in
/// `allCases`), the outer one counts the cells, grouped by the breakdown dimension, if any.
package enum FiguresSQL {
    /// A dossier received before the period is left out when it finished before it, unless that
    /// finish is after the as-of instant (then it is not yet known, and the dossier still open).
    /// With `centre`, the SQL takes one argument: the centre's name (on PostgreSQL the partial
    /// index `dossiers_centre_received` finds its rows).
    package static func select(_ bounds: PeriodBounds, by dimension: BreakdownDimension?,
                               centre: Bool = false, dialect: SQLDialect) -> String {
        let (start, end, judged) = (bounds.start, bounds.end, bounds.judgedOn)
        let counters = FigureCounter.stored.map { "\(expression($0, dialect)) AS \($0.rawValue)" }
        let key = dimension.map { "\($0.column) AS dimension, " } ?? ""
        return """
            SELECT \(dimension == nil ? "" : "dimension, ")\(counters.joined(separator: ", "))
            FROM (
                SELECT \(key)
                    CASE WHEN received_at < \(start) THEN \(code(.carriedOver))
                         WHEN channel = 'online' THEN \(code(.online))
                         WHEN channel = 'in_person' THEN \(code(.inPerson))
                         ELSE \(code(.postal)) END AS intake,
                    CASE WHEN finished_at < \(end) THEN
                        CASE WHEN status = 'refused' THEN \(code(.refused))
                             WHEN status = 'withdrawn' THEN \(code(.withdrawn))
                             WHEN due_day IS NULL OR finished_day = due_day THEN \(code(.onTime))
                             WHEN finished_day < due_day THEN \(code(.early))
                             ELSE \(code(.late)) END
                    ELSE
                        CASE \(stateAtEnd(end))
                             WHEN 'supplement_requested' THEN \(code(.supplementRequested))
                             WHEN 'awaiting_payment' THEN \(code(.awaitingPayment))
                             ELSE CASE WHEN due_day IS NULL OR due_day >= \(judged) THEN \(code(.withinLimit))
                                       ELSE \(code(.overdue)) END END
                    END AS outcome,
                    digitised, data_reused, fully_online, fee_payable, paid_online, apology_due_at
                FROM dossiers d
                WHERE \(dialect.isTrue("is_primary")) AND received_at < \(end)\(centre ? " AND centre = \(dialect.parameter(1))" : "")
                    AND (received_at >= \(start) OR finished_at IS NULL OR finished_at >= \(min(start, end)))
                \(fence(dialect))
            ) AS cells
            \(dimension == nil ? "" : "GROUP BY dimension")
            """
    }

    /// The status an open dossier was in at the end: its last history entry before `end`
    /// (`received` if none was), or its current status when it has no history at all.
    private static func stateAtEnd(_ end: Int64) -> String {
        """
        COALESCE((SELECT h.status FROM status_history h WHERE h.dossier_id = d.id AND h.at < \(end)
                  ORDER BY h.at DESC, h.id DESC LIMIT 1),
                 CASE WHEN EXISTS (SELECT 1 FROM status_history h WHERE h.dossier_id = d.id)
                      THEN 'received' ELSE d.status END)
        """
    }

    /// PostgreSQL's planner would copy the cell expressions (and the history subquery) into
    /// every counter; `OFFSET 0` fences the subquery so each dossier is classified once.
    /// SQLite evaluates the subquery's columns once per row as it is.
    private static func fence(_ dialect: SQLDialect) -> String {
        switch dialect {
        case .sqlite: ""
        case .postgres: "OFFSET 0"
        }
    }

    /// How many rows meet `condition`: SQLite sums the 0/1 truth value (its fastest form),
    /// PostgreSQL counts with `FILTER`.
    private static func count(_ condition: String, _ dialect: SQLDialect) -> String {
        switch dialect {
        case .sqlite: "SUM(\(condition))"
        case .postgres: "COUNT(*) FILTER (WHERE \(condition))"
        }
    }

    private static func expression(_ counter: FigureCounter, _ dialect: SQLDialect) -> String {
        let newOnline = "intake = \(code(.online))"
        let new = "intake <> \(code(.carriedOver))"
        let finished = Outcome.allCases.filter(\.isFinished).map { String(code($0)) }.joined(separator: ", ")
        func count(_ condition: String) -> String { Self.count(condition, dialect) }
        return switch counter {
        case .received: "COUNT(*)"
        case .carriedOver: count("intake = \(code(.carriedOver))")
        case .newOnline: count(newOnline)
        case .newInPerson: count("intake = \(code(.inPerson))")
        case .newPostal: count("intake = \(code(.postal))")
        case .finished: count("outcome IN (\(finished))")
        case .inProgress: count("outcome NOT IN (\(finished))")
        case .early: count("outcome = \(code(.early))")
        case .onTime: count("outcome = \(code(.onTime))")
        case .late: count("outcome = \(code(.late))")
        case .refused: count("outcome = \(code(.refused))")
        case .withdrawn: count("outcome = \(code(.withdrawn))")
        case .withinLimit: count("outcome = \(code(.withinLimit))")
        case .overdue: count("outcome = \(code(.overdue))")
        case .supplementRequested: count("outcome = \(code(.supplementRequested))")
        case .awaitingPayment: count("outcome = \(code(.awaitingPayment))")
        case .newOnlineDigitised: count("\(newOnline) AND digitised")
        case .newOnlineDataReused: count("\(newOnline) AND data_reused")
        case .newOnlineFullyOnline: count("\(newOnline) AND fully_online")
        case .newOnlineFeePayable: count("\(newOnline) AND fee_payable")
        case .newOnlinePaidOnline: count("\(newOnline) AND fee_payable AND paid_online")
        case .newDigitised: count("\(new) AND digitised")
        case .newDataReused: count("\(new) AND data_reused")
        case .newFeePayable: count("\(new) AND fee_payable")
        case .newPaidOnline: count("\(new) AND fee_payable AND paid_online")
        case .apologised: count("apology_due_at IS NOT NULL")
        // Sums of other counters: not in `FigureCounter.stored`.
        case .new, .clockStopped: dialect == .postgres ? "NULL::int8" : "NULL"
        }
    }

    private static func code(_ intake: Intake) -> Int { Intake.allCases.firstIndex(of: intake)! }
    private static func code(_ outcome: Outcome) -> Int { Outcome.allCases.firstIndex(of: outcome)! }
}
