/// How numbers are written in a report's text (not in XLSX, whose numbers stay numbers).
///
/// Vietnamese style is the default: 4.266 and 98,7%. The seed report's prose writes 98.7%,
/// so the decimal mark is a setting of the report, not of the code.
public struct NumberStyle: Sendable, Hashable {
    public var thousandsSeparator: String
    public var decimalMark: String

    public init(thousandsSeparator: String = ".", decimalMark: String = ",") {
        self.thousandsSeparator = thousandsSeparator
        self.decimalMark = decimalMark
    }

    /// 4266 → "4.266".
    public func integer(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var groups: [Substring] = []
        var end = digits.endIndex
        while end > digits.startIndex {
            let start = digits.index(end, offsetBy: -3, limitedBy: digits.startIndex) ?? digits.startIndex
            groups.insert(digits[start..<end], at: 0)
            end = start
        }
        return (value < 0 ? "-" : "") + groups.joined(separator: thousandsSeparator)
    }

    /// 1234.5 with 2 digits → "1.234,50".
    public func decimal(_ value: Double, fractionDigits: Int) -> String {
        guard value.isFinite else { return String(value) }
        let scale = pow10(fractionDigits)
        let scaled = (abs(value) * scale).rounded()
        let whole = Int(scaled / scale)
        let fraction = Int(scaled.truncatingRemainder(dividingBy: scale))
        var text = (value < 0 && scaled > 0 ? "-" : "") + integer(whole)
        if fractionDigits > 0 {
            let digits = String(fraction)
            text += decimalMark + String(repeating: "0", count: fractionDigits - digits.count) + digits
        }
        return text
    }

    /// A ratio as a percentage rounded to `fractionDigits`, without trailing zeros:
    /// 0.987 → "98,7%", 0.8324 → "83,24%", 1 → "100%".
    public func percent(_ ratio: Double, fractionDigits: Int = 2) -> String {
        var text = decimal(ratio * 100, fractionDigits: fractionDigits)
        if fractionDigits > 0 {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(decimalMark) { text.removeLast(decimalMark.count) }
        }
        return text + "%"
    }

    private func pow10(_ n: Int) -> Double { (0..<max(n, 0)).reduce(1.0) { acc, _ in acc * 10 } }
}
