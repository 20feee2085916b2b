import Foundation
import LuaBridge
import Sandbox
import Scheduling

/// A check plugin loaded in its own sandbox: its entry module has run and returned
/// `{run = function(options) ... end, options = {...}, validation = true|nil}`.
struct LoadedCheck {
    let session: PluginSession
    let options: [String: CheckOptionSpec]?
    let description: CheckDescription
    private let limits: Limits

    init(_ plugin: InstalledPlugin, host setup: HostSetup) throws(CheckFailure) {
        limits = setup.limits
        let name = plugin.manifest.name
        do {
            session = try setup.make().open(plugin)
        } catch {
            throw Self.failure(error, limits: setup.limits)
        }
        let exports = session.exports
        guard case .function = exports["run"] else {
            throw .invalidPlugin("\(name)/\(plugin.manifest.entry) must return a table with a function run(options)")
        }
        switch exports["options"] {
        case .nil:
            options = nil
        case .table(let declared):
            guard declared.sequence.isEmpty else {
                throw .invalidPlugin("\(name): options must be a table of name = {type, default, help}")
            }
            var specs: [String: CheckOptionSpec] = [:]
            for (key, declaration) in declared.fields {
                guard case .string(let option) = key else {
                    throw .invalidPlugin("\(name): option names must be strings, found \(key.pathComponent)")
                }
                do throws(CheckOptionError) {
                    specs[option.description] = try CheckOptionSpec(name: option.description, declaration: declaration)
                } catch {
                    throw .invalidPlugin("\(name): \(error)")
                }
            }
            options = specs
        case let other:
            throw .invalidPlugin("\(name): options must be a table, not a \(other.type.name)")
        }
        let validation: Bool
        switch exports["validation"] {
        case .nil: validation = false
        case .boolean(let flag): validation = flag
        case let other: throw .invalidPlugin("\(name): validation must be true or false, not a \(other.type.name)")
        }
        description = CheckDescription(name: name, version: plugin.manifest.version,
                                       description: plugin.manifest.description, isValidation: validation,
                                       options: (options ?? [:]).values.sorted { $0.name < $1.name })
    }

    /// Calls `run` with the options read as declared, and reads its result.
    func run(_ given: [String: CheckOptionValue]) throws(CheckFailure) -> CheckResult {
        let table: LuaTable
        do throws(CheckOptionError) {
            table = try optionsTable(given)
        } catch {
            throw .invalidOption(error)
        }
        let returned: [LuaValue]
        do {
            returned = try session.call("run", [.table(table)])
        } catch {
            throw Self.failure(error, limits: limits)
        }
        do throws(CheckResultReadError) {
            return try CheckResultReader.read(returned)
        } catch {
            throw .invalidResult(error)
        }
    }

    /// The options table `run` receives: declared options read as their types, defaults filled
    /// in; for a check that declares none, what was given, command-line text read as a number
    /// or boolean when it looks like one.
    private func optionsTable(_ given: [String: CheckOptionValue]) throws(CheckOptionError) -> LuaTable {
        var table = LuaTable()
        guard let options else {
            for (name, value) in given { table[name] = Self.guess(value).luaValue }
            return table
        }
        if let unknown = given.keys.sorted().first(where: { options[$0] == nil }) {
            let known = options.keys.sorted()
            throw CheckOptionError(option: unknown, reason: "not an option of check '\(description.name)'"
                                   + (known.isEmpty ? " (it takes none)" : " (known: \(known.joined(separator: ", ")))"))
        }
        for (name, spec) in options {
            if let value = try spec.value(given[name]) { table[name] = value.luaValue }
        }
        return table
    }

    private static func guess(_ value: CheckOptionValue) -> CheckOptionValue {
        guard case .commandLine(let text) = value else { return value }
        if let i = Int64(text) { return .integer(i) }
        if let d = Double(text), d.isFinite { return .number(d) }
        switch text {
        case "true": return .boolean(true)
        case "false": return .boolean(false)
        default: return .string(text)
        }
    }

    private static func failure(_ error: PluginError, limits: Limits) -> CheckFailure {
        guard case .lua(_, let lua) = error else { return .host(error.description) }
        guard lua.isLimitBreach else { return .script(lua) }
        return .limit(describe(lua.kind, limits))
    }

    /// `time limit of 60 s exceeded`.
    static func describe(_ kind: LuaError.Kind, _ limits: Limits) -> String {
        switch kind {
        case .time: "time limit of \(seconds(limits.wallTime)) exceeded"
        case .memory: "memory limit of \(bytes(limits.memory)) exceeded"
        case .cpuTime: "CPU-time limit of \(seconds(limits.cpuTime)) exceeded"
        case .instructions: "instruction limit of \(limits.instructions.map(String.init) ?? "?") exceeded"
        default: "output limit of \(bytes(limits.output)) exceeded"
        }
    }

    private static func seconds(_ value: Double?) -> String {
        guard let value else { return "?" }
        return value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }

    private static func bytes(_ value: Int?) -> String {
        guard let value else { return "?" }
        return value % (1 << 20) == 0 ? "\(value >> 20) MiB" : "\(value) bytes"
    }
}
