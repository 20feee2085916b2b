import Domain
import Foundation

/// A ``Domain/PeriodClassifier``'s limits as the integers the SQL compares stored columns with.
///
/// They restate the classifier's own definitions: the period starts at the first instant of
/// `from`; it ends (exclusive) at the first instant after `to`, or just after the as-of instant
/// if that is earlier; open dossiers are overdue when due before `to`, or before the as-of date
/// if that is earlier. The figures equality test holds the two to the same answers.
package struct PeriodBounds {
    /// `received_at < start` (milliseconds): received before the period.
    package let start: Int64
    /// `received_at < end` (milliseconds): known by the end of the period.
    package let end: Int64
    /// `due_day < judgedOn`: overdue when still open.
    package let judgedOn: Int64

    package init(_ classifier: PeriodClassifier) {
        let time = classifier.time
        let dayEnd = time.startOfDay(classifier.period.to.adding(days: 1))
        // The classifier counts an instant as known when it is before `asOf` + 1 µs: on the
        // millisecond grid the store keeps, that is up to and including `asOf`'s millisecond.
        let known = min(dayEnd, classifier.asOf.addingTimeInterval(1e-6)).timeIntervalSince1970
        start = StoredInstant.milliseconds(time.startOfDay(classifier.period.from))
        end = Int64((known * 1000).rounded(.up))
        judgedOn = Int64(min(classifier.period.to.dayNumber, time.localDate(classifier.asOf).dayNumber))
    }
}
