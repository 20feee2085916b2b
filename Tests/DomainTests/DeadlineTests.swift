import Foundation
import Testing
import Domain

@Suite("Due dates and standings")
struct DeadlineTests {
    let cutoff = LocalTime(hour: 15)

    func due(_ received: String, _ limit: TimeLimit, cutoff: LocalTime? = nil) -> String {
        VietnameseFormat().dateTime(deadlines.dueAt(receivedAt: at(received), limit: limit, cutoff: cutoff))
    }

    @Test("Working days count from the next working day; due at the close of office")
    func workingDays() {
        #expect(due("11/05/2026 09:00", .workingDays(3)) == "14/05/2026 17:00")
        #expect(due("11/05/2026 07:00", .workingDays(1)) == "12/05/2026 17:00")
        #expect(due("29/04/2026 10:00", .workingDays(2)) == "05/05/2026 17:00")
    }

    @Test("A receipt on a non-working day counts from the next working day's start")
    func nonWorkingDayReceipt() {
        #expect(due("09/05/2026 10:00", .workingDays(3)) == "14/05/2026 17:00")
        #expect(due("30/04/2026 10:00", .workingDays(3)) == "07/05/2026 17:00")
        #expect(due("15/02/2026 20:00", .workingDays(1)) == "24/02/2026 17:00")
        #expect(due("22/08/2026 09:00", .workingDays(1)) == "24/08/2026 17:00")
    }

    @Test("After the afternoon cut-off a receipt counts from the next working day")
    func afternoonCutoff() {
        #expect(due("11/05/2026 15:00", .workingDays(1), cutoff: cutoff) == "12/05/2026 17:00")
        #expect(due("11/05/2026 15:00:01", .workingDays(1), cutoff: cutoff) == "13/05/2026 17:00")
        #expect(due("11/05/2026 15:30", .workingDays(1)) == "12/05/2026 17:00")
        #expect(due("11/05/2026 14:59", .workingHours(2), cutoff: cutoff) == "11/05/2026 16:59")
        #expect(due("11/05/2026 15:01", .workingHours(2), cutoff: cutoff) == "12/05/2026 09:30")
    }

    @Test("A centre's cut-off by procedure code applies when the procedure has none")
    func centreCutoff() {
        let rules = CentreRules(afternoonCutoffs: ["1.001193": LocalTime(hour: 15)!])
        let calc = DeadlineCalculator(rules: rules)
        let due = calc.dueAt(for: procedure(.workingDays(1)), receivedAt: at("11/05/2026 16:00"))
        #expect(due == at("13/05/2026 17:00"))
    }

    @Test("Working hours run within office hours", arguments: [
        ("11/05/2026 10:00", 2, "11/05/2026 14:00"),
        ("11/05/2026 12:00", 1, "11/05/2026 14:30"),
        ("11/05/2026 06:00", 2, "11/05/2026 09:30"),
        ("11/05/2026 18:00", 2, "12/05/2026 09:30"),
        ("13/02/2026 16:00", 2, "23/02/2026 08:30"),
        ("21/08/2026 16:00", 4, "22/08/2026 10:30"),
        ("11/05/2026 07:30", 15, "12/05/2026 17:00"),
        ("11/05/2026 07:30", 16, "13/05/2026 08:30"),
        ("11/05/2026 11:30", 4, "12/05/2026 08:00"),
    ])
    func workingHours(received: String, hours: Int, expected: String) {
        #expect(due(received, .workingHours(hours)) == expected)
    }

    @Test("Working minutes between instants")
    func workingMinutes() {
        #expect(deadlines.workingMinutes(from: at("11/05/2026 10:00"), to: at("11/05/2026 14:00")) == 120)
        #expect(deadlines.workingMinutes(from: at("13/02/2026 16:00"), to: at("23/02/2026 08:30")) == 120)
        #expect(deadlines.workingMinutes(from: at("11/05/2026 07:30"), to: at("13/05/2026 08:30")) == 960)
        #expect(deadlines.workingMinutes(from: at("11/05/2026 10:00"), to: at("11/05/2026 09:00")) == 0)
    }

    @Test("A supplement restarts the full limit from its arrival by default")
    func supplementRestart() throws {
        let d = try dossier(received: "04/05/2026 09:00", limit: .workingDays(5), changes: [
            (.processing, "04/05/2026 10:00"),
            (.supplementRequested, "06/05/2026 10:00"),
            (.processing, "11/05/2026 14:00"),
        ])
        #expect(deadlines.dueAt(for: d.procedure, receivedAt: d.receivedAt) == at("11/05/2026 17:00"))
        #expect(d.dueAt == at("18/05/2026 17:00"))
    }

    @Test("Under the resume rule only the time left runs on")
    func supplementResume() throws {
        let calc = DeadlineCalculator(rules: CentreRules(supplementClock: .resume))
        var d = try dossier(received: "04/05/2026 09:00", limit: .workingDays(5), changes: [
            (.supplementRequested, "06/05/2026 10:00"),
            (.processing, "11/05/2026 14:00"),
        ])
        #expect(calc.dueAt(replaying: d) == at("14/05/2026 17:00"))

        d = try dossier(received: "11/05/2026 08:00", limit: .workingHours(4), changes: [
            (.supplementRequested, "11/05/2026 09:00"),
            (.processing, "12/05/2026 16:00"),
        ])
        // 3 of 4 hours were left; 1 runs today until 17:00, 2 more tomorrow.
        #expect(calc.dueAt(replaying: d) == at("13/05/2026 09:30"))
        #expect(d.dueAt == at("13/05/2026 10:30"))
    }

    @Test("A pause after the due date does not move it; a payment wait resumes")
    func pauses() throws {
        let calc = DeadlineCalculator(rules: CentreRules(supplementClock: .resume))
        let late = try dossier(received: "04/05/2026 09:00", limit: .workingDays(1), changes: [
            (.supplementRequested, "07/05/2026 10:00"), (.processing, "11/05/2026 14:00"),
        ])
        #expect(calc.dueAt(replaying: late) == at("05/05/2026 17:00"))
        let paying = try dossier(received: "04/05/2026 09:00", limit: .workingDays(5), changes: [
            (.processing, "04/05/2026 09:30"), (.awaitingPayment, "06/05/2026 10:00"),
            (.processing, "11/05/2026 14:00"),
        ])
        #expect(paying.dueAt == at("14/05/2026 17:00"))
        let refusedWhileWaiting = try dossier(received: "04/05/2026 09:00", changes: [
            (.supplementRequested, "06/05/2026 10:00"), (.refused, "20/05/2026 10:00"),
        ])
        #expect(refusedWhileWaiting.dueAt == at("11/05/2026 17:00"))
    }

    @Test("Standing: working days left, due today, overdue by, across a weekend")
    func standing() throws {
        let d = try dossier(received: "12/05/2026 09:00", limit: .workingDays(3))
        let s1 = deadlines.standing(of: d, at: at("13/05/2026 10:00"))
        #expect(s1.state == .running && s1.workingDaysLeft == 2 && s1.dueDate == day(2026, 5, 15))
        #expect(deadlines.standing(of: d, at: at("15/05/2026 16:00")).workingDaysLeft == 0)
        let weekend = deadlines.standing(of: d, at: at("16/05/2026 10:00"))
        #expect(weekend.state == .overdue && weekend.workingDaysLeft == 0 && weekend.calendarDaysLeft == -1)
        let monday = deadlines.standing(of: d, at: at("18/05/2026 10:00"))
        #expect(monday.state == .overdue && monday.workingDaysLeft == -1)
        #expect(deadlines.standing(of: d, at: at("10/05/2026 10:00")).state == .notYetReceived)
    }

    @Test("Standing of finished, stopped and unlimited dossiers")
    func standingStates() throws {
        let early = try dossier(received: "11/05/2026 09:00", changes: [
            (.processing, "11/05/2026 10:00"), (.resolved, "13/05/2026 10:00"), (.returned, "14/05/2026 08:00"),
        ])
        let s = deadlines.standing(of: early, at: at("25/05/2026 10:00"))
        #expect(s.state == .early && s.workingDaysLeft == 3 && s.status == .returned)
        #expect(deadlines.standing(of: early, at: at("12/05/2026 10:00")).state == .running)
        let waiting = try dossier(received: "11/05/2026 09:00", changes: [(.supplementRequested, "12/05/2026 09:00")])
        #expect(deadlines.standing(of: waiting, at: at("25/05/2026 10:00")).state == .clockStopped)
        let refused = try dossier(received: "11/05/2026 09:00", changes: [(.refused, "12/05/2026 09:00")])
        #expect(deadlines.standing(of: refused, at: at("25/05/2026 10:00")).state == .refused)
        let open = try dossier(received: "11/05/2026 09:00", limit: nil)
        #expect(deadlines.standing(of: open, at: at("25/05/2026 10:00")).state == .noTimeLimit)
    }

    @Test("An apology sets a new appointment once; the dossier is still late against the original")
    func apology() throws {
        var d = try dossier(received: "04/05/2026 09:00", limit: .workingDays(3), changes: [
            (.processing, "04/05/2026 10:00"),
        ])
        d = try d.apologising(newDueAt: at("14/05/2026 17:00"))
        #expect(throws: DomainError.self) { try d.apologising(newDueAt: at("20/05/2026 17:00")) }
        try d.append(StatusChange(status: .resolved, at: at("12/05/2026 10:00")))
        let s = deadlines.standing(of: d, at: at("25/05/2026 10:00"))
        #expect(s.state == .late && s.appointmentDate == day(2026, 5, 14) && s.workingDaysLeft == -3)
        let running = try dossier(received: "04/05/2026 09:00", limit: .workingDays(1))
            .apologising(newDueAt: at("20/05/2026 17:00"))
        #expect(deadlines.standing(of: running, at: at("11/05/2026 10:00")).state == .overdue)
        #expect(throws: DomainError.self) { try running.apologising(newDueAt: at("01/05/2026 17:00")) }
    }

    @Test("Rules read from a file keep the defaults they do not mention")
    func rulesFromData() throws {
        let json = #"{"supplementClock":"resume","officeHours":[{"start":"08:00","end":"12:00"},{"start":"13:00","end":"17:00"}]}"#
        let rules = try JSONDecoder().decode(CentreRules.self, from: Data(json.utf8))
        #expect(rules.supplementClock == .resume)
        #expect(rules.officeHours.minutesPerDay == 480)
        #expect(rules.time == .vietnam)
        let overlapping = #"{"officeHours":[{"start":"08:00","end":"12:00"},{"start":"11:00","end":"17:00"}]}"#
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(CentreRules.self, from: Data(overlapping.utf8))
        }
        let back = try JSONDecoder().decode(CentreRules.self, from: JSONEncoder().encode(rules))
        #expect(back == rules)
    }
}
