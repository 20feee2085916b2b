import Foundation
import Testing
import Domain

/// The seed's period, 01/01/2026–25/05/2026.
let seedPeriod = try! ReportingPeriod(from: day(2026, 1, 1), to: day(2026, 5, 25))

@Suite("Period classification")
struct ClassificationTests {
    let classifier = PeriodClassifier(period: seedPeriod)

    func cell(_ d: Dossier, _ c: PeriodClassifier? = nil) -> PeriodPlacement? {
        (c ?? classifier).placement(of: d)
    }

    @Test("A period cannot end before it starts")
    func invalidPeriod() {
        #expect(throws: DomainError.invalidPeriod(from: day(2026, 5, 2), to: day(2026, 5, 1))) {
            try ReportingPeriod(from: day(2026, 5, 2), to: day(2026, 5, 1))
        }
    }

    @Test("New dossiers are split by channel")
    func channels() throws {
        for channel in Channel.allCases {
            let d = try dossier(received: "04/05/2026 09:00", channel: channel)
            #expect(cell(d)?.intake == Intake(channel: channel))
        }
    }

    @Test("Carried over: received before the period, finished in it or still open")
    func carriedOver() throws {
        let finishedInPeriod = try dossier(received: "29/12/2025 09:00", changes: [
            (.processing, "29/12/2025 10:00"), (.resolved, "01/01/2026 00:00"),
        ])
        #expect(cell(finishedInPeriod) == PeriodPlacement(intake: .carriedOver, outcome: .early))
        let stillOpen = try dossier(received: "15/12/2025 09:00", changes: [(.supplementRequested, "16/12/2025 09:00")])
        #expect(cell(stillOpen) == PeriodPlacement(intake: .carriedOver, outcome: .supplementRequested))
    }

    @Test("A dossier finished before the period does not count at all")
    func finishedBefore() throws {
        let d = try dossier(received: "10/12/2025 09:00", changes: [(.processing, "10/12/2025 09:00"), (.resolved, "31/12/2025 23:59")])
        #expect(cell(d) == nil)
    }

    @Test("Received on `to` counts; received the day after does not")
    func receivedOnTo() throws {
        #expect(cell(try dossier(received: "25/05/2026 23:59")) != nil)
        #expect(cell(try dossier(received: "26/05/2026 00:00")) == nil)
    }

    @Test("Early, on time and late compare result and due dates as calendar dates")
    func finishedTiming() throws {
        // 5 working days from Mon 04/05 is due Mon 11/05.
        func finished(_ time: String) throws -> Outcome? {
            cell(try dossier(received: "04/05/2026 09:00", changes: [(.processing, "04/05/2026 09:00"), (.resolved, time)]))?.outcome
        }
        #expect(try finished("08/05/2026 16:59") == .early)
        #expect(try finished("11/05/2026 07:00") == .onTime)
        #expect(try finished("11/05/2026 23:59") == .onTime)
        #expect(try finished("12/05/2026 00:00") == .late)
    }

    @Test("Late stays late against the original due date after an apology")
    func lateAfterApology() throws {
        var d = try dossier(received: "04/05/2026 09:00", changes: [(.processing, "04/05/2026 10:00")])
        d = try d.apologising(newDueAt: at("15/05/2026 17:00"))
        try d.append(StatusChange(status: .resolved, at: at("14/05/2026 10:00")))
        #expect(cell(d)?.outcome == .late)
    }

    @Test("Refused and withdrawn are their own lines whatever the timing")
    func refusedWithdrawn() throws {
        let refused = try dossier(received: "04/05/2026 09:00", changes: [(.refused, "20/05/2026 10:00")])
        #expect(cell(refused)?.outcome == .refused)
        let withdrawn = try dossier(received: "04/05/2026 09:00", changes: [
            (.supplementRequested, "05/05/2026 10:00"), (.withdrawn, "06/05/2026 10:00"),
        ])
        #expect(cell(withdrawn)?.outcome == .withdrawn)
    }

    @Test("Open: within the limit when due on `to`, overdue when due the day before")
    func dueBoundary() throws {
        // 5 working days from Mon 18/05 is due Mon 25/05; from Fri 15/05, Fri 22/05.
        #expect(cell(try dossier(received: "18/05/2026 09:00"))?.outcome == .withinLimit)
        #expect(cell(try dossier(received: "15/05/2026 09:00"))?.outcome == .overdue)
        #expect(cell(try dossier(received: "20/05/2026 09:00", limit: nil))?.outcome == .withinLimit)
    }

    @Test("Each clock-stopped state has its own line; a supplement that arrived runs again")
    func clockStopped() throws {
        let waiting = try dossier(received: "04/05/2026 09:00", changes: [(.supplementRequested, "05/05/2026 09:00")])
        #expect(cell(waiting)?.outcome == .supplementRequested)
        let paying = try dossier(received: "20/05/2026 09:00", changes: [
            (.processing, "20/05/2026 10:00"), (.awaitingPayment, "21/05/2026 09:00"),
        ])
        #expect(cell(paying)?.outcome == .awaitingPayment)
        let back = try dossier(received: "04/05/2026 09:00", changes: [
            (.supplementRequested, "05/05/2026 09:00"), (.processing, "20/05/2026 09:00"),
        ])
        #expect(back.dueAt == at("27/05/2026 17:00"))
        #expect(cell(back)?.outcome == .withinLimit)
    }

    @Test("Finished after `to`: in progress, in the state the history shows at the end")
    func finishedAfter() throws {
        let d = try dossier(received: "18/05/2026 09:00", changes: [
            (.supplementRequested, "22/05/2026 09:00"), (.processing, "27/05/2026 09:00"),
            (.resolved, "28/05/2026 09:00"),
        ])
        #expect(cell(d)?.outcome == .supplementRequested)
        var bare = d
        bare.history = []
        #expect(cell(bare)?.outcome == .withinLimit)
    }

    @Test("An as-of instant hides later events and judges overdue on its date")
    func asOf() throws {
        let interim = PeriodClassifier(period: seedPeriod, asOf: at("13/05/2026 12:00"))
        let d = try dossier(received: "04/05/2026 09:00", changes: [(.processing, "04/05/2026 09:00"), (.resolved, "13/05/2026 14:00")])
        #expect(cell(d, interim)?.outcome == .overdue)
        #expect(cell(try dossier(received: "13/05/2026 12:00"), interim) != nil)
        #expect(cell(try dossier(received: "13/05/2026 12:01"), interim) == nil)
        let dueToday = try dossier(received: "06/05/2026 09:00")
        #expect(cell(dueToday, interim)?.outcome == .withinLimit)
        #expect(cell(dueToday)?.outcome == .overdue)
    }

    @Test("Dates are the centre's local dates, not UTC ones")
    func timeZone() throws {
        // 25/05/2026 23:30 in Hà Nội is 16:30 UTC; 26/05 00:30 is still 25/05 in UTC.
        let late = try dossier(received: "25/05/2026 23:30")
        #expect(cell(late) != nil)
        let next = try dossier(received: "2026-05-25T17:30:00Z")
        #expect(cell(next) == nil)
        let utcCentre = PeriodClassifier(period: seedPeriod, time: CentreTime(utcOffsetSeconds: 0))
        #expect(utcCentre.placement(of: next) != nil)
    }

    @Test("Feedback: received, handled on time or late, rejected, open, carried over")
    func feedback() throws {
        func f(_ received: String, due: String?, status: FeedbackStatus, handled: String? = nil) -> Feedback {
            Feedback(key: DossierKey(source: "pakn", code: received), subject: "", receivedAt: at(received),
                     dueAt: due.map(at), status: status, handledAt: handled.map(at))
        }
        let records = [
            f("05/01/2026 09:00", due: "19/01/2026 17:00", status: .handled, handled: "19/01/2026 16:00"),
            f("05/02/2026 09:00", due: "19/02/2026 17:00", status: .handled, handled: "24/02/2026 16:00"),
            f("05/03/2026 09:00", due: nil, status: .rejected, handled: "06/03/2026 16:00"),
            f("20/05/2026 09:00", due: "03/06/2026 17:00", status: .processing),
            f("20/12/2025 09:00", due: "05/01/2026 17:00", status: .handled, handled: "05/01/2026 10:00"),
            f("01/12/2025 09:00", due: "15/12/2025 17:00", status: .handled, handled: "15/12/2025 10:00"),
            f("26/05/2026 09:00", due: nil, status: .received),
        ]
        var tally = PeriodTally(classifier: classifier)
        tally.add(contentsOf: records)
        let fig = tally.feedback
        #expect(fig.received == 4 && fig.carriedOver == 1 && fig.handled == 3 && fig.handledOnTime == 2)
        #expect(fig.rejected == 1 && fig.open == 1 && fig.identitiesHold)
        #expect(tally.feedbackNotCounted == 2)
    }
}
