import Foundation
import LuaBridge
import Sandbox

/// One plugin loaded in its own sandbox, with its grants: the entry file has run and returned
/// its table of functions, which runners call by name.
///
/// ```swift
/// let session = try host.open(plugin, placeholders: ["OUTPUT": ["report.md"]])
/// let results = try session.call("run", [period, options])
/// ```
public final class PluginSession {
    public let plugin: InstalledPlugin
    public let grants: PluginGrants
    public let sandbox: Sandbox
    public let environment: HostEnvironment
    /// What the entry file returned.
    public let exports: LuaTable

    init(plugin: InstalledPlugin, grants: PluginGrants, environment: HostEnvironment, limits: Limits,
         output: OutputSink) throws(PluginError) {
        self.plugin = plugin
        self.grants = grants
        self.environment = environment
        let display = plugin.manifest.name + "/" + plugin.manifest.entry
        do {
            sandbox = try environment.makeSandbox(limits: limits, output: output, moduleFolder: plugin.folder,
                                                  moduleNamePrefix: plugin.manifest.name + "/")
            let state = sandbox.state
            guard let source = FileManager.default.contents(atPath: plugin.entryPath) else {
                throw PluginError.cannotRead(display)
            }
            let chunk = try state.load(Array(source), name: "@" + display)
            sandbox.startLimits()
            guard case .table(let table)? = try state.call(chunk).first else {
                throw PluginError.entryReturnedNoTable(display)
            }
            exports = table
        } catch let error as PluginError {
            throw error
        } catch let error as LuaError {
            throw PluginError.lua(plugin: plugin.manifest.name, error)
        } catch {
            throw PluginError.lua(plugin: plugin.manifest.name, LuaError(.runtime, "\(error)"))
        }
    }

    /// The exported function `name`.
    public func function(_ name: String) throws(PluginError) -> LuaReference {
        guard case .function(let function) = exports[name] else {
            throw PluginError.missingFunction(plugin: plugin.manifest.name, name)
        }
        return function
    }

    /// Calls the exported function `name` under the plugin's limits.
    public func call(_ name: String, _ arguments: [LuaValue] = []) throws(PluginError) -> [LuaValue] {
        let function = try self.function(name)
        defer { sandbox.output.flush() }
        do {
            return try sandbox.state.call(function, arguments)
        } catch {
            throw PluginError.lua(plugin: plugin.manifest.name, error)
        }
    }
}

/// A plugin could not be run as asked.
public enum PluginError: Error, CustomStringConvertible, Sendable {
    case notFound(String)
    case wrongKind(plugin: String, expected: PluginManifest.Kind, actual: PluginManifest.Kind)
    case storeWriteNotGranted(plugin: String)
    case cannotRead(String)
    case entryReturnedNoTable(String)
    case missingFunction(plugin: String, String)
    case lua(plugin: String, LuaError)
    /// `--strict`: rejected records abort the whole import; here they all are.
    case rejected([ConnectorRejection])
    case store(String)

    public var description: String {
        switch self {
        case .notFound(let name): "no plugin named '\(name)' (see `hostrun plugins`)"
        case let .wrongKind(plugin, expected, actual): "plugin '\(plugin)' is a \(actual), not a \(expected)"
        case .storeWriteNotGranted(let plugin):
            "plugin '\(plugin)' may not write to the store: its manifest must ask for store_write, and the operator's policy allow it"
        case .cannotRead(let file): "\(file): cannot be read"
        case .entryReturnedNoTable(let file): "\(file): must return a table of the plugin's functions"
        case let .missingFunction(plugin, name): "plugin '\(plugin)' has no function '\(name)' in the table its entry returns"
        case let .lua(plugin, error): "plugin '\(plugin)': \(error)"
        case .rejected(let rejections):
            "strict import: \(rejections.count) record\(rejections.count == 1 ? "" : "s") rejected, nothing written:\n"
                + rejections.map { "  \($0)" }.joined(separator: "\n")
        case .store(let message): message
        }
    }
}
