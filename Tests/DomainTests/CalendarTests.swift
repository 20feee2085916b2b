import Foundation
import Testing
import Domain

@Suite("Working calendar")
struct CalendarTests {
    @Test("Every 2026 day off for civil servants is not a working day", arguments: [
        day(2026, 1, 1), day(2026, 1, 2),
        day(2026, 2, 16), day(2026, 2, 17), day(2026, 2, 18), day(2026, 2, 19), day(2026, 2, 20),
        day(2026, 4, 27), day(2026, 4, 30), day(2026, 5, 1),
        day(2026, 8, 31), day(2026, 9, 1), day(2026, 9, 2),
    ])
    func daysOff2026(date: LocalDate) {
        #expect(!date.isWeekend)
        #expect(!calendar.isWorkingDay(date))
        #expect(calendar.listedName(date) != nil)
    }

    @Test("Make-up Saturdays 10/01 and 22/08/2026 are working days")
    func makeUpSaturdays() {
        for date in [day(2026, 1, 10), day(2026, 8, 22)] {
            #expect(date.isoWeekday == 6)
            #expect(calendar.isWorkingDay(date))
        }
        #expect(!calendar.isWorkingDay(day(2026, 8, 29)))
    }

    @Test("Giỗ Tổ on Sunday 26/04/2026 is given back on Monday 27/04")
    func gioTo() {
        #expect(day(2026, 4, 26).isoWeekday == 7)
        #expect(calendar.workingDay(1, after: day(2026, 4, 24)) == day(2026, 4, 28))
        #expect(calendar.workingDay(3, after: day(2026, 4, 24)) == day(2026, 5, 4))
    }

    @Test("Tết 2026: Friday 13/02 is followed by Monday 23/02")
    func tet2026() {
        #expect(calendar.isWorkingDay(day(2026, 2, 13)))
        #expect(calendar.workingDay(1, after: day(2026, 2, 13)) == day(2026, 2, 23))
        #expect(calendar.workingDay(onOrAfter: day(2026, 2, 14)) == day(2026, 2, 23))
    }

    @Test("The make-up Saturday counts: Friday 21/08/2026 + 1 working day is Saturday 22/08")
    func makeUpCounts() {
        #expect(calendar.workingDay(1, after: day(2026, 8, 21)) == day(2026, 8, 22))
        #expect(calendar.workingDay(2, after: day(2026, 8, 21)) == day(2026, 8, 24))
        #expect(calendar.workingDay(1, after: day(2026, 8, 28)) == day(2026, 9, 3))
    }

    @Test("Each shipped year has 250 working days; 2025 and 2026 are published, 2027 computed")
    func yearTotals() {
        for year in 2025...2027 {
            #expect(calendar.workingDays(from: day(year - 1, 12, 31), to: day(year, 12, 31)) == 250)
            #expect(calendar.hasHolidayData(for: year))
        }
        #expect(calendar.years[2025]?.status == .published)
        #expect(calendar.years[2026]?.status == .published)
        #expect(calendar.years[2027]?.status == .computed)
        #expect(!calendar.hasHolidayData(for: 2028))
    }

    @Test("2025 swap and 2027 computed days")
    func otherYears() {
        #expect(calendar.isWorkingDay(day(2025, 4, 26)))
        #expect(!calendar.isWorkingDay(day(2025, 5, 2)))
        #expect(!calendar.isWorkingDay(day(2025, 4, 7)))
        #expect(calendar.workingDay(1, after: day(2025, 1, 24)) == day(2025, 2, 3))
        #expect(calendar.workingDay(1, after: day(2025, 8, 29)) == day(2025, 9, 3))
        #expect(calendar.workingDay(1, after: day(2027, 2, 4)) == day(2027, 2, 12))
        #expect(!calendar.isWorkingDay(day(2027, 5, 3)))
        #expect(!calendar.isWorkingDay(day(2027, 9, 3)))
    }

    @Test("Working days between dates are signed and exclude the start")
    func between() {
        #expect(calendar.workingDays(from: day(2026, 5, 22), to: day(2026, 5, 25)) == 1)
        #expect(calendar.workingDays(from: day(2026, 5, 25), to: day(2026, 5, 22)) == -1)
        #expect(calendar.workingDays(from: day(2026, 5, 25), to: day(2026, 5, 25)) == 0)
        #expect(calendar.workingDays(from: day(2026, 2, 13), to: day(2026, 2, 23)) == 1)
    }

    @Test("Days beyond the index fall back to weekends only, with the same answers")
    func outsideIndex() {
        let monday = day(2150, 1, 5)
        #expect(monday.isoWeekday == 1)
        #expect(calendar.isWorkingDay(monday))
        #expect(calendar.workingDay(5, after: monday) == day(2150, 1, 12))
        #expect(calendar.workingDays(from: monday, to: day(2150, 1, 12)) == 5)
        #expect(calendar.workingDay(onOrAfter: day(2150, 1, 3)) == monday)
    }

    @Test("A centre replaces a year with its own file")
    func merging() throws {
        let culture = HolidayYear(region: "VN", year: 2026, status: .published,
                                  daysOff: [.init(date: day(2026, 11, 24), name: "Ngày Văn hóa Việt Nam")])
        let merged = try calendar.merging([culture])
        #expect(!merged.isWorkingDay(day(2026, 11, 24)))
        #expect(merged.isWorkingDay(day(2026, 2, 16)))
        #expect(!merged.isWorkingDay(day(2025, 1, 1)))
    }

    @Test("A broken holiday file names the file and the entry", arguments: [
        (#"{"region":"VN","year":2026,"status":"published","sources":[],"daysOff":[{"date":"2026-04-26","name":"Giỗ Tổ"}],"workingDays":[]}"#,
         "daysOff[0] 2026-04-26: is already a weekend day"),
        (#"{"region":"VN","year":2026,"status":"published","sources":[],"daysOff":[],"workingDays":[{"date":"2026-08-24","name":"x"}]}"#,
         "workingDays[0] 2026-08-24: a make-up working day must be a weekend day"),
        (#"{"region":"VN","year":2026,"status":"published","sources":[],"daysOff":[{"date":"2027-01-01","name":"x"}],"workingDays":[]}"#,
         "daysOff[0] 2027-01-01: is not in 2026"),
        (#"{"region":"VN","year":2026,"status":"published","sources":[],"daysOff":[{"date":"2026-01-01","name":"a"},{"date":"2026-01-01","name":"b"}],"workingDays":[]}"#,
         "daysOff[1] 2026-01-01: is listed twice"),
        (#"{"region":"VN","year":2026,"status":"published","sources":[],"daysOff":[{"date":"31/02/2026","name":"x"}],"workingDays":[]}"#,
         "daysOff[0].date"),
        (#"{"region":"VN","year":2026,"sources":[],"daysOff":[],"workingDays":[]}"#,
         "missing \"status\""),
    ])
    func brokenFiles(json: String, message: String) {
        #expect {
            let year = try HolidayYear(json: Data(json.utf8), file: "vn-2026.json")
            _ = try WorkingCalendar(years: [year])
        } throws: { error in
            let text = "\(error)"
            return text.contains(message) && (text.hasPrefix("vn-2026"))
        }
    }

    @Test("A centre's file may leave out sources and make-up days")
    func minimalFile() throws {
        let json = #"{"region":"HP","year":2028,"status":"computed","daysOff":[{"date":"2028-01-03","name":"Nghỉ bù Tết Dương lịch"}]}"#
        let year = try HolidayYear(json: Data(json.utf8), file: "hp-2028.json")
        let merged = try calendar.merging([year])
        #expect(!merged.isWorkingDay(day(2028, 1, 3)) && merged.hasHolidayData(for: 2028))
    }

    @Test("Two files for one year are refused")
    func duplicateYear() {
        let y = HolidayYear(region: "VN", year: 2026, status: .computed, daysOff: [])
        #expect(throws: HolidayFileError.self) { try WorkingCalendar(years: [y, y]) }
    }
}
