import Foundation

/// Numbers, rates and dates as Vietnamese reports print them.
///
/// Thousands are grouped with a dot (4.266). The decimal mark is a setting of the report, not of
/// the code: the statutory style is a comma (98,7%), but the seed's prose writes 98.7%. Rates
/// are rounded to two decimals and printed without trailing zeros (98,7%, 83,24%, 100%).
public struct VietnameseFormat: Sendable, Hashable, Codable {
    public enum DecimalMark: String, Sendable, Hashable, Codable, CaseIterable {
        /// `98,7%`: the Vietnamese standard.
        case comma
        /// `98.7%`: as the seed report's prose writes it.
        case point

        var character: Character { self == .comma ? "," : "." }
    }

    /// How a date is written.
    public enum DateStyle: String, Sendable, Hashable, Codable, CaseIterable {
        /// `dd/MM/yyyy`, always two-digit day and month: tables.
        case table
        /// Administrative prose as Decree 30/2020/NĐ-CP writes dates and the seed follows it: a
        /// zero before days under 10 and before months 1 and 2 only: `08/4/2026`, `14/01/2026`,
        /// `25/5/2026`.
        case prose
        /// `d/M/yyyy`, no zeros at all.
        case short
    }

    public var decimalMark: DecimalMark

    public init(decimalMark: DecimalMark = .comma) { self.decimalMark = decimalMark }

    /// `4.266`, `-1.234.567`.
    public func integer(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = value < 0 ? "-" : ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(".") }
            out.append(c)
        }
        return out
    }

    /// A count padded to `minimumDigits` as administrative prose sometimes writes small counts
    /// ("08 phản ánh").
    public func count(_ value: Int, minimumDigits: Int) -> String {
        let text = integer(value)
        return String(repeating: "0", count: max(0, minimumDigits - text.count)) + text
    }

    /// A non-negative rate in hundredths of a percent as `98,7%` (or `98.7%`), without trailing
    /// zeros.
    public func percent(basisPoints: Int) -> String {
        precondition(basisPoints >= 0, "a rate cannot be negative")
        var fraction = LocalDate.pad(basisPoints % 100)
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return integer(basisPoints / 100)
            + (fraction.isEmpty ? "" : String(decimalMark.character) + fraction) + "%"
    }

    /// An indicator's rate as `98,7%`, or `nil` when its denominator is zero.
    public func percent(_ value: IndicatorValue) -> String? {
        value.basisPoints.map(percent(basisPoints:))
    }

    /// A date in one of the styles.
    public func date(_ date: LocalDate, style: DateStyle = .table) -> String {
        let (y, m, d) = date.civil
        switch style {
        case .table: return date.vietnamese
        case .prose: return "\(LocalDate.pad(d))/\(m <= 2 ? LocalDate.pad(m) : String(m))/\(y)"
        case .short: return "\(d)/\(m)/\(y)"
        }
    }

    /// `25/05/2026 14:30` in the centre's zone.
    public func dateTime(_ instant: Date, in time: CentreTime = .vietnam) -> String {
        "\(time.localDate(instant).vietnamese) \(time.localTime(instant))"
    }
}
