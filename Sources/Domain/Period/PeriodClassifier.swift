import Foundation

/// Puts each dossier of a reporting period in exactly one cell of the figures, by the rules of
/// the domain reference:
///
/// - only dossiers received on or before `to` count (and, with an as-of instant, known by then);
/// - carried over: received before `from` and not finished before `from`; dossiers finished
///   before `from` are not counted at all; new ones are split by channel;
/// - finished on or before `to`: early, on time or late by result date against the due date
///   (the original one: an apology's appointment never counts), or refused, or withdrawn;
/// - still open: within the limit if due on or after `to`, overdue if due before it, or the
///   clock-stopped state it was in at the end of the period, read from its history.
///
/// Dates are compared as calendar dates in the centre's zone. The as-of instant makes an interim
/// report honest: events after it are treated as not having happened, and "overdue" is judged on
/// its date if that is before `to`. A dossier without a due date counts as on time when finished
/// and within the limit while open.
///
/// Classification does integer and floating-point comparisons only, so a million dossiers take
/// milliseconds, not seconds.
public struct PeriodClassifier: Sendable {
    public let period: ReportingPeriod
    /// Events after this instant are not yet known. Defaults to the end of `to`.
    public let asOf: Date
    public let time: CentreTime

    /// First instant of `from`, and first instant after the period (exclusive end), in seconds.
    private let start: TimeInterval
    private let end: TimeInterval
    /// Overdue means due before this date: `to`, or the as-of date if earlier.
    private let judgedOn: Int

    public init(period: ReportingPeriod, asOf: Date? = nil, time: CentreTime = .vietnam) {
        self.period = period
        self.time = time
        let dayEnd = time.startOfDay(period.to.adding(days: 1))
        let asOf = asOf ?? dayEnd
        self.asOf = asOf
        start = time.startOfDay(period.from).timeIntervalSince1970
        end = min(dayEnd, asOf.addingTimeInterval(1e-6)).timeIntervalSince1970
        judgedOn = min(period.to.dayNumber, time.localDate(asOf).dayNumber)
    }

    /// The cell a dossier falls in, or `nil` if it does not count in this period (received
    /// after it, or finished before it began).
    public func placement(of dossier: Dossier) -> PeriodPlacement? {
        let received = dossier.receivedAt.timeIntervalSince1970
        guard received < end else { return nil }
        var finished = dossier.finishedAt?.timeIntervalSince1970
        if let f = finished, f >= end { finished = nil }

        let intake: Intake
        if received < start {
            if let f = finished, f < start { return nil }
            intake = .carriedOver
        } else {
            intake = Intake(channel: dossier.channel)
        }
        return PeriodPlacement(intake: intake, outcome: outcome(of: dossier, finished: finished))
    }

    private func outcome(of dossier: Dossier, finished: TimeInterval?) -> Outcome {
        let due = dossier.dueAt.map { time.localDate($0).dayNumber }
        if let finished {
            switch dossier.status {
            case .refused: return .refused
            case .withdrawn: return .withdrawn
            default:
                guard let due else { return .onTime }
                let day = time.localDate(Date(timeIntervalSince1970: finished)).dayNumber
                return day < due ? .early : day == due ? .onTime : .late
            }
        }
        let state = dossier.status(at: Date(timeIntervalSince1970: end - 1e-6))
        if let stopped = Outcome(clockStoppedBy: state) { return stopped }
        guard let due else { return .withinLimit }
        return due >= judgedOn ? .withinLimit : .overdue
    }

    /// The cell of a feedback record, or `nil` if it does not count in this period.
    public func placement(of feedback: Feedback) -> FeedbackPlacement? {
        let received = feedback.receivedAt.timeIntervalSince1970
        guard received < end else { return nil }
        var handled = feedback.handledAt?.timeIntervalSince1970
        if let h = handled, h >= end { handled = nil }
        let carriedOver = received < start
        if carriedOver, let h = handled, h < start { return nil }
        let outcome: FeedbackPlacement.Outcome
        if let handled {
            if feedback.status == .rejected {
                outcome = .rejected
            } else {
                let day = time.localDate(Date(timeIntervalSince1970: handled))
                let onTime = feedback.dueAt.map { day <= time.localDate($0) } ?? true
                outcome = onTime ? .handledOnTime : .handledLate
            }
        } else {
            outcome = .open
        }
        return FeedbackPlacement(carriedOver: carriedOver, outcome: outcome)
    }
}
