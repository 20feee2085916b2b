import Domain
import Foundation
import LuaBridge

/// An option a report declares in its entry module (`M.options`), so that the host can check
/// what the operator typed (`--option decimal=.`), convert it and fill in its default:
///
/// ```lua
/// M.options = {
///   text = { kind = "file", default = "$PLUGIN/noi-dung.txt", description = "..." },
///   decimal = { values = { ".", "," }, default = ".", description = "..." },
///   soon = { kind = "integer", default = 2, description = "..." },
/// }
/// ```
public struct ReportOption: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case string, integer, boolean
        /// A path the report reads. `$PLUGIN/` at its start is the plugin's folder (for a
        /// bundled default, granted by `read = { "$PLUGIN" }`); a path the operator gives is
        /// granted as a `$SOURCE` of the run.
        case file
    }

    public var name: String
    public var kind: Kind
    public var defaultValue: String?
    public var description: String
    /// The only values accepted, for a choice.
    public var values: [String]?

    /// The options `M.options` declares, sorted by name (none when it is nil).
    static func declared(_ value: LuaValue, report: String, entry: String) throws(ReportError) -> [ReportOption] {
        func fail(_ reason: String) -> ReportError { .badEntry(report: report, reason: "\(entry): M.options\(reason)") }
        if value == .nil { return [] }
        guard case .table(let table) = value, table.sequence.isEmpty else {
            throw fail(" must map option names to {kind =, default =, description =, values =}")
        }
        var options: [ReportOption] = []
        for (key, spec) in table.fields {
            guard case .string(let text) = key, let name = text.utf8, case .table(let fields) = spec else {
                throw fail(": \(key.pathComponent) must be a name with a table {kind =, default =, description =}")
            }
            options.append(try option(name, fields, fail: fail))
        }
        return options.sorted { $0.name < $1.name }
    }

    private static func option(_ name: String, _ spec: LuaTable, fail: (String) -> ReportError) throws(ReportError) -> ReportOption {
        for key in spec.fields.keys {
            guard case .string(let field) = key, ["kind", "default", "description", "values"].contains(field.utf8 ?? "") else {
                throw fail(".\(name): unknown field \(key.pathComponent) (kind, default, description, values)")
            }
        }
        var kind = Kind.string
        if spec["kind"] != .nil {
            guard let text = spec["kind"].stringValue, let known = Kind(rawValue: text) else {
                throw fail(".\(name).kind: one of " + Kind.allCases.map(\.rawValue).joined(separator: ", "))
            }
            kind = known
        }
        let defaultValue: String?
        switch spec["default"] {
        case .nil: defaultValue = nil
        case .boolean(let b): defaultValue = b ? "true" : "false"
        case .integer(let i): defaultValue = String(i)
        case let value:
            guard let text = value.stringValue else { throw fail(".\(name).default: a string, integer or boolean") }
            defaultValue = text
        }
        var values: [String]?
        if spec["values"] != .nil {
            guard case .table(let list) = spec["values"], list.fields.isEmpty, !list.sequence.isEmpty,
                  list.sequence.allSatisfy({ $0.stringValue != nil }) else {
                throw fail(".\(name).values: a non-empty array of strings")
            }
            values = list.sequence.compactMap(\.stringValue)
        }
        return ReportOption(name: name, kind: kind, defaultValue: defaultValue,
                            description: spec["description"].stringValue ?? "", values: values)
    }

    /// The table `M.build` receives: the given values converted, defaults filled in.
    static func resolve(_ declared: [ReportOption], given: [String: String], report: String,
                        folder: String) throws(ReportError) -> LuaTable {
        let byName = Dictionary(declared.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        for name in given.keys.sorted() where byName[name] == nil {
            let known = declared.map(\.name)
            throw .badOption(report: report, option: name, reason: "not an option of this report ("
                             + (known.isEmpty ? "it has none" : "options: " + known.joined(separator: ", ")) + ")")
        }
        var table = LuaTable()
        for option in declared {
            guard let text = given[option.name] ?? option.defaultValue else { continue }
            func fail(_ reason: String) -> ReportError { .badOption(report: report, option: option.name, reason: reason) }
            if let values = option.values, !values.contains(text) {
                throw fail("'\(text)' is not one of " + values.joined(separator: ", "))
            }
            switch option.kind {
            case .string:
                table[option.name] = .string(LuaString(VietnameseText.nfc(text)))
            case .integer:
                guard let value = Int64(text) else { throw fail("'\(text)' is not a whole number") }
                table[option.name] = .integer(value)
            case .boolean:
                switch text.lowercased() {
                case "true", "yes", "1": table[option.name] = .boolean(true)
                case "false", "no", "0": table[option.name] = .boolean(false)
                default: throw fail("'\(text)' is not true or false")
                }
            case .file:
                let path = text.hasPrefix("$PLUGIN/") ? folder + "/" + text.dropFirst("$PLUGIN/".count) : text
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
                    throw fail("no such file: \(path)")
                }
                table[option.name] = .string(LuaString(path))
            }
        }
        return table
    }
}
