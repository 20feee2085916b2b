/// Reads the date and time spellings that reach the centre, by hand over UTF-8 bytes (no
/// `DateFormatter`: imports parse millions of cells, and formatters are slow and locale-bound).
///
/// Accepted, with optional surrounding spaces:
/// - `dd/MM/yyyy`, `d/M/yyyy` (also with `-` or `.` between parts): Vietnamese tables;
/// - `yyyy-MM-dd`: ISO 8601;
/// - `yyyyMMdd`, `yyyyMMddHHmm`, `yyyyMMddHHmmss`: the national portal's compact stamps;
/// - any date above followed by a space or `T` and `HH:mm`, `HH:mm:ss` or `HH:mm:ss.fff`,
///   optionally followed by `Z`, `±hh:mm` or `±hhmm` (then the text names its own zone).
enum DateTextParser {
    struct Parsed {
        var date: LocalDate
        /// Seconds since midnight, with any fraction; `nil` when the text had no time.
        var seconds: Double?
        /// The zone the text named, in seconds east of UTC; `nil` means the centre's zone.
        var utcOffsetSeconds: Int?
    }

    static let expected = "expected dd/MM/yyyy, yyyy-MM-dd or yyyyMMdd, optionally followed by "
        + "HH:mm[:ss] and a zone (Z, +07:00)"

    static func parse(_ text: String) throws(DateParseError) -> Parsed {
        var scanner = Scanner(bytes: Array(text.utf8))
        scanner.skipSpaces()
        guard let first = scanner.digits() else {
            throw DateParseError(text: text, reason: expected)
        }
        let date: LocalDate
        var compactTime: Double?
        switch first.count {
        case 4:  // yyyy-MM-dd
            guard scanner.take(UInt8(ascii: "-")), let month = scanner.digits(), month.count <= 2,
                  scanner.take(UInt8(ascii: "-")), let day = scanner.digits(), day.count <= 2
            else { throw DateParseError(text: text, reason: expected) }
            date = try makeDate(text, year: first.value, month: month.value, day: day.value)
        case 8, 12, 14:  // yyyyMMdd[HHmm[ss]]
            func part(_ from: Int, _ length: Int) -> Int {
                first.value / Scanner.powerOfTen(first.count - from - length) % Scanner.powerOfTen(length)
            }
            date = try makeDate(text, year: part(0, 4), month: part(4, 2), day: part(6, 2))
            if first.count > 8 {
                compactTime = try makeSeconds(text, hour: part(8, 2), minute: part(10, 2),
                                              second: first.count == 14 ? Double(part(12, 2)) : 0)
            }
        case 1, 2:  // d/M/yyyy
            let separator = scanner.peek
            guard let separator, [UInt8(ascii: "/"), UInt8(ascii: "-"), UInt8(ascii: ".")]
                    .contains(separator),
                  scanner.take(separator), let month = scanner.digits(), month.count <= 2,
                  scanner.take(separator), let year = scanner.digits(), year.count == 4
            else { throw DateParseError(text: text, reason: expected) }
            date = try makeDate(text, year: year.value, month: month.value, day: first.value)
        default:
            throw DateParseError(text: text, reason: expected)
        }

        var parsed = Parsed(date: date, seconds: compactTime, utcOffsetSeconds: nil)
        if compactTime == nil {
            if scanner.take(UInt8(ascii: "T")) {
                parsed.seconds = try time(text, &scanner)
            } else if scanner.skipSpaces(), !scanner.atEnd {
                parsed.seconds = try time(text, &scanner)
            }
        }
        parsed.utcOffsetSeconds = try zone(text, &scanner)
        scanner.skipSpaces()
        guard scanner.atEnd else {
            throw DateParseError(text: text, reason: "unexpected text after the date; " + expected)
        }
        return parsed
    }

    /// `HH:mm`, `HH:mm:ss` or `HH:mm:ss.fff`, as seconds since midnight.
    static func time(_ text: String, _ scanner: inout Scanner) throws(DateParseError) -> Double {
        guard let hour = scanner.digits(), hour.count <= 2, scanner.take(UInt8(ascii: ":")),
              let minute = scanner.digits(), minute.count == 2
        else { throw DateParseError(text: text, reason: "expected a time HH:mm[:ss] after the date") }
        var second = 0.0
        if scanner.take(UInt8(ascii: ":")) {
            guard let whole = scanner.digits(), whole.count == 2 else {
                throw DateParseError(text: text, reason: "expected two digits of seconds")
            }
            second = Double(whole.value)
            if scanner.take(UInt8(ascii: ".")) || scanner.take(UInt8(ascii: ",")) {
                guard let fraction = scanner.digits() else {
                    throw DateParseError(text: text, reason: "expected digits after the decimal mark")
                }
                second += Double(fraction.value) / Double(Scanner.powerOfTen(fraction.count))
            }
        }
        return try makeSeconds(text, hour: hour.value, minute: minute.value, second: second)
    }

    /// `Z`, `±hh:mm`, `±hhmm` or `±hh`, or nothing.
    static func zone(_ text: String, _ scanner: inout Scanner) throws(DateParseError) -> Int? {
        if scanner.take(UInt8(ascii: "Z")) || scanner.take(UInt8(ascii: "z")) { return 0 }
        let sign: Int
        if scanner.take(UInt8(ascii: "+")) { sign = 1 } else if scanner.take(UInt8(ascii: "-")) {
            sign = -1
        } else { return nil }
        guard let first = scanner.digits(), first.count == 2 || first.count == 4 else {
            throw DateParseError(text: text, reason: "expected a zone offset ±hh:mm")
        }
        var hours = first.value, minutes = 0
        if first.count == 4 {
            hours = first.value / 100
            minutes = first.value % 100
        } else if scanner.take(UInt8(ascii: ":")) {
            guard let m = scanner.digits(), m.count == 2 else {
                throw DateParseError(text: text, reason: "expected a zone offset ±hh:mm")
            }
            minutes = m.value
        }
        guard hours <= 14, minutes <= 59 else {
            throw DateParseError(text: text, reason: "zone offset out of range")
        }
        return sign * (hours * 3600 + minutes * 60)
    }

    static func makeDate(_ text: String, year: Int, month: Int, day: Int) throws(DateParseError)
        -> LocalDate {
        guard (1...12).contains(month) else {
            throw DateParseError(text: text, reason: "month \(month) does not exist")
        }
        guard let date = LocalDate(year: year, month: month, day: day) else {
            throw DateParseError(text: text, reason: "day \(day) does not exist in "
                                     + "\(LocalDate.pad(month))/\(year)")
        }
        return date
    }

    static func makeSeconds(_ text: String, hour: Int, minute: Int, second: Double)
        throws(DateParseError) -> Double {
        guard hour <= 23, minute <= 59, second < 60 else {
            throw DateParseError(text: text, reason: "time \(hour):\(LocalDate.pad(minute)) does not exist")
        }
        return Double(hour * 3600 + minute * 60) + second
    }

    /// A cursor over ASCII bytes.
    struct Scanner {
        let bytes: [UInt8]
        var index = 0

        var atEnd: Bool { index == bytes.count }
        var peek: UInt8? { atEnd ? nil : bytes[index] }

        mutating func take(_ byte: UInt8) -> Bool {
            guard peek == byte else { return false }
            index += 1
            return true
        }

        /// Skips spaces and tabs; tells whether there were any.
        @discardableResult
        mutating func skipSpaces() -> Bool {
            let start = index
            while let b = peek, b == 0x20 || b == 0x09 { index += 1 }
            return index > start
        }

        /// A run of ASCII digits (at most 18, so the value cannot overflow).
        mutating func digits() -> (value: Int, count: Int)? {
            let start = index
            var value = 0
            while let b = peek, (0x30...0x39).contains(b), index - start < 18 {
                value = value * 10 + Int(b - 0x30)
                index += 1
            }
            guard index > start else { return nil }
            return (value, index - start)
        }

        /// 10 to the power `exponent` (0...18).
        static func powerOfTen(_ exponent: Int) -> Int {
            var result = 1
            for _ in 0..<exponent { result *= 10 }
            return result
        }
    }
}

extension LocalDate {
    /// Reads `dd/MM/yyyy`, `d/M/yyyy`, `yyyy-MM-dd` or `yyyyMMdd`.
    public init(parsing text: String) throws(DateParseError) {
        let parsed = try DateTextParser.parse(text)
        guard parsed.seconds == nil, parsed.utcOffsetSeconds == nil else {
            throw DateParseError(text: text, reason: "expected a date without a time")
        }
        self = parsed.date
    }
}

extension LocalTime {
    /// Reads `HH:mm` (or `H:mm`).
    public init(parsing text: String) throws(DateParseError) {
        var scanner = DateTextParser.Scanner(bytes: Array(text.utf8))
        scanner.skipSpaces()
        let seconds = try DateTextParser.time(text, &scanner)
        scanner.skipSpaces()
        guard scanner.atEnd, seconds.truncatingRemainder(dividingBy: 60) == 0 else {
            throw DateParseError(text: text, reason: "expected a time of day HH:mm")
        }
        self.init(minuteOfDay: Int(seconds) / 60)
    }
}
