import Foundation
import Testing
import Domain

@Suite("Vietnamese numbers and dates")
struct FormatTests {
    let vi = VietnameseFormat()

    @Test("Thousands with dots", arguments: [(0, "0"), (8, "8"), (999, "999"), (4266, "4.266"),
                                             (1_000_000, "1.000.000"), (-1234, "-1.234")])
    func integers(value: Int, text: String) { #expect(vi.integer(value) == text) }

    @Test("Rates without trailing zeros", arguments: [(9870, "98,7%"), (8324, "83,24%"), (10000, "100%"),
                                                      (5, "0,05%"), (50, "0,5%"), (123456, "1.234,56%")])
    func rates(bp: Int, text: String) { #expect(vi.percent(basisPoints: bp) == text) }

    @Test("Half-up rounding to two decimals")
    func rounding() {
        #expect(IndicatorValue(id: "x", numerator: 1, denominator: 3).basisPoints == 3333)
        #expect(IndicatorValue(id: "x", numerator: 2, denominator: 3).basisPoints == 6667)
        #expect(IndicatorValue(id: "x", numerator: 1, denominator: 8).basisPoints == 1250)
        #expect(IndicatorValue(id: "x", numerator: 1, denominator: 20000).basisPoints == 1)
        #expect(IndicatorValue(id: "x", numerator: 1, denominator: 20001).basisPoints == 0)
        #expect(IndicatorValue(id: "x", numerator: 0, denominator: 0).basisPoints == nil)
    }

    @Test("Dates: tables with zeros, prose as Decree 30/2020 writes them (as the seed does)")
    func dates() {
        #expect(vi.date(day(2026, 5, 25)) == "25/05/2026")
        #expect(vi.date(day(2026, 5, 25), style: .prose) == "25/5/2026")
        #expect(vi.date(day(2026, 4, 8), style: .prose) == "08/4/2026")
        #expect(vi.date(day(2026, 1, 14), style: .prose) == "14/01/2026")
        #expect(vi.date(day(2026, 2, 13), style: .prose) == "13/02/2026")
        #expect(vi.date(day(2026, 4, 8), style: .short) == "8/4/2026")
        #expect(vi.count(8, minimumDigits: 2) == "08")
        #expect(vi.dateTime(at("25/05/2026 14:30")) == "25/05/2026 14:30")
    }

    @Test("Dates and instants parse from the spellings connectors meet", arguments: [
        ("25/05/2026", "2026-05-25T00:00:00+07:00"),
        ("5/1/2026", "2026-01-05T00:00:00+07:00"),
        ("25-05-2026", "2026-05-25T00:00:00+07:00"),
        ("25/05/2026 14:30", "2026-05-25T14:30:00+07:00"),
        (" 25/05/2026 8:05:09 ", "2026-05-25T08:05:09+07:00"),
        ("2026-05-25", "2026-05-25T00:00:00+07:00"),
        ("2026-05-25T14:30", "2026-05-25T14:30:00+07:00"),
        ("2026-05-25 14:30:15", "2026-05-25T14:30:15+07:00"),
        ("2026-05-25T07:30:00Z", "2026-05-25T14:30:00+07:00"),
        ("2026-05-25T14:30:00.250+07:00", "2026-05-25T14:30:00+07:00"),
        ("2026-05-25T09:30:00+0200", "2026-05-25T14:30:00+07:00"),
        ("20260525143000", "2026-05-25T14:30:00+07:00"),
        ("202605251430", "2026-05-25T14:30:00+07:00"),
        ("20260525", "2026-05-25T00:00:00+07:00"),
    ])
    func parsing(text: String, iso: String) throws {
        #expect(CentreTime.vietnam.iso8601(try CentreTime.vietnam.instant(parsing: text)) == iso)
    }

    @Test("Bad text is refused with the reason", arguments: [
        ("31/02/2026", "day 31 does not exist in 02/2026"),
        ("25/13/2026", "month 13 does not exist"),
        ("25/05/2026 24:00", "time 24:00 does not exist"),
        ("25/05/26", "expected dd/MM/yyyy"),
        ("2026-05-25T", "expected a time"),
        ("hôm qua", "expected dd/MM/yyyy"),
        ("25/05/2026 14:30 xyz", "unexpected text"),
        ("", "expected dd/MM/yyyy"),
    ])
    func badText(text: String, reason: String) {
        #expect {
            try CentreTime.vietnam.instant(parsing: text)
        } throws: { error in
            (error as? DateParseError).map { $0.text == text && $0.reason.contains(reason) } ?? false
        }
    }

    @Test("A date alone must not carry a time; times of day parse as HH:mm")
    func localParsing() throws {
        #expect(try LocalDate(parsing: "08/04/2026") == day(2026, 4, 8))
        #expect(throws: DateParseError.self) { try LocalDate(parsing: "08/04/2026 10:00") }
        #expect(try LocalTime(parsing: "07:30") == LocalTime(hour: 7, minute: 30))
        #expect(throws: DateParseError.self) { try LocalTime(parsing: "07:30:15") }
    }
}
