import Foundation
import LuaBridge

/// An option value given to a check, before the check's declared option types read it.
///
/// Values come from two places: `--option days=3` on the command line (``commandLine(_:)``:
/// text, read according to the option's declared type) and a schedule configuration written in
/// Lua (typed values). Sendable, so a configuration read once can start runs on any thread.
public indirect enum CheckOptionValue: Sendable, Hashable, CustomStringConvertible {
    case boolean(Bool)
    case integer(Int64)
    case number(Double)
    case string(String)
    case list([CheckOptionValue])
    case table([String: CheckOptionValue])
    /// Text from `--option name=text`.
    case commandLine(String)

    public var description: String {
        switch self {
        case .boolean(let b): "\(b)"
        case .integer(let i): "\(i)"
        case .number(let d): "\(d)"
        case .string(let s), .commandLine(let s): "\"\(s)\""
        case .list(let values): "{" + values.map(\.description).joined(separator: ", ") + "}"
        case .table(let fields):
            "{" + fields.sorted { $0.key < $1.key }.map { "\($0.key) = \($0.value)" }.joined(separator: ", ") + "}"
        }
    }

    /// The value as `--option name=...` writes it: `2`, `24`, `received,processing`, `a=1,b=2`.
    public var commandLineText: String {
        switch self {
        case .boolean(let b): "\(b)"
        case .integer(let i): "\(i)"
        case .number(let d): d == d.rounded() && abs(d) < 1e15 ? "\(Int64(d))" : "\(d)"
        case .string(let s), .commandLine(let s): s
        case .list(let values): values.map(\.commandLineText).joined(separator: ",")
        case .table(let fields): fields.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.commandLineText)" }.joined(separator: ",")
        }
    }

    /// The value as Lua sees it; command-line text stays text.
    public var luaValue: LuaValue {
        switch self {
        case .boolean(let b): .boolean(b)
        case .integer(let i): .integer(i)
        case .number(let d): .number(d)
        case .string(let s), .commandLine(let s): .string(LuaString(s))
        case .list(let values): .table(LuaTable(sequence: values.map(\.luaValue)))
        case .table(let fields):
            .table(LuaTable(fields: Dictionary(uniqueKeysWithValues: fields.map {
                (LuaKey.string(LuaString($0.key)), $0.value.luaValue)
            })))
        }
    }

    /// A plain Lua value (booleans, numbers, UTF-8 strings, and tables of them) as an option
    /// value; `path` names it in the error.
    public init(lua value: LuaValue, path: String) throws(CheckOptionError) {
        switch value {
        case .boolean(let b): self = .boolean(b)
        case .integer(let i): self = .integer(i)
        case .number(let d): self = .number(d)
        case .string(let s):
            guard let text = s.utf8 else { throw CheckOptionError(option: path, reason: "is not valid UTF-8") }
            self = .string(text)
        case .table(let table):
            if table.fields.isEmpty {
                var values: [CheckOptionValue] = []
                for (offset, element) in table.sequence.enumerated() {
                    values.append(try CheckOptionValue(lua: element, path: "\(path)[\(offset + 1)]"))
                }
                self = .list(values)
                return
            }
            guard table.sequence.isEmpty else {
                throw CheckOptionError(option: path, reason: "mixes a list and named fields")
            }
            var fields: [String: CheckOptionValue] = [:]
            for (key, element) in table.fields {
                guard case .string(let name) = key, let text = name.utf8 else {
                    throw CheckOptionError(option: path, reason: "field \(key.pathComponent): names must be strings")
                }
                fields[text] = try CheckOptionValue(lua: element, path: path + "." + text)
            }
            self = .table(fields)
        default:
            throw CheckOptionError(option: path, reason: "a \(value.type.name) cannot be an option (booleans, numbers, strings and tables of them)")
        }
    }

    /// Reads `--option` assignments (`name=value`, split at the first `=`), the last one of a
    /// name winning, as a shell user expects.
    public static func parse(assignments: [String]) throws(CheckOptionError) -> [String: CheckOptionValue] {
        var options: [String: CheckOptionValue] = [:]
        for assignment in assignments {
            guard let equals = assignment.firstIndex(of: "=") else {
                throw CheckOptionError(option: assignment, reason: "expected name=value")
            }
            let name = String(assignment[..<equals]).trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else { throw CheckOptionError(option: assignment, reason: "the name before '=' is empty") }
            options[name] = .commandLine(String(assignment[assignment.index(after: equals)...]))
        }
        return options
    }
}

/// An option a check cannot take as given, naming the option:
/// `option 'days': expected a whole number, got "three"`.
public struct CheckOptionError: Error, Sendable, Equatable, CustomStringConvertible {
    public var option: String
    public var reason: String

    public init(option: String, reason: String) {
        self.option = option
        self.reason = reason
    }

    public var description: String { "option '\(option)': \(reason)" }
}
