import Domain

/// The SQL that classifies a period's dossiers and counts every ``Domain/FigureCounter`` in one
/// pass: an inner `SELECT` puts each counted dossier in its intake and outcome cell (codes are
/// the positions of ``Domain/Intake`` and ``Domain/Outcome`` in `allCases`), the outer one sums
/// the cells with `GROUP BY` the breakdown dimension, if any.
enum FiguresSQL {
    /// A dossier received before the period is left out when it finished before it, unless that
    /// finish is after the as-of instant (then it is not yet known, and the dossier still open).
    /// With `centre`, the SQL takes one argument: the centre's name.
    static func select(_ bounds: PeriodBounds, by dimension: BreakdownDimension?,
                       centre: Bool = false) -> String {
        let (start, end, judged) = (bounds.start, bounds.end, bounds.judgedOn)
        let counters = FigureCounter.stored.map { "\(expression($0)) AS \($0.rawValue)" }
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
                WHERE is_primary = 1 AND received_at < \(end)\(centre ? " AND centre = ?" : "")
                    AND (received_at >= \(start) OR finished_at IS NULL OR finished_at >= \(min(start, end)))
            )
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

    private static func expression(_ counter: FigureCounter) -> String {
        let newOnline = "intake = \(code(.online))"
        let new = "intake <> \(code(.carriedOver))"
        let finished = Outcome.allCases.filter(\.isFinished).map { String(code($0)) }.joined(separator: ", ")
        return switch counter {
        case .received: "COUNT(*)"
        case .carriedOver: "SUM(intake = \(code(.carriedOver)))"
        case .newOnline: "SUM(\(newOnline))"
        case .newInPerson: "SUM(intake = \(code(.inPerson)))"
        case .newPostal: "SUM(intake = \(code(.postal)))"
        case .finished: "SUM(outcome IN (\(finished)))"
        case .inProgress: "SUM(outcome NOT IN (\(finished)))"
        case .early: "SUM(outcome = \(code(.early)))"
        case .onTime: "SUM(outcome = \(code(.onTime)))"
        case .late: "SUM(outcome = \(code(.late)))"
        case .refused: "SUM(outcome = \(code(.refused)))"
        case .withdrawn: "SUM(outcome = \(code(.withdrawn)))"
        case .withinLimit: "SUM(outcome = \(code(.withinLimit)))"
        case .overdue: "SUM(outcome = \(code(.overdue)))"
        case .supplementRequested: "SUM(outcome = \(code(.supplementRequested)))"
        case .awaitingPayment: "SUM(outcome = \(code(.awaitingPayment)))"
        case .newOnlineDigitised: "SUM(\(newOnline) AND digitised)"
        case .newOnlineDataReused: "SUM(\(newOnline) AND data_reused)"
        case .newOnlineFullyOnline: "SUM(\(newOnline) AND fully_online)"
        case .newOnlineFeePayable: "SUM(\(newOnline) AND fee_payable)"
        case .newOnlinePaidOnline: "SUM(\(newOnline) AND fee_payable AND paid_online)"
        case .newDigitised: "SUM(\(new) AND digitised)"
        case .newDataReused: "SUM(\(new) AND data_reused)"
        case .newFeePayable: "SUM(\(new) AND fee_payable)"
        case .newPaidOnline: "SUM(\(new) AND fee_payable AND paid_online)"
        case .apologised: "SUM(apology_due_at IS NOT NULL)"
        case .new, .clockStopped: "NULL"  // sums of other counters: not in `FigureCounter.stored`
        }
    }

    private static func code(_ intake: Intake) -> Int { Intake.allCases.firstIndex(of: intake)! }
    private static func code(_ outcome: Outcome) -> Int { Outcome.allCases.firstIndex(of: outcome)! }
}
