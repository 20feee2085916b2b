/// The syntax of one of the five cron fields: its range and, for months and weekdays, names.
struct CronFieldSpec: Sendable {
    let field: ScheduleParseError.Field
    let range: ClosedRange<Int>
    /// Upper-case three-letter names, the first naming `range.lowerBound`.
    let names: [String]

    static let minute = CronFieldSpec(field: .minute, range: 0...59, names: [])
    static let hour = CronFieldSpec(field: .hour, range: 0...23, names: [])
    static let dayOfMonth = CronFieldSpec(field: .dayOfMonth, range: 1...31, names: [])
    static let month = CronFieldSpec(
        field: .month, range: 1...12,
        names: ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"])
    /// 0 and 7 are both Sunday, as in Vixie cron; 7 is folded onto 0 after parsing.
    static let dayOfWeek = CronFieldSpec(
        field: .dayOfWeek, range: 0...7,
        names: ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"])

    /// Parses a field: a comma-separated list of `*`, `N`, `A-B`, each optionally `/STEP`
    /// (`N/STEP` means `N-max/STEP`, as in Vixie cron).
    func parse(_ text: Substring, schedule: String) throws(ScheduleParseError) -> CronField {
        var bits: UInt64 = 0
        for item in text.split(separator: ",", omittingEmptySubsequences: false) {
            let fail = { (token: Substring, reason: String) in
                ScheduleParseError(schedule: schedule, field: field, token: String(token),
                                   reason: reason)
            }
            guard !item.isEmpty else { throw fail(text, "empty element in a list") }
            let slash = item.split(separator: "/", omittingEmptySubsequences: false)
            guard slash.count <= 2 else { throw fail(item, "more than one '/'") }
            var step = 1
            if slash.count == 2 {
                guard let s = Int(slash[1]), s > 0 else {
                    throw fail(slash[1], "step must be a whole number above 0")
                }
                step = s
            }
            let base = slash[0]
            let lower: Int, upper: Int
            if base == "*" {
                (lower, upper) = (range.lowerBound, range.upperBound)
            } else {
                let bounds = base.split(separator: "-", omittingEmptySubsequences: false)
                guard bounds.count <= 2 else { throw fail(base, "more than one '-'") }
                guard let a = value(bounds[0]) else { throw fail(bounds[0], valueHint(bounds[0])) }
                lower = a
                if bounds.count == 2 {
                    guard let b = value(bounds[1]) else { throw fail(bounds[1], valueHint(bounds[1])) }
                    guard a <= b else { throw fail(base, "range start \(a) is after its end \(b)") }
                    upper = b
                } else {
                    upper = slash.count == 2 ? range.upperBound : a
                }
            }
            for v in stride(from: lower, through: upper, by: step) {
                bits |= 1 << UInt64(v)
            }
        }
        if field == .dayOfWeek, bits & (1 << 7) != 0 {
            bits = (bits & ~(1 << 7)) | 1
        }
        return CronField(bits: bits, restricted: text.first != "*")
    }

    private func value(_ token: Substring) -> Int? {
        if let n = Int(token), range.contains(n) { return n }
        if let i = names.firstIndex(of: token.uppercased()) { return range.lowerBound + i }
        return nil
    }

    private func valueHint(_ token: Substring) -> String {
        if Int(token) != nil { return "out of range \(range.lowerBound)–\(range.upperBound)" }
        guard let first = names.first, let last = names.last else {
            return "expected a number \(range.lowerBound)–\(range.upperBound)"
        }
        return "'\(token)' is neither a number \(range.lowerBound)–\(range.upperBound) "
            + "nor a name \(first)–\(last)"
    }
}
