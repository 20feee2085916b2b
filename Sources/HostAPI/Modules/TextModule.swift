import Domain
import Foundation
import LuaBridge

/// `text`: Vietnamese-aware text helpers and the number and date style of Vietnamese reports.
struct TextModule {
    let environment: HostEnvironment

    init(_ environment: HostEnvironment) { self.environment = environment }

    static let guide = """
        Lua's own `string.upper` and `string.lower` know only ASCII: `string.upper("đường")` \
        leaves it unchanged. Use `text.upper` and `text.lower` for Vietnamese. Text from \
        another system may be decomposed (NFD), where "Hòa" and "Hòa" look alike but differ: \
        `text.nfc` gives the one form hostrun stores, and `text.fold` a key that ignores \
        diacritics and case for matching ("Nguyễn Văn Đức" → "nguyen van duc").

        Numbers follow the Vietnamese style: a dot between thousands (`4.266`) and a comma \
        before decimals (`98,7%`); the seed report's prose writes `98.7%`, so the decimal mark \
        is an option. Dates are `dd/MM/yyyy` by default.
        """

    static let classes = [
        DocumentedClass("NumberFormatOptions", "Options of `text.format_number`.", fields: [
            .init("decimals", HostType.integer.optional, "digits after the decimal mark (default: none for whole numbers, else up to 2 without trailing zeros)"),
            .init("decimal", HostType.string.optional, "\",\" (default, Vietnamese) or \".\""),
        ]),
        DocumentedClass("PercentFormatOptions", "Options of `text.format_percent`.", fields: [
            .init("decimal", HostType.string.optional, "\",\" (default, Vietnamese) or \".\" (as the seed report's prose writes 98.7%)"),
        ]),
    ]

    var module: HostModule {
        let time = environment.time
        return HostModule("text", "Vietnamese-aware text: normal form, folding, case, numbers and dates.", since: "0.1") {
            HostFunction("nfc", "The text in Unicode normal form C, the one form hostrun stores and compares.",
                         parameters: [.init("s", .string, "any UTF-8 text")],
                         returns: [.init(.string, "the same text, composed")], since: "0.1") { call in
                call.returning(VietnameseText.nfc(try call.string(1)))
            }
            HostFunction("fold", "A matching key without diacritics or case: \"Nguyễn Văn Đức\" → \"nguyen van duc\".",
                         parameters: [.init("s", .string, "any UTF-8 text")],
                         returns: [.init(.string, "the folded text")], since: "0.1") { call in
                call.returning(VietnameseText.fold(try call.string(1)))
            }
            HostFunction("upper", "Upper case, Vietnamese letters included (\"đường\" → \"ĐƯỜNG\").",
                         parameters: [.init("s", .string, "any UTF-8 text")],
                         returns: [.init(.string, "the text in upper case, NFC")], since: "0.1") { call in
                call.returning(VietnameseText.nfc(try call.string(1).uppercased()))
            }
            HostFunction("lower", "Lower case, Vietnamese letters included (\"ĐƯỜNG\" → \"đường\").",
                         parameters: [.init("s", .string, "any UTF-8 text")],
                         returns: [.init(.string, "the text in lower case, NFC")], since: "0.1") { call in
                call.returning(VietnameseText.nfc(try call.string(1).lowercased()))
            }
            HostFunction("trim", "The text without spaces, tabs and line breaks at either end.",
                         parameters: [.init("s", .string, "any UTF-8 text")],
                         returns: [.init(.string, "the trimmed text")], since: "0.1") { call in
                call.returning(try call.string(1).trimmingCharacters(in: .whitespacesAndNewlines))
            }
            HostFunction("format_number", "A number in the Vietnamese style: 4266 → \"4.266\", 1234.5 → \"1.234,5\".",
                         parameters: [.init("n", .number, "the number"),
                                      .init("opts", "NumberFormatOptions?",
                                            "{decimals = digits after the mark (default: up to 2, trailing zeros dropped), decimal = \",\" or \".\"}")],
                         returns: [.init(.string, "the formatted number")], since: "0.1") { call in
                let value = try call.number(1)
                guard value.isFinite else { throw call.argumentError(1, "the number must be finite") }
                let options = try OptionsTable(call, 2, allowed: ["decimals", "decimal"])
                let mark = try Self.decimalMark(options)
                let decimals = try options.integer("decimals")
                if let decimals, !(0...9).contains(decimals) {
                    throw options.error("decimals", "must be between 0 and 9")
                }
                // Without `decimals`: whole numbers as they are, others to two decimals, trimmed.
                return call.returning(Self.number(value, decimals: decimals ?? 2, trimZeros: decimals == nil, mark: mark))
            }
            HostFunction("format_percent", "A percentage as reports print it: 98.7 → \"98,7%\", 83.2412 → \"83,24%\", 100 → \"100%\".",
                         parameters: [.init("percent", .number, "the rate in percent (98.7 for 98.7%)"),
                                      .init("opts", "PercentFormatOptions?", "{decimal = \",\" or \".\"}")],
                         returns: [.init(.string, "rounded to two decimals, without trailing zeros")], since: "0.1") { call in
                let value = try call.number(1)
                guard value.isFinite, value >= 0 else {
                    throw call.argumentError(1, "a rate must be a finite number, not negative")
                }
                let options = try OptionsTable(call, 2, allowed: ["decimal"])
                let format = VietnameseFormat(decimalMark: try Self.decimalMark(options))
                return call.returning(format.percent(basisPoints: Int((value * 100).rounded(.toNearestOrAwayFromZero))))
            }
            HostFunction("format_date", "A time as text in the centre's zone: \"dd/MM/yyyy\" by default.",
                         parameters: [.init("t", "integer|string", "the time"),
                                      .init("pattern", HostType.string.optional,
                                            "letters d dd M MM yyyy yy H HH mm ss, or a style: table, prose, datetime, iso")],
                         returns: [.init(.string, "the formatted date")], since: "0.1") { call in
                let instant = try call.time(1, in: time)
                let pattern = try call.optional(2, as: String.self) ?? "dd/MM/yyyy"
                return call.returning(DatePattern(pattern: pattern).format(instant, in: time))
            }
            HostFunction("parse_date", "Reads a date or date-time as a time: \"25/05/2026\", \"25/05/2026 17:00\", \"2026-05-25T17:00\".",
                         parameters: [.init("s", .string, "the text; without a zone it is the centre's wall time")],
                         returns: [.init(HostType.integer.optional, "the time, or nil when the text is not a date"),
                                   .init(HostType.string.optional, "why it is not, when it is not")], since: "0.1") { call in
                do {
                    return call.returning(HostTime.seconds(try time.instant(parsing: try call.string(1))))
                } catch let error as DateParseError {
                    return call.returning(Int64?.none, error.description)
                }
            }
        }
    }

    private static func decimalMark(_ options: OptionsTable) throws -> VietnameseFormat.DecimalMark {
        switch try options.string("decimal") {
        case nil, ",": .comma
        case ".": .point
        case let other?: throw options.error("decimal", "'\(other)' is not \",\" or \".\"")
        }
    }

    /// `value` with `decimals` digits after the mark (trailing zeros dropped when `trimZeros`).
    static func number(_ value: Double, decimals: Int, trimZeros: Bool, mark: VietnameseFormat.DecimalMark) -> String {
        let scale = pow(10.0, Double(decimals))
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        let whole = Int(scaled / scale)
        var fraction = decimals == 0 ? "" : String(Int(scaled.truncatingRemainder(dividingBy: scale)))
        fraction = String(repeating: "0", count: max(0, decimals - fraction.count)) + fraction
        if trimZeros { while fraction.hasSuffix("0") { fraction.removeLast() } }
        let sign = value < 0 && scaled > 0 ? "-" : ""
        return sign + VietnameseFormat().integer(whole) + (fraction.isEmpty ? "" : (mark == .comma ? "," : ".") + fraction)
    }
}
