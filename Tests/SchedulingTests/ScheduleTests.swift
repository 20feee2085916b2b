import Domain
import Foundation
import Scheduling
import Testing

@Suite("Cron and working-day schedules in Asia/Ho_Chi_Minh")
struct ScheduleTests {
    let calendar = TestCalendar2026()

    /// The next `count` runs after `start`.
    func runs(_ text: String, from start: Date, count: Int) throws -> [String] {
        let schedule = try Schedule(text)
        var at = start
        var out: [String] = []
        for _ in 0..<count {
            guard let next = schedule.next(after: at, workingDays: calendar) else { break }
            out.append(show(next))
            at = next
        }
        return out
    }

    @Test("plain fields, lists, ranges and steps")
    func fields() throws {
        #expect(try runs("*/20 9-10 * * *", from: local(2026, 3, 2, 9, 30), count: 4)
            == ["02/03/2026 09:40", "02/03/2026 10:00", "02/03/2026 10:20", "02/03/2026 10:40"])
        #expect(try runs("5,35 23 * * *", from: local(2026, 12, 31, 23, 40), count: 2)
            == ["01/01/2027 23:05", "01/01/2027 23:35"])
        #expect(try runs("0 8 10/10 * *", from: local(2026, 2, 1), count: 4)
            == ["10/02/2026 08:00", "20/02/2026 08:00", "10/03/2026 08:00", "20/03/2026 08:00"])
    }

    @Test("evaluated in UTC+7: 07:30 local is 00:30 UTC")
    func localTime() throws {
        let next = try Schedule("30 7 * * *").next(after: local(2026, 5, 4, 7, 30),
                                                  workingDays: calendar)
        #expect(next == Date(timeIntervalSince1970: 1_777_941_000)) // 2026-05-05T00:30:00Z
        // Strictly after: a run at exactly 07:30 has its next run the day after, and 07:29:59
        // still gets 07:30 the same day.
        #expect(show(try Schedule("30 7 * * *").next(after: local(2026, 5, 4, 7, 29, 59),
                                                     workingDays: calendar)) == "04/05/2026 07:30")
    }

    @Test("names for months and weekdays, 7 as Sunday, any case")
    func names() throws {
        #expect(try runs("0 9 * jan-FEB sun", from: local(2026, 1, 1), count: 2)
            == ["04/01/2026 09:00", "11/01/2026 09:00"])
        #expect(try runs("0 9 * * 7", from: local(2026, 1, 1), count: 1) == ["04/01/2026 09:00"])
        #expect(try runs("0 9 * * MON-FRI/2", from: local(2026, 1, 5), count: 3)
            == ["05/01/2026 09:00", "07/01/2026 09:00", "09/01/2026 09:00"])
    }

    @Test("Vixie rule: both day fields restricted means either may match")
    func vixieDays() throws {
        // The 13th, and every Friday.
        #expect(try runs("0 0 13 * FRI", from: local(2026, 2, 1), count: 4)
            == ["06/02/2026 00:00", "13/02/2026 00:00", "20/02/2026 00:00", "27/02/2026 00:00"])
        // '*/2' starts with '*', so it counts as unrestricted and both fields must match:
        // Fridays on odd dates.
        #expect(try runs("0 0 */2 * FRI", from: local(2026, 2, 1), count: 2)
            == ["13/02/2026 00:00", "27/02/2026 00:00"])
        // One field restricted: both must match (Friday the 13th only).
        #expect(try runs("0 0 13 * *", from: local(2026, 2, 1), count: 1) == ["13/02/2026 00:00"])
    }

    @Test("shortcuts")
    func shortcuts() throws {
        let from = local(2026, 5, 6, 10, 15) // Wednesday
        #expect(try runs("@hourly", from: from, count: 1) == ["06/05/2026 11:00"])
        #expect(try runs("@daily", from: from, count: 1) == ["07/05/2026 00:00"])
        #expect(try runs("@weekly", from: from, count: 1) == ["10/05/2026 00:00"])
        #expect(try runs("@monthly", from: from, count: 1) == ["01/06/2026 00:00"])
        #expect(try runs("@yearly", from: from, count: 1) == ["01/01/2027 00:00"])
    }

    @Test("29 February is found across a century year that is not a leap year")
    func leapDay() throws {
        #expect(try runs("0 0 29 2 *", from: local(2097, 3, 1), count: 1) == ["29/02/2104 00:00"])
    }

    @Test("working-day schedules skip 30/04–01/05/2026 and run on Saturday 22/08/2026")
    func workingDays() throws {
        #expect(try runs("workingdays 07:30", from: local(2026, 4, 28, 8), count: 3)
            == ["29/04/2026 07:30", "04/05/2026 07:30", "05/05/2026 07:30"])
        #expect(try runs("workingdays 07:30,13:30", from: local(2026, 8, 21, 14), count: 3)
            == ["22/08/2026 07:30", "22/08/2026 13:30", "24/08/2026 07:30"])
        // Monday 31/08 and the National Day holidays 01–02/09 are skipped.
        #expect(try runs("workingdays 07:30", from: local(2026, 8, 28, 8), count: 1)
            == ["03/09/2026 07:30"])
        #expect(try runs("workingdays 0 16 * * *", from: local(2026, 4, 29, 16), count: 1)
            == ["04/05/2026 16:00"])
        #expect(try runs("workingdays @hourly", from: local(2026, 8, 22, 22, 30), count: 2)
            == ["22/08/2026 23:00", "24/08/2026 00:00"])
        // The make-up Saturday is still not a Saturday for a cron weekday field.
        #expect(try runs("workingdays 0 9 * * MON-FRI", from: local(2026, 8, 21, 10), count: 1)
            == ["24/08/2026 09:00"])
    }

    @Test("no working day in nine years: no next run rather than an endless search")
    func noWorkingDay() throws {
        let schedule = try Schedule("workingdays 07:30")
        #expect(schedule.next(after: local(2026, 1, 1), workingDays: NoWorkingDays()) == nil)
    }

    @Test("parse errors name the field and the bad token")
    func errors() {
        func error(_ text: String) -> String {
            do { _ = try Schedule(text); return "accepted" } catch { return error.description }
        }
        #expect(error("0 7 * * MOX")
            == "schedule '0 7 * * MOX': day-of-week: bad token 'MOX': 'MOX' is neither a number 0–7 nor a name SUN–SAT")
        #expect(error("61 7 * * *") == "schedule '61 7 * * *': minute: bad token '61': out of range 0–59")
        #expect(error("0 25 * * *") == "schedule '0 25 * * *': hour: bad token '25': out of range 0–23")
        #expect(error("0 7 0 * *") == "schedule '0 7 0 * *': day-of-month: bad token '0': out of range 1–31")
        #expect(error("0 7 * 13 *") == "schedule '0 7 * 13 *': month: bad token '13': out of range 1–12")
        #expect(error("*/0 7 * * *") == "schedule '*/0 7 * * *': minute: bad token '0': step must be a whole number above 0")
        #expect(error("0 17-9 * * *") == "schedule '0 17-9 * * *': hour: bad token '17-9': range start 17 is after its end 9")
        #expect(error("0 7 1,,2 * *") == "schedule '0 7 1,,2 * *': day-of-month: bad token '1,,2': empty element in a list")
        #expect(error("0 7 * *") == "schedule '0 7 * *': expression: bad token '0 7 * *': expected 5 fields (minute hour day-of-month month day-of-week), found 4")
        #expect(error("@reboot") == "schedule '@reboot': expression: bad token '@reboot': unknown shortcut; use @hourly, @daily, @weekly, @monthly or @yearly")
        #expect(error("0 0 31 2,4 *") == "schedule '0 0 31 2,4 *': day-of-month: bad token '31': no month in '2,4' has such a day, so it would never run")
        #expect(error("workingdays 7:3") == "schedule 'workingdays 7:3': time: bad token '7:3': expected a time HH:MM from 00:00 to 23:59")
        #expect(error("workingdays 24:00") == "schedule 'workingdays 24:00': time: bad token '24:00': expected a time HH:MM from 00:00 to 23:59")
        #expect(error("workingdays 0 7 * * XYZ") == "schedule 'workingdays 0 7 * * XYZ': day-of-week: bad token 'XYZ': 'XYZ' is neither a number 0–7 nor a name SUN–SAT")
        #expect(error("workingdays") == "schedule 'workingdays': time: bad token '': 'workingdays' needs times (07:30) or a cron expression")
    }
}
