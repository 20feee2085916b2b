/// Decides from a cell's number format whether its number is a date, a time, or just a number.
enum NumberFormat {
    enum Kind: Equatable { case number, date, time }

    /// Built-in format ids that show dates (14–17, 22, and the East Asian 27–36, 50–58) or
    /// times (18–21, 45–47); workbooks refer to them without spelling them out.
    static func builtInKind(_ id: Int) -> Kind? {
        switch id {
        case 14...17, 22, 27...36, 50...58: return .date
        case 18...21, 45...47: return .time
        default: return nil
        }
    }

    /// Classifies a format code: date tokens (d, m, y, h, s) outside quoted text, escapes and
    /// bracketed colours or locales. Elapsed-time brackets such as `[h]` count as time.
    static func kind(ofCode code: String) -> Kind {
        let section = code.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        var letters: Set<Character> = []
        var inQuotes = false
        var inBracket = false
        var bracket = ""
        var escaped = false
        for ch in section.lowercased() {
            if escaped { escaped = false; continue }
            if inQuotes { if ch == "\"" { inQuotes = false }; continue }
            if inBracket {
                if ch == "]" {
                    inBracket = false
                    if !bracket.isEmpty, bracket.allSatisfy({ "hms".contains($0) }) { letters.formUnion(bracket) }
                } else {
                    bracket.append(ch)
                }
                continue
            }
            switch ch {
            case "\"": inQuotes = true
            case "\\", "_", "*": escaped = true
            case "[": inBracket = true; bracket = ""
            default: letters.insert(ch)
            }
        }
        if section.lowercased().contains("general") { return .number }
        let hasDate = letters.contains("d") || letters.contains("y")
        let hasTime = letters.contains("h") || letters.contains("s")
        if hasDate { return .date }
        if hasTime { return .time }
        return letters.contains("m") ? .date : .number
    }
}
