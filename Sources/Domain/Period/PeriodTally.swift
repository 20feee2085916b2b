import Foundation

/// Streams dossiers and feedback through a period's classification into its figures, its
/// breakdowns and its feedback figures, in memory that does not grow with the number of
/// records (only with the number of breakdown rows).
///
/// ```swift
/// var tally = PeriodTally(classifier: PeriodClassifier(period: period), breakdowns: [.field])
/// for dossier in store.dossiers(receivedOnOrBefore: period.to) { tally.add(dossier) }
/// tally.figures.identitiesHold   // true
/// tally.breakdown(.field)?.total == tally.figures   // true
/// ```
public struct PeriodTally: Sendable {
    public let classifier: PeriodClassifier
    public private(set) var figures = PeriodFigures()
    public private(set) var feedback = FeedbackFigures()
    /// Dossiers seen that do not count in the period (received after it, finished before it).
    public private(set) var dossiersNotCounted = 0
    /// Feedback records seen that do not count in the period.
    public private(set) var feedbackNotCounted = 0
    private var breakdownRows: [Breakdown]

    public init(classifier: PeriodClassifier, breakdowns: [BreakdownDimension] = []) {
        self.classifier = classifier
        var seen = Set<BreakdownDimension>()
        breakdownRows = breakdowns.filter { seen.insert($0).inserted }.map(Breakdown.init)
    }

    /// Counts a dossier; returns its cell, or `nil` if it does not count in the period.
    @discardableResult
    public mutating func add(_ dossier: Dossier) -> PeriodPlacement? {
        guard let placement = classifier.placement(of: dossier) else {
            dossiersNotCounted += 1
            return nil
        }
        figures.add(placement, of: dossier)
        for i in breakdownRows.indices { breakdownRows[i].add(placement, of: dossier) }
        return placement
    }

    /// Counts a feedback record; returns its cell, or `nil` if it does not count.
    @discardableResult
    public mutating func add(_ record: Feedback) -> FeedbackPlacement? {
        guard let placement = classifier.placement(of: record) else {
            feedbackNotCounted += 1
            return nil
        }
        feedback.add(placement)
        return placement
    }

    /// Counts every dossier of a sequence, one at a time. Contiguous storage (an array) is read
    /// in place: copying a dossier costs more than classifying it.
    public mutating func add<S: Sequence>(contentsOf dossiers: S) where S.Element == Dossier {
        let done: Void? = dossiers.withContiguousStorageIfAvailable { buffer in
            for i in buffer.indices { add(buffer[i]) }
        }
        if done == nil {
            for dossier in dossiers { add(dossier) }
        }
    }

    /// Counts every feedback record of a sequence, one at a time.
    public mutating func add<S: Sequence>(contentsOf records: S) where S.Element == Feedback {
        for record in records { add(record) }
    }

    /// The breakdown by a dimension, if it was asked for.
    public func breakdown(_ dimension: BreakdownDimension) -> Breakdown? {
        breakdownRows.first { $0.dimension == dimension }
    }

    /// Every breakdown asked for, in the order asked.
    public var breakdowns: [Breakdown] { breakdownRows }

    /// The service indicators of the figures.
    public func indicators(_ indicators: [ServiceIndicator] = ServiceIndicator.defaults)
        -> [IndicatorValue] {
        indicators.map { $0.evaluate(figures) }
    }
}
