import Testing
@testable import Formats

@Suite struct NumberStyleTests {
    @Test func vietnameseStyleGroupsThousandsWithDots() {
        let style = NumberStyle()
        #expect(style.integer(4266) == "4.266")
        #expect(style.integer(1_234_567) == "1.234.567")
        #expect(style.integer(69) == "69")
        #expect(style.integer(-4266) == "-4.266")
        #expect(style.decimal(1234.5, fractionDigits: 2) == "1.234,50")
        #expect(style.decimal(-0.004, fractionDigits: 2) == "0,00")
    }

    @Test func percentagesDropTrailingZeros() {
        let style = NumberStyle()
        #expect(style.percent(0.987) == "98,7%")
        #expect(style.percent(0.8324) == "83,24%")
        #expect(style.percent(1) == "100%")
        #expect(style.percent(4098.0 / 4152.0) == "98,7%")
        #expect(style.percent(3456.0 / 4152.0) == "83,24%")
        #expect(NumberStyle(thousandsSeparator: ".", decimalMark: ".").percent(0.987) == "98.7%")
    }

    @Test func officialDateLineFollowsDecree30() {
        #expect(ReportDate(year: 2026, month: 5, day: 25)?.officialLine(place: "Bến Thành")
                == "Bến Thành, ngày 25 tháng 5 năm 2026")
        #expect(ReportDate(year: 2026, month: 2, day: 5)?.officialLine(place: "Hà Nội")
                == "Hà Nội, ngày 05 tháng 02 năm 2026")
        #expect(ReportDate(year: 2026, month: 2, day: 29) == nil)
        #expect(ReportDate(year: 2026, month: 1, day: 5)?.description == "05/01/2026")
    }
}
