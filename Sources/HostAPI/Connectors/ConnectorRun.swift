import CLua
import CLuaShim
import Domain
import Formats
import Foundation
import LuaBridge
import Sandbox
import Store

/// One run of a connector plugin in its sandbox: reads exactly the source files it was given
/// (`read = { "$SOURCE" }`), `require`s its own modules from its folder only, and hands every
/// record it yields, read and checked, to `deliver`.
///
/// The entry module keeps the connector contract (docs/plugins.md): it returns a table whose
/// `read(sources, options)` returns an iterator or an array of canonical records, and whose
/// optional `records` says `"dossiers"` (the default) or `"feedback"`. Records are read straight
/// off the Lua stack by a host function the driver loop calls, so a million rows cost no table
/// copies.
final class ConnectorRun {
    let plugin: ConnectorPlugin
    let kind: RecordKind
    private let sandbox: Sandbox
    private let sources: [String]
    private let options: [String: String]
    private let time: CentreTime

    /// Loads the connector's entry module and learns what it yields.
    init(plugin: ConnectorPlugin, sources: [String], options: [String: String],
         environment: HostEnvironment, limits: Limits, output: OutputSink) throws(ImportError) {
        self.plugin = plugin
        self.sources = sources
        self.options = options
        time = environment.time
        do {
            sandbox = try environment.makeSandbox(limits: limits, output: output, moduleFolder: plugin.folder)
            let state = sandbox.state
            state.memoryLimit = limits.memory
            state.instructionLimit = limits.instructions
            state.setTimeLimit(seconds: limits.wallTime)
            let loader = try state.load(Self.loaderSource, name: "=hostrun import")
            let results = try state.call(loader, [.string(LuaString(plugin.entryModule)),
                                                  .string(LuaString(plugin.entry))])
            guard let name = results.first?.stringValue, let kind = RecordKind(rawValue: name) else {
                throw ImportError.invalidConnector(
                    name: plugin.name, reason: "\(plugin.entry): records must be \"dossiers\" or \"feedback\"")
            }
            self.kind = kind
        } catch let error as LuaError {
            throw .invalidConnector(name: plugin.name, reason: error.message)
        } catch let error as ImportError {
            throw error
        } catch {
            throw .invalidConnector(name: plugin.name, reason: "\(error)")
        }
    }

    /// Checks the entry module and returns what it yields.
    private static let loaderSource = """
        local module_name, file = ...
        local M = require(module_name)
        if type(M) ~= "table" or type(M.read) ~= "function" then
          error(file .. " must return a table with a function read(sources, options)", 0)
        end
        return M.records or "dossiers"
        """

    /// Runs `read` and the loop over what it returns.
    private static let driverSource = """
        local module_name, sources, options, accept = ...
        local first, state, control = require(module_name).read(sources, options)
        if type(first) == "table" then
          for i = 1, #first do accept(first[i]) end
        elseif type(first) == "function" then
          for record in first, state, control do accept(record) end
        else
          error("read(sources, options) must return an iterator or an array of records, got " .. type(first), 0)
        end
        """

    /// Runs the connector to its end, calling `deliver` with each record in order.
    ///
    /// - Throws: ``ImportError/connectorFailed(name:_:)`` for any failure of the script,
    ///   ``ImportError/malformedRecord(name:_:)`` for a record that is not a canonical record,
    ///   or what `deliver` threw (the store stopped the import).
    func run(deliver: @escaping (PipeItem) throws -> Void) throws {
        let state = sandbox.state
        defer { sandbox.output.flush() }
        var stop: (any Error)?
        let reader = RecordReader(connector: plugin.name, kind: kind, time: time)
        state.stack.pushFunction(name: "accept") { call in
            do {
                try deliver(try reader.read(call))
            } catch {
                stop = error
                throw LuaError(.runtime, "the import stopped")
            }
            return 0
        }
        do {
            let accept = try state.stack.read(LuaValue.self, at: -1)
            state.stack.pop()
            let driver = try state.load(Self.driverSource, name: "=hostrun import")
            try state.run(driver, [.string(LuaString(plugin.entryModule)),
                                   .table(LuaTable(sequence: sources.map { .string(LuaString($0)) })),
                                   .table(Self.optionsTable(options)), accept])
        } catch let error as LuaError {
            if let stop { throw stop }
            throw ImportError.connectorFailed(name: plugin.name, error)
        } catch let error as LuaConversionError {
            throw ImportError.connectorFailed(name: plugin.name, LuaError(.conversion, error.description))
        }
    }

    private static func optionsTable(_ options: [String: String]) -> LuaTable {
        var table = LuaTable()
        for (key, value) in options { table.fields[.string(LuaString(key))] = .string(LuaString(value)) }
        return table
    }
}

/// Reads the record table a connector passed to `accept` into a checked record.
final class RecordReader {
    private let connector: String
    private let kind: RecordKind
    private let time: CentreTime
    private let names: [String]
    private let positions: [String: Int]
    private var yielded = 0

    init(connector: String, kind: RecordKind, time: CentreTime) {
        self.connector = connector
        self.kind = kind
        self.time = time
        names = kind.fields
        positions = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
    }

    /// The record at argument 1 as a pipe item: a record, or a rejection naming why.
    ///
    /// - Throws: ``ImportError/malformedRecord(name:_:)`` when it is not a table of canonical
    ///   fields with plain values.
    func read(_ call: LuaCall) throws -> PipeItem {
        let L = call.stack.state
        yielded += 1
        var record = RecordFields(names: names, origin: "record \(yielded)", time: time)
        guard lua_type(L, 1) == LUA_TTABLE else {
            throw malformed(record, "a record must be a table, got \(call.stack.typeDescription(at: 1))")
        }
        call.stack.reserve(4)
        lua_pushnil(L)
        while lua_next(L, 1) != 0 {
            defer { lua_settop(L, -2) }
            guard lua_type(L, -2) == LUA_TSTRING, let name = call.stack.withBytes(at: -2, {
                String(decoding: $0, as: UTF8.self)
            }) else {
                throw malformed(record, "keys must be field names, got a \(call.stack.typeDescription(at: -2)) key")
            }
            if name == "_origin" {
                guard let origin = call.stack.withBytes(at: -1, { String(decoding: $0, as: UTF8.self) }) else {
                    throw malformed(record, "_origin must be text such as \"export.csv:row 12\"")
                }
                record.origin = origin
                continue
            }
            guard let position = positions[name] else {
                throw malformed(record, "unknown field '\(name)' (the fields of \(kind.rawValue) are "
                                    + names.joined(separator: ", ") + ")")
            }
            switch lua_type(L, -1) {
            case LUA_TSTRING:
                record.values[position] = call.stack.withBytes(at: -1) { bytes in
                    NormalizedText.string(fromUTF8: bytes.assumingMemoryBound(to: UInt8.self))
                        .map(FieldValue.text) ?? .invalidText
                }
            case LUA_TBOOLEAN:
                record.values[position] = FieldValue.boolean(lua_toboolean(L, -1) != 0)
            case LUA_TNUMBER:
                record.values[position] = lua_isinteger(L, -1) != 0
                    ? FieldValue.integer(lua_tointegerx(L, -1, nil)) : FieldValue.number(lua_tonumberx(L, -1, nil))
            default:
                throw malformed(record, "field \(name): a \(call.stack.typeDescription(at: -1)) is not a value")
            }
        }
        do throws(RecordRejection) {
            switch kind {
            case .dossiers: return .dossier(DossierRecord(try CanonicalDossier.make(&record), origin: record.origin))
            case .feedback: return .feedback(FeedbackRecord(try CanonicalFeedback.make(&record), origin: record.origin))
            }
        } catch {
            return .rejected(error)
        }
    }

    private func malformed(_ record: RecordFields, _ reason: String) -> ImportError {
        .malformedRecord(name: connector, RecordRejection(origin: record.origin, key: nil, field: nil, reason: reason))
    }
}
