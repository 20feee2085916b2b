/// Escaping for XML and HTML text and attribute values.
enum MarkupEscaping {
    /// Escapes `& < > " '` and drops characters XML 1.0 forbids (control characters other than
    /// tab and line breaks), which would make the whole part unreadable.
    static func xml(_ s: String) -> String {
        var needs = false
        for b in s.utf8 where b == 0x26 || b == 0x3C || b == 0x3E || b == 0x22 || b == 0x27 || (b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D) {
            needs = true
            break
        }
        guard needs else { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count + 16)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value >= 0x20 { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// HTML text: the same escaping (`&apos;` is valid HTML5 too).
    static func html(_ s: String) -> String { xml(s) }
}
