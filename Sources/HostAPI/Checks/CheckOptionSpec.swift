import Foundation
import LuaBridge

/// One option a check declares in its entry module's `options` table, so that the host can
/// check and convert what the operator gives before the check runs:
///
/// ```lua
/// M.options = {
///   days = { type = "integer", default = 2, help = "working days ahead to look" },
///   departments = { type = "strings", help = "only these departments" },
/// }
/// ```
///
/// Types: `integer`, `number`, `string`, `boolean`, `strings` (a list of strings; on the
/// command line `a,b,c`) and `map` (names to strings; on the command line `k=v,k2=v2`).
public struct CheckOptionSpec: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case integer, number, string, boolean, strings, map
    }

    public var name: String
    public var kind: Kind
    public var help: String
    /// The value when the option is not given; `nil` leaves the option absent (nil in Lua).
    public var defaultValue: CheckOptionValue?

    /// Reads the declaration of option `name` from the entry module's `options` table.
    init(name: String, declaration: LuaValue) throws(CheckOptionError) {
        let path = "options." + name
        guard case .table(let table) = declaration else {
            throw CheckOptionError(option: path, reason: "the declaration must be a table {type = ..., default = ..., help = ...}")
        }
        for key in table.fields.keys {
            guard case .string(let s) = key, ["type", "default", "help"].contains(s.description) else {
                throw CheckOptionError(option: path, reason: "unknown field '\(key.pathComponent)' in the declaration (type, default, help)")
            }
        }
        guard let typeName = table["type"].stringValue, let kind = Kind(rawValue: typeName) else {
            throw CheckOptionError(option: path, reason: "type must be one of " + Kind.allCases.map(\.rawValue).joined(separator: ", "))
        }
        self.name = name
        self.kind = kind
        help = table["help"].stringValue ?? ""
        if table["default"] == .nil {
            defaultValue = nil
        } else {
            let given = try CheckOptionValue(lua: table["default"], path: path + ".default")
            defaultValue = try Self.read(given, as: kind, option: path + ".default")
        }
    }

    /// The value of this option for a run: what was given, read as the declared type, else the
    /// default.
    func value(_ given: CheckOptionValue?) throws(CheckOptionError) -> CheckOptionValue? {
        guard let given else { return defaultValue }
        return try Self.read(given, as: kind, option: name)
    }

    /// `value` as `kind`: command-line text is parsed, typed values must already fit.
    static func read(_ value: CheckOptionValue, as kind: Kind, option: String) throws(CheckOptionError) -> CheckOptionValue {
        func fail(_ expected: String) -> CheckOptionError {
            CheckOptionError(option: option, reason: "expected \(expected), got \(value)")
        }
        switch (kind, value) {
        case (.integer, .integer): return value
        case (.integer, .number(let d)):
            guard let i = Int64(exactly: d) else { throw fail("a whole number") }
            return .integer(i)
        case (.integer, .commandLine(let text)):
            guard let i = Int64(text.trimmingCharacters(in: .whitespaces)) else { throw fail("a whole number") }
            return .integer(i)
        case (.number, .integer(let i)): return .number(Double(i))
        case (.number, .number): return value
        case (.number, .commandLine(let text)):
            guard let d = Double(text.trimmingCharacters(in: .whitespaces)), d.isFinite else { throw fail("a number") }
            return .number(d)
        case (.string, .string): return value
        case (.string, .commandLine(let text)): return .string(text)
        case (.boolean, .boolean): return value
        case (.boolean, .commandLine(let text)):
            switch text.trimmingCharacters(in: .whitespaces).lowercased() {
            case "true", "yes", "1": return .boolean(true)
            case "false", "no", "0": return .boolean(false)
            default: throw fail("true or false")
            }
        case (.strings, .string(let text)): return .list([.string(text)])
        case (.strings, .list(let values)):
            return .list(try values.enumerated().map { (offset, element) throws(CheckOptionError) -> CheckOptionValue in
                guard case .string = element else {
                    throw CheckOptionError(option: "\(option)[\(offset + 1)]", reason: "expected a string, got \(element)")
                }
                return element
            })
        case (.strings, .commandLine(let text)):
            return .list(text.split(separator: ",").map { .string($0.trimmingCharacters(in: .whitespaces)) }
                .filter { $0 != .string("") })
        case (.map, .list(let values)) where values.isEmpty:
            // `{}` in Lua is both an empty list and an empty table.
            return .table([:])
        case (.map, .table(let fields)):
            for (key, element) in fields {
                guard case .string = element else {
                    throw CheckOptionError(option: "\(option).\(key)", reason: "expected a string, got \(element)")
                }
            }
            return value
        case (.map, .commandLine(let text)):
            var fields: [String: CheckOptionValue] = [:]
            for entry in text.split(separator: ",") {
                guard let equals = entry.firstIndex(of: "=") else { throw fail("name=value pairs separated by commas") }
                let key = entry[..<equals].trimmingCharacters(in: .whitespaces)
                guard !key.isEmpty else { throw fail("name=value pairs separated by commas") }
                fields[key] = .string(entry[entry.index(after: equals)...].trimmingCharacters(in: .whitespaces))
            }
            return .table(fields)
        default:
            throw fail(kind.expectation)
        }
    }
}

extension CheckOptionSpec.Kind {
    /// What a value of this kind looks like, for messages.
    var expectation: String {
        switch self {
        case .integer: "a whole number"
        case .number: "a number"
        case .string: "a string"
        case .boolean: "true or false"
        case .strings: "a list of strings"
        case .map: "a table of names to strings"
        }
    }
}
