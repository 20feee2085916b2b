import Foundation
import Domain

/// A ward's records, written dossier by dossier through the real calendar and lifecycle, whose
/// classification for 01/01/2026–25/05/2026 gives exactly the figures of the seed report's
/// section I (`seed/000_107bd4b78fa87d46.txt`):
///
/// - 4.266 received = 69 carried over + 4.152 online + 45 in person (0 postal);
/// - 4.160 finished = 4.029 early + 8 on time + 11 late + 29 refused + 83 withdrawn;
/// - 106 in progress = 93 within the limit + 13 supplement requested (0 overdue);
/// - digitisation 98,7% (4.098 ÷ 4.152), data reuse 83,24% (3.456 ÷ 4.152), online payment 100%;
/// - 8 feedback records received and handled on time.
///
/// No record carries a cell. Each tells a story (received in December and finished in January;
/// resolved days before its due date; late on a land registration after an apology letter;
/// waiting since May for the applicant's supplement; …) in timestamps and status changes, and
/// the classifier finds its cell. The numbers below say how many stories of each kind the ward
/// had; the test proves the classification of the records reproduces the report.
public struct SeedScenario: Sendable {
    /// The seed report's period.
    public static let period = try! ReportingPeriod(from: LocalDate(year: 2026, month: 1, day: 1)!,
                                                    to: LocalDate(year: 2026, month: 5, day: 25)!)

    /// What happens to a dossier, told by its events.
    enum Story: CaseIterable {
        /// Resolved on a working day before the due date.
        case early
        /// Resolved on the due date.
        case onTime
        /// Resolved after the due date, usually after an apology letter.
        case late
        case refused
        /// Withdrawn by the applicant, usually after a supplement request.
        case withdrawn
        /// Still being processed at the end of the period, due after it.
        case stillProcessing
        /// A supplement was requested and the applicant had not answered by the end.
        case waitingForSupplement
    }

    /// Received in December 2025 and still open on 01/01/2026: the 69 carried over.
    static let carriedOver: [(Story, Int)] = [(.early, 60), (.onTime, 2), (.late, 4), (.refused, 1), (.withdrawn, 2)]
    /// Received in the period: 4.197 = 4.152 online + 45 in person.
    static let received: [(Story, Int)] = [(.early, 3969), (.onTime, 6), (.late, 7), (.refused, 28),
                                           (.withdrawn, 81), (.stillProcessing, 93), (.waitingForSupplement, 13)]
    static let inPerson = 45
    /// New online dossiers that were not digitised (4.152 − 4.098) and did not reuse stored data
    /// (4.152 − 3.456).
    static let notDigitised = 54
    static let notReused = 696
    /// Received and finished in November and December 2025: outside the period, not counted.
    static let finishedBefore = 150

    public let deadlines: DeadlineCalculator
    /// Every record, in no particular order.
    public let dossiers: [Dossier]
    public let feedback: [Feedback]
    /// The end of 25/05/2026: what the report knew.
    public let asOf: Date

    public init(seed: UInt64 = 0x107B_D4B7, deadlines: DeadlineCalculator = DeadlineCalculator()) {
        self.deadlines = deadlines
        let time = deadlines.rules.time
        let asOf = time.startOfDay(SeedScenario.period.to.adding(days: 1)).addingTimeInterval(-1)
        self.asOf = asOf
        var author = Author(seed: seed, deadlines: deadlines, asOf: asOf)

        var records: [Dossier] = []
        for (story, count) in SeedScenario.carriedOver {
            for _ in 0..<count { records.append(author.carriedOver(story)) }
        }
        var stories = SeedScenario.received.flatMap { story, count in Array(repeating: story, count: count) }
        author.shuffle(&stories)
        var channels = Array(repeating: Channel.inPerson, count: SeedScenario.inPerson)
            + Array(repeating: Channel.online, count: stories.count - SeedScenario.inPerson)
        author.shuffle(&channels)
        let online = channels.filter { $0 == .online }.count
        var digitised = (0..<online).map { $0 >= SeedScenario.notDigitised }
        var reused = (0..<online).map { $0 >= SeedScenario.notReused }
        author.shuffle(&digitised)
        author.shuffle(&reused)
        var onlineIndex = 0
        for (story, channel) in zip(stories, channels) {
            let flags: (Bool, Bool)? = channel == .online ? (digitised[onlineIndex], reused[onlineIndex]) : nil
            if channel == .online { onlineIndex += 1 }
            records.append(author.new(story, channel: channel, onlineFlags: flags))
        }
        for _ in 0..<SeedScenario.finishedBefore { records.append(author.finishedBeforePeriod()) }
        dossiers = records
        feedback = author.feedback()
    }
}

extension SeedScenario {
    /// Writes the scenario's records, one story at a time, from one random stream.
    struct Author {
        let deadlines: DeadlineCalculator
        let asOf: Date
        var rng: SplitMix64
        let procedures: WeightedTable<DemoProcedure>
        let dayLimited: WeightedTable<DemoProcedure>
        let applicants = ApplicantGenerator(ward: "Hưng Đạo")
        var sequences: [String: [LocalDate: Int]] = [:]

        init(seed: UInt64, deadlines: DeadlineCalculator, asOf: Date) {
            self.deadlines = deadlines
            self.asOf = asOf
            rng = SplitMix64(seed: seed)
            procedures = WeightedTable(WardCatalogue.procedures.map { ($0, $0.weight) })
            dayLimited = WeightedTable(WardCatalogue.procedures.filter { !$0.isSameDay }.map { ($0, $0.weight) })
        }

        var calendar: WorkingCalendar { deadlines.calendar }
        var time: CentreTime { deadlines.rules.time }
        var to: LocalDate { SeedScenario.period.to }
        static let firstWorkingDay2026 = LocalDate(year: 2026, month: 1, day: 5)!

        mutating func shuffle<T>(_ items: inout [T]) {
            guard items.count > 1 else { return }
            for i in stride(from: items.count - 1, to: 0, by: -1) { items.swapAt(i, rng.below(i + 1)) }
        }

        /// Working days in `[first, last]`.
        func workingDays(_ first: LocalDate, _ last: LocalDate) -> [LocalDate] {
            (0...max(0, first.days(to: last))).map { first.adding(days: $0) }.filter(calendar.isWorkingDay)
        }

        func limit(_ demo: DemoProcedure) -> Int {
            if case .workingDays(let n) = demo.procedure.timeLimit { return n }
            return 0
        }

        /// A new writer for a dossier of `demo` received at `receivedAt`.
        mutating func writer(_ demo: DemoProcedure, _ channel: Channel, _ receivedAt: Date,
                             onlineFlags: (Bool, Bool)?) -> StoryWriter {
            let source = demo.pickSource(&rng)
            let day = time.localDate(receivedAt)
            let sequence = (sequences[source]?[day] ?? 0) + 1
            sequences[source, default: [:]][day] = sequence
            let online = channel == .online
            let fee = rng.chance(demo.feeShare)
            return StoryWriter(
                key: DossierKey(source: source, code: DossierCodes.code(source: source, day: day, sequence: sequence)),
                demo: demo, channel: channel, fullyOnline: online && rng.chance(demo.fullyOnlineShare),
                receivedAt: receivedAt, applicant: applicants.make(&rng),
                digitised: onlineFlags?.0 ?? rng.chance(0.9), dataReused: onlineFlags?.1 ?? rng.chance(0.4),
                feePayable: fee, paidOnline: online, deadlines: deadlines)
        }

        /// A receipt on `day`: at the counter in office hours, or an online submission accepted
        /// in office hours or, now and then, received automatically in the evening.
        mutating func receipt(on day: LocalDate, online: Bool, evening: Bool = true) -> Date {
            if online && evening && rng.chance(0.1) {
                return time.instant(day, LocalTime(minuteOfDay: rng.int(in: 17 * 60 + 30...22 * 60 + 30)))
            }
            let minute = rng.chance(0.55) ? rng.int(in: 7 * 60 + 30...11 * 60 + 15) : rng.int(in: 13 * 60 + 30...16 * 60 + 30)
            return time.instant(day, LocalTime(minuteOfDay: minute), second: rng.below(60))
        }

        // MARK: Stories

        /// Received in December 2025, finished (or refused, withdrawn) in January 2026.
        mutating func carriedOver(_ story: Story) -> Dossier {
            let december = workingDays(LocalDate(year: 2025, month: 12, day: 1)!, LocalDate(year: 2025, month: 12, day: 31)!)
            let january = Author.firstWorkingDay2026
            while true {
                let demo = dayLimited.pick(&rng)
                let n = limit(demo)
                // Early needs a due date after the first working day of 2026 to finish before it.
                let needed = story == .early ? calendar.workingDay(1, after: january) : january
                let days = december.filter { story == .late || calendar.workingDay(n, after: $0) >= needed }
                guard !days.isEmpty else { continue }
                var w = writer(demo, .online, receipt(on: rng.pick(days), online: true, evening: false), onlineFlags: nil)
                w.startProcessing(&rng)
                switch story {
                case .early:
                    let window = workingDays(january, calendar.workingDay(onOrAfter: w.dueDay.adding(days: -1)))
                        .filter { $0 < w.dueDay }
                    w.resolve(on: rng.pick(window), &rng)
                case .onTime:
                    w.resolve(on: w.dueDay, &rng)
                case .late:
                    lateEnding(&w, notBefore: january)
                case .refused, .withdrawn:
                    w.go(.supplementRequested, at: w.officeInstant(on: w.workingDay(1), &rng))
                    let end = time.instant(calendar.workingDay(rng.below(4), after: january), LocalTime(hour: 9)!)
                        .addingTimeInterval(Double(rng.below(6 * 3600)))
                    w.go(story == .refused ? .refused : .withdrawn, at: end)
                case .stillProcessing, .waitingForSupplement:
                    preconditionFailure("no open dossier was carried over in the seed")
                }
                return w.dossier(asOf: asOf)
            }
        }

        /// Received in the period.
        mutating func new(_ story: Story, channel: Channel, onlineFlags: (Bool, Bool)?) -> Dossier {
            let online = channel == .online
            switch story {
            case .stillProcessing:
                let demo = dayLimited.pick(&rng)
                let back = rng.below(Swift.min(limit(demo), 5))
                let day = calendar.workingDay(onOrAfter: to.adding(days: -7 * back / 5))
                var w = writer(demo, channel, receipt(on: Swift.min(day, to), online: online, evening: false),
                               onlineFlags: onlineFlags)
                w.startProcessing(&rng)
                // Resolved after the report was written: not known on 25/05.
                w.resolve(on: Swift.max(w.dueDay, calendar.workingDay(1, after: to)), &rng)
                return w.dossier(asOf: asOf)
            case .waitingForSupplement:
                let demo = dayLimited.pick(&rng)
                let days = workingDays(LocalDate(year: 2026, month: 4, day: 20)!, LocalDate(year: 2026, month: 5, day: 20)!)
                var w = writer(demo, channel, receipt(on: rng.pick(days), online: online), onlineFlags: onlineFlags)
                w.startProcessing(&rng)
                w.go(.supplementRequested, at: w.officeInstant(on: w.workingDay(rng.below(2)), &rng))
                // The applicant answers after the report was written.
                w.go(.processing, at: time.instant(to.adding(days: rng.int(in: 2...20)), LocalTime(hour: 10)!))
                return w.dossier(asOf: asOf)
            default:
                return finishedInPeriod(story, channel: channel, onlineFlags: onlineFlags)
            }
        }

        /// A story that ends by 25/05: received early enough for its limit (a supplement round
        /// only before 20/04). A story that would still run on 25/05 is told again from an
        /// earlier receipt: the ward's report counted it finished.
        mutating func finishedInPeriod(_ story: Story, channel: Channel, onlineFlags: (Bool, Bool)?) -> Dossier {
            while true {
                let d = storyEndingInPeriod(story, channel: channel, onlineFlags: onlineFlags)
                if d.finishedAt != nil { return d }
            }
        }

        mutating func storyEndingInPeriod(_ story: Story, channel: Channel, onlineFlags: (Bool, Bool)?) -> Dossier {
            let online = channel == .online
            let demo = story == .early || story == .late ? dayLimited.pick(&rng) : procedures.pick(&rng)
            let margin = limit(demo) + 5
            let latest = calendar.workingDay(onOrAfter: to.adding(days: -(margin * 7 / 5) - 2))
            let days = workingDays(Author.firstWorkingDay2026, latest)
            let receiptDay = rng.pick(days)
            var w = writer(demo, channel, receipt(on: receiptDay, online: online), onlineFlags: onlineFlags)
            w.startProcessing(&rng)
            let roomForSupplement = receiptDay < LocalDate(year: 2026, month: 4, day: 20)!
            switch story {
            case .early:
                if roomForSupplement && rng.chance(0.03) { supplementRound(&w) }
                // The fee is paid online within the hour, while there is time to spare.
                if w.dossier.paidOnline && rng.chance(0.3)
                    && calendar.workingDays(from: w.actionDay, to: w.dueDay) >= 2 {
                    w.go(.awaitingPayment, at: w.after(minutes: rng.int(in: 5...90)))
                    w.go(.processing, at: w.after(minutes: rng.int(in: 5...60)))
                }
                let available = calendar.workingDays(from: w.actionDay, to: w.dueDay)
                let k = Swift.min(available - 1, Int(Double(available) * pow(rng.unit(), 1.6)))
                w.resolve(on: w.workingDay(Swift.max(0, k)), &rng)
            case .onTime:
                w.resolve(on: w.dueDay, &rng)
            case .late:
                lateEnding(&w, notBefore: w.actionDay)
            case .refused:
                if roomForSupplement && rng.chance(0.3) {
                    w.go(.supplementRequested, at: w.officeInstant(on: w.workingDay(rng.below(2)), &rng))
                    w.go(.processing, at: w.applicantInstant(days: rng.int(in: 1...6), &rng))
                }
                w.go(.refused, at: w.officeInstant(on: w.workingDay(rng.below(3)), &rng))
            case .withdrawn:
                if roomForSupplement && rng.chance(0.7) {
                    w.go(.supplementRequested, at: w.officeInstant(on: w.workingDay(rng.below(2)), &rng))
                    w.go(.withdrawn, at: w.applicantInstant(days: rng.int(in: 2...15), &rng))
                } else {
                    w.go(.withdrawn, at: w.applicantInstant(days: rng.below(3), &rng))
                }
            case .stillProcessing, .waitingForSupplement:
                preconditionFailure("open stories are written by new(_:channel:onlineFlags:)")
            }
            return w.dossier(asOf: asOf)
        }

        /// Received in November or early December 2025 and finished before the year's end.
        mutating func finishedBeforePeriod() -> Dossier {
            let demo = procedures.pick(&rng)
            let days = workingDays(LocalDate(year: 2025, month: 11, day: 3)!, LocalDate(year: 2025, month: 12, day: 5)!)
            var w = writer(demo, .online, receipt(on: rng.pick(days), online: true), onlineFlags: nil)
            w.startProcessing(&rng)
            let available = calendar.workingDays(from: w.actionDay, to: w.dueDay)
            w.resolve(on: w.workingDay(available > 0 ? rng.below(available) : 0), &rng)
            return w.dossier(asOf: asOf)
        }

        /// A supplement requested and answered within days; the limit restarts.
        mutating func supplementRound(_ w: inout StoryWriter) {
            w.go(.supplementRequested, at: w.officeInstant(on: w.workingDay(rng.below(2)), &rng))
            w.go(.processing, at: w.applicantInstant(days: rng.int(in: 1...7), &rng))
        }

        /// Resolved 1–3 working days after the due date, mostly after an apology letter issued
        /// the day before it fell due.
        mutating func lateEnding(_ w: inout StoryWriter, notBefore: LocalDate) {
            let slip = rng.int(in: 1...3)
            let day = Swift.max(calendar.workingDay(slip, after: w.dueDay), notBefore)
            if rng.chance(0.8) {
                let letter = calendar.workingDay(onOrAfter: w.dueDay.adding(days: -1))
                let promise = time.instant(calendar.workingDay(slip + rng.below(2), after: w.dueDay),
                                           deadlines.rules.officeHours.closing)
                w.apologise(at: w.officeInstant(on: Swift.max(letter, w.actionDay), &rng), newDueAt: promise)
            }
            w.resolve(on: day, &rng)
        }

        /// Eight feedback records received and answered in the period, well within ten working
        /// days, and one from December 2025 answered before the period.
        mutating func feedback() -> [Feedback] {
            let starts = [LocalDate(year: 2025, month: 12, day: 8)!]
                + [(1, 12), (1, 27), (2, 5), (3, 9), (3, 24), (4, 14), (5, 6), (5, 12)]
                    .map { LocalDate(year: 2026, month: $0.0, day: $0.1)! }
            return starts.enumerated().map { index, day in
                let receivedAt = time.instant(day, LocalTime(minuteOfDay: rng.int(in: 8 * 60...16 * 60)))
                let due = time.instant(calendar.workingDay(10, after: day), deadlines.rules.officeHours.closing)
                let record = Feedback(key: DossierKey(source: "pakn", code: "PAKN-\(day.description)-\(index + 1)"),
                                      subject: FeedbackSubjects.all[index % FeedbackSubjects.all.count],
                                      receivedAt: receivedAt, dueAt: due, status: .received)
                let taken = time.instant(calendar.workingDay(1, after: day), LocalTime(hour: 9)!)
                let answered = time.instant(calendar.workingDay(rng.int(in: 3...8), after: day), LocalTime(hour: 15)!)
                return try! record.moving(to: .processing, at: taken).moving(to: .handled, at: answered)
            }
        }
    }
}
