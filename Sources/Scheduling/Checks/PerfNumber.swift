import Foundation

/// Prints numbers the way perfdata parsers read them: a dot as decimal mark, no exponent, no
/// trailing `.0` on whole numbers.
enum PerfNumber {
    static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 {
            return String(Int64(value))
        }
        let shortest = "\(value)"
        guard shortest.contains("e") else { return shortest }
        // Very small or very large values: fixed notation, trailing zeros trimmed.
        var fixed = String(format: "%.15f", value)
        while fixed.hasSuffix("0") { fixed.removeLast() }
        if fixed.hasSuffix(".") { fixed.removeLast() }
        return fixed
    }
}
