import Foundation
import Domain

extension DemoDataset {
    /// The citizens' feedback of the window (``feedbackCount`` records, spread over it), each
    /// due ten working days after receipt (the handling time this demo assumes), mostly handled
    /// in time, a few late, a few rejected, the recent ones still open; seen as of ``asOf``.
    public var feedback: LazyMapSequence<Range<Int>, Feedback> {
        (0..<feedbackCount).lazy.map { self.feedback(index: $0) }
    }

    /// Feedback record number `index`.
    func feedback(index: Int) -> Feedback {
        var rng = SplitMix64(seed: seed, stream: 3, index: UInt64(index))
        let calendar = deadlines.calendar, time = deadlines.rules.time
        let span = from.days(to: through) + 1
        let offset = (index * span + rng.below(span)) / feedbackCount
        let day = Swift.min(calendar.workingDay(onOrAfter: from.adding(days: offset)), through)
        let receivedAt = time.instant(day, LocalTime(minuteOfDay: rng.int(in: 7 * 60 + 30...16 * 60 + 30)))
        let due = time.instant(calendar.workingDay(10, after: day), deadlines.rules.officeHours.closing)
        var record = Feedback(key: DossierKey(source: "pakn", code: "PAKN-\(day.description)-\(index)"),
                              subject: rng.pick(FeedbackSubjects.all), receivedAt: receivedAt,
                              dueAt: due, status: .received)
        let draw = rng.unit()
        let (ending, days): (FeedbackStatus, Int) = draw < 0.04 ? (.rejected, rng.int(in: 1...3))
            : draw < 0.08 ? (.handled, rng.int(in: 11...15)) : (.handled, rng.int(in: 2...9))
        let started = time.instant(calendar.workingDay(1, after: day), LocalTime(hour: 9)!)
        let finished = time.instant(calendar.workingDay(days, after: day), LocalTime(hour: 15)!)
        do {
            if started <= asOf { record = try record.moving(to: .processing, at: started) }
            if finished <= asOf { record = try record.moving(to: ending, at: finished) }
        } catch {
            preconditionFailure("demo feedback broke its lifecycle: \(error)")
        }
        return record
    }
}
