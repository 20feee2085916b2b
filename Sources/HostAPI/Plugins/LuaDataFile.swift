import Foundation
import LuaBridge
import Sandbox

/// A configuration file written in Lua (a plugin's `manifest.lua`, the operator's policy), as
/// busted's `.busted` and LuaRocks' rockspecs are: a chunk that returns a table.
///
/// It runs in an empty sandbox (no host modules, no files, no `require`) with tiny limits, so a
/// manifest can compute a value but can reach nothing and cannot hang the host.
enum LuaDataFile {
    static let limits = Limits(memory: 4 << 20, instructions: 1_000_000, wallTime: 2, output: 64 << 10)

    /// The table the file returns.
    static func evaluate(_ path: String, display: String) throws(PluginManifestError) -> LuaTable {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PluginManifestError(file: display, field: nil, reason: "cannot be read")
        }
        do {
            let sandbox = try Sandbox(limits: limits, capabilities: .none, output: CapturedOutput())
            let state = sandbox.state
            let chunk = try state.load(Array(data), name: "@" + display)
            sandbox.startLimits()
            let results = try state.call(chunk)
            guard case .table(let table)? = results.first else {
                throw PluginManifestError(file: display, field: nil,
                                          reason: "must return a table, returned \(results.first?.type.name ?? "nothing")")
            }
            return table
        } catch let error as LuaError {
            throw PluginManifestError(file: display, field: nil, reason: error.message)
        } catch let error as PluginManifestError {
            throw error
        } catch {
            throw PluginManifestError(file: display, field: nil, reason: "\(error)")
        }
    }
}

/// A manifest or policy file that is not valid, naming the file and the field:
/// `Plugins/x/manifest.lua: capabilities.read[2]: expected a string, got number`.
public struct PluginManifestError: Error, CustomStringConvertible, Sendable, Equatable {
    public var file: String
    /// The dotted path of the field (`capabilities.read[2]`), or nil for the whole file.
    public var field: String?
    public var reason: String

    public init(file: String, field: String?, reason: String) {
        self.file = file
        self.field = field
        self.reason = reason
    }

    public var description: String {
        // A Lua error already starts with the file's name.
        if field == nil && reason.hasPrefix(file + ":") { return reason }
        return "\(file): " + (field.map { "\($0): " } ?? "") + reason
    }
}

/// Reads typed fields of a data file's table, each error naming the field's path.
struct DataTableReader {
    let file: String
    let table: LuaTable
    let path: String

    func child(_ key: String, _ table: LuaTable) -> DataTableReader {
        DataTableReader(file: file, table: table, path: name(key))
    }

    func name(_ key: String) -> String { path.isEmpty ? key : path + "." + key }

    func error(_ key: String?, _ reason: String) -> PluginManifestError {
        PluginManifestError(file: file, field: key.map(name) ?? (path.isEmpty ? nil : path), reason: reason)
    }

    /// Refuses fields outside `allowed`, so a misspelt one is not silently ignored.
    func onlyFields(_ allowed: [String]) throws(PluginManifestError) {
        for key in table.fields.keys {
            guard case .string(let s) = key, allowed.contains(s.description) else {
                throw error(nil, "unknown field '\(key.pathComponent)' (expected \(allowed.joined(separator: ", ")))")
            }
        }
        if !table.sequence.isEmpty { throw error(nil, "unexpected array entries; expected named fields") }
    }

    func string(_ key: String, required: Bool) throws(PluginManifestError) -> String? {
        switch table[key] {
        case .nil:
            if required { throw error(key, "is required (a string)") }
            return nil
        case .string(let s):
            guard let text = s.utf8, !text.isEmpty else { throw error(key, "expected a non-empty UTF-8 string") }
            return text
        case let other: throw error(key, "expected a string, got \(other.type.name)")
        }
    }

    func boolean(_ key: String) throws(PluginManifestError) -> Bool? {
        switch table[key] {
        case .nil: return nil
        case .boolean(let b): return b
        case let other: throw error(key, "expected a boolean, got \(other.type.name)")
        }
    }

    func table(_ key: String) throws(PluginManifestError) -> LuaTable? {
        switch table[key] {
        case .nil: return nil
        case .table(let t): return t
        case let other: throw error(key, "expected a table, got \(other.type.name)")
        }
    }

    /// An array of strings (`{"a", "b"}`), each checked by `valid`.
    func strings(_ key: String, valid: (String) -> String?) throws(PluginManifestError) -> [String] {
        guard let list = try table(key) else { return [] }
        if !list.fields.isEmpty { throw error(key, "expected an array of strings") }
        var result: [String] = []
        for (offset, value) in list.sequence.enumerated() {
            let field = "\(key)[\(offset + 1)]"
            guard case .string(let s) = value, let text = s.utf8 else {
                throw error(field, "expected a string, got \(value.type.name)")
            }
            if let problem = valid(text) { throw error(field, problem) }
            result.append(text)
        }
        return result
    }
}
