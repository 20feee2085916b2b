/// How a report files withdrawn and clock-stopped dossiers. Both layouts keep the identities.
public enum ReportLayout: String, Sendable, Hashable, Codable, CaseIterable {
    /// The seed report's: withdrawn and each clock-stopped state on lines of their own (default).
    case seed
    /// Some provincial systems': a withdrawn dossier counts as on time, and an open dossier
    /// whose clock is stopped (supplement, payment) as within the limit.
    case provincial
}

extension PeriodFigures {
    /// These figures with their lines filed as `layout` files them.
    public func arranged(as layout: ReportLayout) -> PeriodFigures {
        guard layout == .provincial else { return self }
        var figures = self
        figures.onTime += figures.withdrawn
        figures.withdrawn = 0
        figures.withinLimit += figures.supplementRequested + figures.awaitingPayment
        figures.supplementRequested = 0
        figures.awaitingPayment = 0
        return figures
    }
}
