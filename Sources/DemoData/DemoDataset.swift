import Foundation
import Domain

/// A realistic ward dataset: `dossiers` dossiers received over a window of days, each lived
/// through the real calendar and lifecycle and seen as of an instant, plus the citizens' feedback
/// of the same window.
///
/// Deterministic: the same arguments give the same records on every machine. Lazy: iterating
/// produces one dossier at a time (only one day's receipt times are held), so a million dossiers
/// never sit in memory.
///
/// What it models, per dossier: a procedure of ``WardCatalogue`` by volume; receipt on working
/// days mostly within office hours, online submissions also in the evening and at weekends and
/// holidays (counted from the next working day); mostly online; officers starting within the hour;
/// about 3.5% supplement requests (answered within days, or withdrawn, or never answered);
/// payment waits for online fees; 0.7% refusals and 1.5% withdrawals; most dossiers finished
/// well before their due date, a few on it, and a few late (more for land and construction),
/// most late ones with an apology letter; results handed back within days.
public struct DemoDataset: Sequence, Sendable {
    public let dossierCount: Int
    public let seed: UInt64
    /// First and last day of receipt.
    public let from: LocalDate
    public let through: LocalDate
    /// The dataset is what the centre knows at this instant.
    public let asOf: Date
    public let ward: String
    public let deadlines: DeadlineCalculator
    public let catalogue: [DemoProcedure]

    private let procedures: WeightedTable<DemoProcedure>
    private let totalDayWeight: Int

    /// - Parameters:
    ///   - dossiers: how many dossiers are received in the window.
    ///   - seed: any number; the same seed gives the same dataset.
    ///   - from, through: the receipt window (default 01/07/2025, when wards took over district
    ///     procedures, to 25/05/2026).
    ///   - asOf: when the data is seen (default: the end of `through`); not earlier than that,
    ///     so that every dossier of the window has been received by then.
    public init(dossiers: Int, seed: UInt64, from: LocalDate = LocalDate(year: 2025, month: 7, day: 1)!,
                through: LocalDate = LocalDate(year: 2026, month: 5, day: 25)!, asOf: Date? = nil,
                ward: String = "Hưng Đạo", catalogue: [DemoProcedure] = WardCatalogue.procedures,
                deadlines: DeadlineCalculator = DeadlineCalculator()) {
        precondition(dossiers >= 0 && from <= through && !catalogue.isEmpty)
        dossierCount = dossiers
        self.seed = seed
        self.from = from
        self.through = through
        let endOfWindow = deadlines.rules.time.startOfDay(through.adding(days: 1)).addingTimeInterval(-1)
        precondition((asOf ?? endOfWindow) >= endOfWindow, "asOf is before the end of the receipt window")
        self.asOf = asOf ?? endOfWindow
        self.ward = ward
        self.deadlines = deadlines
        self.catalogue = catalogue
        procedures = WeightedTable(catalogue.map { ($0, $0.weight) })
        var total = 0
        for offset in 0...from.days(to: through) {
            total += DemoDataset.dayWeight(from.adding(days: offset), deadlines.calendar)
        }
        totalDayWeight = total
    }

    /// Receipts per day are proportional to this: online submissions keep coming on days off.
    static func dayWeight(_ day: LocalDate, _ calendar: WorkingCalendar) -> Int {
        calendar.isWorkingDay(day) ? 100 : 6
    }

    /// Feedback records in the window: about one per 500 dossiers, as the seed's 8 per 4,266.
    public var feedbackCount: Int { Swift.max(1, dossierCount / 500) }

    public func makeIterator() -> Iterator { Iterator(dataset: self) }

    /// Yields the dossiers in order of receipt.
    public struct Iterator: IteratorProtocol {
        let dataset: DemoDataset
        private var day: LocalDate
        private var cumulativeWeight = 0
        private var produced = 0
        /// Receipt seconds of the current day not yet used, latest first.
        private var pending: [Int] = []
        private var sequences: [String: Int] = [:]

        init(dataset: DemoDataset) {
            self.dataset = dataset
            day = dataset.from.adding(days: -1)
        }

        public mutating func next() -> Dossier? {
            while pending.isEmpty {
                guard day < dataset.through else { return nil }
                day = day.adding(days: 1)
                startDay()
            }
            let second = pending.removeLast()
            defer { produced += 1 }
            return dataset.dossier(index: produced, day: day, second: second, sequences: &sequences)
        }

        /// Draws the day's share of receipts and their times of day.
        private mutating func startDay() {
            let weight = DemoDataset.dayWeight(day, dataset.deadlines.calendar)
            let before = dataset.dossierCount * cumulativeWeight / Swift.max(1, dataset.totalDayWeight)
            cumulativeWeight += weight
            let after = dataset.dossierCount * cumulativeWeight / Swift.max(1, dataset.totalDayWeight)
            var rng = SplitMix64(seed: dataset.seed, stream: 2, index: UInt64(bitPattern: Int64(day.dayNumber)))
            let working = dataset.deadlines.calendar.isWorkingDay(day)
            let hours = dataset.deadlines.rules.officeHours
            pending = (0..<(after - before)).map { (_: Int) -> Int in
                if working && rng.chance(0.88) {
                    var minute = rng.below(hours.minutesPerDay)
                    for s in hours.sessions {
                        if minute < s.minutes { return (s.start.minuteOfDay + minute) * 60 + rng.below(60) }
                        minute -= s.minutes
                    }
                }
                return rng.int(in: 6 * 3600...23 * 3600)
            }.sorted(by: >)
            sequences = [:]
        }
    }

    /// Dossier number `index`, received on `day` at `second` past midnight.
    func dossier(index: Int, day: LocalDate, second: Int, sequences: inout [String: Int]) -> Dossier {
        var rng = SplitMix64(seed: seed, stream: 1, index: UInt64(index))
        let time = deadlines.rules.time
        let demo = procedures.pick(&rng)
        let source = demo.pickSource(&rng)
        sequences[source, default: 0] += 1
        let receivedAt = time.instant(day, LocalTime(minuteOfDay: second / 60), second: second % 60)
        let minute = second / 60
        let atCounter = deadlines.calendar.isWorkingDay(day)
            && deadlines.rules.officeHours.sessions.contains {
                minute >= $0.start.minuteOfDay && minute < $0.end.minuteOfDay
            }
        let channel: Channel = atCounter && !rng.chance(demo.onlineShare)
            ? (rng.chance(0.03) ? .postal : .inPerson) : .online
        let online = channel == .online
        let fee = rng.chance(demo.feeShare)
        var writer = StoryWriter(
            key: DossierKey(source: source, code: DossierCodes.code(source: source, day: day,
                                                                     sequence: sequences[source]!)),
            demo: demo, channel: channel, fullyOnline: online && rng.chance(demo.fullyOnlineShare),
            receivedAt: receivedAt, applicant: ApplicantGenerator(ward: ward).make(&rng),
            digitised: rng.chance(online ? 0.987 : 0.9), dataReused: rng.chance(online ? 0.83 : 0.4),
            feePayable: fee, paidOnline: online && rng.chance(0.985), deadlines: deadlines)
        DemoDataset.live(&writer, demo: demo, &rng)
        return writer.dossier(asOf: asOf)
    }

    /// One dossier's life from receipt to result, as the module comment describes it.
    static func live(_ w: inout StoryWriter, demo: DemoProcedure, _ rng: inout SplitMix64) {
        w.startProcessing(&rng)
        if rng.chance(0.035) {
            w.go(.supplementRequested, at: w.officeInstant(on: w.workingDay(rng.below(2)), &rng))
            let answer = rng.unit()
            if answer < 0.12 {
                w.go(.withdrawn, at: w.applicantInstant(days: rng.int(in: 3...25), &rng))
                return
            }
            if answer < 0.2 { return }
            w.go(.processing, at: w.applicantInstant(days: rng.int(in: 1...10), &rng))
        }
        if rng.chance(0.007) {
            w.go(.refused, at: w.officeInstant(on: w.workingDay(rng.below(3)), &rng))
            return
        }
        if rng.chance(0.015) {
            w.go(.withdrawn, at: w.applicantInstant(days: rng.below(4), &rng))
            return
        }
        let payOnline = w.dossier.paidOnline && rng.chance(0.3)
        if payOnline {
            w.go(.awaitingPayment, at: w.after(minutes: rng.int(in: 5...90)))
            // Most pay within the hour; some the next day.
            w.go(.processing, at: w.after(minutes: rng.chance(0.8) ? rng.int(in: 5...60) : rng.int(in: 900...1500)))
        }
        let slow = if case .workingDays(let n) = demo.procedure.timeLimit, n >= 10 { true } else { false }
        let draw = rng.unit()
        let late = draw < (slow ? 0.012 : 0.002)
        let onDueDay = !late && draw < (slow ? 0.016 : 0.005)
        if late {
            let slip = rng.int(in: 1...5)
            let apologyDay = w.deadlines.calendar.workingDay(onOrAfter: w.dueDay.adding(days: -1))
            if rng.chance(0.8), apologyDay >= w.actionDay {
                let promise = w.deadlines.calendar.workingDay(slip + (rng.chance(0.9) ? rng.below(3) : -1), after: w.dueDay)
                w.apologise(at: w.officeInstant(on: apologyDay, &rng),
                            newDueAt: w.time.instant(promise, w.hours.closing))
            }
            w.resolve(on: w.deadlines.calendar.workingDay(slip, after: w.dueDay), &rng)
        } else if w.isSameDay {
            w.resolve(on: w.actionDay, &rng)
        } else if onDueDay {
            w.resolve(on: Swift.max(w.actionDay, w.dueDay), &rng)
        } else {
            let available = w.deadlines.calendar.workingDays(from: w.actionDay, to: w.dueDay)
            let k = available > 0 ? Swift.min(available - 1, Int(Double(available) * pow(rng.unit(), 1.6))) : 0
            w.resolve(on: w.workingDay(k), &rng)
        }
    }
}
