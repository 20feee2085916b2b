import Foundation

/// Reads one table of the configuration, field by field, and refuses fields it was not asked
/// about, so that a typo (`shedule`) is an error rather than a silently ignored setting.
struct ConfigReader {
    let source: String
    /// Where this table is, prefixed to the fields in errors.
    var path: String
    private let fields: [String: ConfigValue]
    private var read: Set<String> = []

    init(_ value: ConfigValue, source: String, path: String) throws(ConfigError) {
        self.source = source
        self.path = path
        switch value {
        case .table(let fields): self.fields = fields
        case .list(let items) where items.isEmpty: fields = [:]
        default: throw ConfigError(source: source, path: path,
                                   message: "expected a table, found \(value.typeNameWithArticle)")
        }
    }

    func error(_ key: String?, _ message: String) -> ConfigError {
        ConfigError(source: source, path: key.map { path.isEmpty ? $0 : "\(path).\($0)" } ?? path,
                    message: message)
    }

    var keys: [String] { fields.keys.sorted() }

    mutating func value(_ key: String) -> ConfigValue? {
        read.insert(key)
        return fields[key]
    }

    mutating func string(_ key: String) throws(ConfigError) -> String? {
        guard let value = value(key) else { return nil }
        guard case .string(let text) = value else {
            throw error(key, "expected a string, found \(value.typeNameWithArticle)")
        }
        return text
    }

    mutating func requiredString(_ key: String) throws(ConfigError) -> String {
        guard let text = try string(key) else { throw error(key, "is required") }
        guard !text.isEmpty else { throw error(key, "must not be empty") }
        return text
    }

    mutating func integer(_ key: String, in range: ClosedRange<Int>) throws(ConfigError) -> Int? {
        guard let value = value(key) else { return nil }
        let number: Int
        switch value {
        case .integer(let n): number = n
        case .number(let d) where d == d.rounded() && abs(d) < 1e15: number = Int(d)
        default: throw error(key, "expected a whole number, found \(ConfigReader.show(value))")
        }
        guard range.contains(number) else {
            throw error(key, "must be from \(range.lowerBound) to \(range.upperBound), found \(number)")
        }
        return number
    }

    /// A duration: seconds as a number, or text such as `90s`, `15m`, `12h`, `1d`, `1h30m`.
    mutating func duration(_ key: String) throws(ConfigError) -> TimeInterval? {
        guard let value = value(key) else { return nil }
        let seconds: Double?
        switch value {
        case .integer(let n): seconds = Double(n)
        case .number(let d): seconds = d
        case .string(let text): seconds = ConfigReader.parseDuration(text)
        default: seconds = nil
        }
        guard let seconds, seconds > 0, seconds.isFinite else {
            throw error(key, "expected a duration above zero such as 90s, 15m, 12h or 1d, "
                            + "found \(ConfigReader.show(value))")
        }
        return seconds
    }

    /// A list of strings; a single string is taken as a list of one.
    mutating func strings(_ key: String) throws(ConfigError) -> [String]? {
        guard let value = value(key) else { return nil }
        switch value {
        case .string(let text): return [text]
        case .table(let fields) where fields.isEmpty: return []
        case .list(let items):
            var strings: [String] = []
            for (i, item) in items.enumerated() {
                guard case .string(let text) = item else {
                    throw error("\(key)[\(i + 1)]", "expected a string, found \(item.typeNameWithArticle)")
                }
                strings.append(text)
            }
            return strings
        default:
            throw error(key, "expected a list of strings, found \(value.typeNameWithArticle)")
        }
    }

    /// A table of string values (HTTP headers).
    mutating func stringTable(_ key: String) throws(ConfigError) -> [String: String]? {
        guard let value = value(key) else { return nil }
        var reader = try ConfigReader(value, source: source,
                                      path: path.isEmpty ? key : "\(path).\(key)")
        var result: [String: String] = [:]
        for name in reader.keys {
            result[name] = try reader.string(name)
        }
        return result
    }

    /// Fails on any field that was never asked for.
    func finish() throws(ConfigError) {
        if let unknown = fields.keys.sorted().first(where: { !read.contains($0) }) {
            throw error(unknown, "unknown field")
        }
    }

    static func parseDuration(_ text: String) -> Double? {
        let units: [Character: Double] = ["s": 1, "m": 60, "h": 3600, "d": 86_400, "w": 604_800]
        var total = 0.0
        var digits = ""
        for character in text.trimmingCharacters(in: .whitespaces) {
            if character.isASCII, character.isNumber {
                digits.append(character)
            } else if let unit = units[character], let n = Double(digits) {
                total += n * unit
                digits = ""
            } else {
                return nil
            }
        }
        return digits.isEmpty && total > 0 ? total : nil
    }

    static func show(_ value: ConfigValue) -> String {
        switch value {
        case .string(let s): "\"\(s)\""
        case .integer(let n): "\(n)"
        case .number(let d): "\(d)"
        case .boolean(let b): "\(b)"
        case .list, .table: value.typeNameWithArticle
        }
    }
}
