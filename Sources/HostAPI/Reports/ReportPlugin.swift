import Foundation
import LuaBridge
import Sandbox

/// A report plugin: a folder with `manifest.lua` and its entry module (see `docs/plugins.md`).
///
/// This is the report runner's own reading of the manifest, limited to what a report needs
/// (name, entry, read grants, personal data, declared options).
public struct ReportPlugin: Sendable {
    /// An option the report takes (`hostrun report NAME --option name=value`), declared in the
    /// manifest so that the host can check it, convert it and grant the files it names.
    public struct Option: Sendable, Equatable {
        public enum Kind: String, Sendable, CaseIterable {
            case string, integer, boolean
            /// A path the report reads: the host grants reading it. `$PLUGIN/` at its start is
            /// the plugin's folder (for a bundled default).
            case file
        }

        public var name: String
        public var kind: Kind
        public var defaultValue: String?
        public var description: String
        /// The only values accepted, when the option is a choice.
        public var values: [String]?
    }

    public var name: String
    /// The plugin's folder, absolute.
    public var folder: String
    public var version: String
    public var description: String
    /// The entry file, relative to the folder (`init.lua`).
    public var entry: String
    /// Paths the report may read besides its file options, resolved (`$PLUGIN` is the folder).
    public var readPaths: [String]
    public var personalData: Bool
    /// Declared options, by name.
    public var options: [Option]

    /// The manifest's path, as messages name it.
    public var manifestPath: String { folder + "/manifest.lua" }

    /// The entry as a `require` name (`init.lua` → `init`, `lib/main.lua` → `lib.main`).
    var entryModule: String {
        String(entry.dropLast(entry.hasSuffix(".lua") ? 4 : 0)).replacingOccurrences(of: "/", with: ".")
    }

    /// Reads `folder/manifest.lua`: evaluated in an empty sandbox with tiny limits, so it may
    /// hold comments and computed values but reach nothing.
    public static func load(folder: String) throws(ReportError) -> ReportPlugin {
        let path = folder + "/manifest.lua"
        func fail(_ reason: String) -> ReportError { .badManifest(file: path, reason: reason) }
        guard let data = FileManager.default.contents(atPath: path) else { throw fail("cannot read it") }
        let source = String(decoding: data, as: UTF8.self)
        let table: LuaTable
        do {
            let sandbox = try Sandbox(limits: Limits(memory: 1 << 20, instructions: 1_000_000, wallTime: 1, output: 0))
            sandbox.state.memoryLimit = 1 << 20
            sandbox.state.instructionLimit = 1_000_000
            sandbox.state.setTimeLimit(seconds: 1)
            let values = try sandbox.state.execute(source, name: "@" + path)
            guard case .table(let result)? = values.first else { throw fail("must return a table") }
            table = result
        } catch let error as ReportError {
            throw error
        } catch {
            throw fail("\(error)")
        }
        return try ReportPlugin(table, folder: folder, fail: fail)
    }

    private init(_ table: LuaTable, folder: String, fail: (String) -> ReportError) throws(ReportError) {
        func text(_ key: String, in table: LuaTable, default value: String? = nil) throws(ReportError) -> String {
            if let string = table[key].stringValue { return string }
            if table[key] == .nil, let value { return value }
            throw fail("'\(key)' must be a string")
        }
        let folderName = (folder as NSString).lastPathComponent
        name = try text("name", in: table)
        guard name == folderName else { throw fail("name '\(name)' differs from its folder's name '\(folderName)'") }
        guard try text("kind", in: table) == "report" else { throw fail("kind must be \"report\" for a report") }
        self.folder = folder
        version = try text("version", in: table, default: "0")
        description = try text("description", in: table, default: "")
        entry = try text("entry", in: table, default: "init.lua")
        guard entry.hasSuffix(".lua"), !entry.contains(".."), !entry.hasPrefix("/") else {
            throw fail("entry '\(entry)' must be a .lua file inside the plugin's folder")
        }
        var capabilities = LuaTable()
        if case .table(let given) = table["capabilities"] { capabilities = given }
        else if table["capabilities"] != .nil { throw fail("'capabilities' must be a table") }
        readPaths = []
        if capabilities["read"] != .nil {
            guard case .table(let list) = capabilities["read"], list.fields.isEmpty,
                  list.sequence.allSatisfy({ $0.stringValue != nil }) else {
                throw fail("capabilities.read must be an array of paths")
            }
            readPaths = list.sequence.compactMap(\.stringValue).map { Self.resolve($0, folder: folder) }
        }
        personalData = capabilities["personal_data"].isTruthy
        if capabilities["store_write"].isTruthy { throw fail("a report cannot be granted store_write") }
        options = []
        if case .table(let declared) = table["options"] {
            for (key, value) in declared.fields {
                guard case .string(let optionName) = key, let optionName = optionName.utf8,
                      case .table(let spec) = value else {
                    throw fail("options must map names to {kind =, default =, description =}")
                }
                options.append(try Self.option(optionName, spec, fail: fail))
            }
            options.sort { $0.name < $1.name }
        } else if table["options"] != .nil {
            throw fail("'options' must be a table")
        }
    }

    private static func option(_ name: String, _ spec: LuaTable, fail: (String) -> ReportError) throws(ReportError) -> Option {
        var kind = Option.Kind.string
        if spec["kind"] != .nil {
            guard let text = spec["kind"].stringValue, let known = Option.Kind(rawValue: text) else {
                throw fail("options.\(name).kind must be one of " + Option.Kind.allCases.map(\.rawValue).joined(separator: ", "))
            }
            kind = known
        }
        let defaultValue: String?
        switch spec["default"] {
        case .nil: defaultValue = nil
        case .boolean(let b): defaultValue = b ? "true" : "false"
        case .integer(let i): defaultValue = String(i)
        case let value:
            guard let text = value.stringValue else { throw fail("options.\(name).default must be a string, integer or boolean") }
            defaultValue = text
        }
        var values: [String]?
        if case .table(let list) = spec["values"] {
            values = list.sequence.compactMap(\.stringValue)
        }
        return Option(name: name, kind: kind, defaultValue: defaultValue,
                      description: spec["description"].stringValue ?? "", values: values)
    }

    /// `$PLUGIN` and `$PLUGIN/...` name the plugin's folder; other paths are the operator's,
    /// relative to the current folder.
    static func resolve(_ path: String, folder: String) -> String {
        if path == "$PLUGIN" { return folder }
        if path.hasPrefix("$PLUGIN/") { return folder + "/" + path.dropFirst("$PLUGIN/".count) }
        return path
    }
}
