import Foundation
import HostAPI
import LuaBridge
import Scheduling

/// `hostrun_test`, the host module of a spec file's world (``SpecWorld``): the primitives under
/// the Lua modules `hostrun.fixtures` and `hostrun.plugin`, which resolve paths from the spec
/// file and are what specs use.
enum SpecWorldModule {
    static let name = "hostrun_test"

    static func module(_ world: SpecWorld) -> HostModule {
        HostModule(name, "The spec file's world under `hostrun test`: its store, fixtures and plugins.", since: "0.1") {
            HostFunction("fresh_store", "From now on the spec's store is a new, empty one.", since: "0.1") { _ in
                world.freshStore()
                return 0
            }
            HostFunction("load", "Imports a fixture file into the spec's store through a connector plugin.",
                         parameters: [.init("path", .string, "the file, relative to the current folder"),
                                      .init("connector", HostType.string.optional, "the connector plugin's name (nil: the plugin whose folder holds the spec)"),
                                      .init("options", HostType.table.optional, "passed to the connector's read"),
                                      .init("strict", HostType.boolean.optional, "one rejected record aborts the import")],
                         returns: [.init("ImportResult", "what was written and what was rejected")], since: "0.1") { call in
                let path = try call.string(1)
                let connector = try call.optional(2, as: String.self)
                let options = try call.optional(3, as: LuaTable.self) ?? LuaTable()
                // The connector runs in a state of its own: only plain values can be handed over.
                guard isPlain(.table(options)) else {
                    throw call.argumentError(3, "connector options must be plain values (no functions or userdata)")
                }
                let strict = try call.optional(4, as: Bool.self) ?? false
                let result: ConnectorImport
                do {
                    result = try world.load(path, connector: connector, options: options, strict: strict)
                } catch {
                    throw LuaRuntimeMessage("fixtures.load(\"\(path)\"): \(error)")
                }
                return call.returning(LuaValue.table(table(result)))
            }
            HostFunction("rows", "Writes records given as Lua tables into the spec's store, through the host's checks.",
                         parameters: [.init("kind", .string, "\"dossiers\" or \"feedback\""),
                                      .init("rows", .table, "the records, as a connector yields them"),
                                      .init("batch", HostType.string.optional, "the connector the import batch is recorded as"),
                                      .init("strict", HostType.boolean.optional, "one rejected record aborts the import")],
                         returns: [.init("ImportResult", "what was written and what was rejected")], since: "0.1") { call in
                let kindName = try call.string(1)
                guard let kind = SpecWorld.Rows(rawValue: kindName) else {
                    throw call.argumentError(1, "\"dossiers\" or \"feedback\" expected, got \"\(kindName)\"")
                }
                let rows = try call.table(2)
                guard rows.fields.isEmpty, isPlain(.table(rows)) else {
                    throw call.argumentError(2, "an array of records of plain values (no functions or userdata) expected")
                }
                let batch = try call.optional(3, as: String.self)
                let strict = try call.optional(4, as: Bool.self) ?? false
                do {
                    return call.returning(LuaValue.table(table(try world.write(rows, as: kind, batch: batch, strict: strict))))
                } catch {
                    throw LuaRuntimeMessage("fixtures.\(kindName): \(error)")
                }
            }
            HostFunction("demo", "Writes a generated ward (DemoData) into the spec's store.",
                         parameters: [.init("dossiers", .integer, "how many dossiers, 0 to 100000"),
                                      .init("seed", .integer, "the random seed"),
                                      .init("centre", HostType.string.optional, "the ward's centre: its dossiers name it, their codes start with it")],
                         returns: [.init("DemoResult", "what was written")], since: "0.1") { call in
                let count = try call.integer(1)
                guard (0...100_000).contains(count) else { throw call.argumentError(1, "from 0 to 100000 dossiers") }
                let seed = try call.integer(2)
                let centre = try call.optional(3, as: String.self)
                do {
                    return call.returning(LuaValue.table(table(try world.demo(dossiers: Int(count), seed: UInt64(bitPattern: seed),
                                                                              centre: centre))))
                } catch {
                    throw LuaRuntimeMessage("fixtures.demo: \(error)")
                }
            }
            HostFunction("plugin", "Opens a plugin with its manifest's grants and returns (copies of) what its entry returned.",
                         parameters: [.init("name", HostType.string.optional, "the plugin (nil: the one whose folder holds the spec)"),
                                      .init("sources", HostType.table.optional, "paths bound to $SOURCE"),
                                      .init("outputs", HostType.table.optional, "paths bound to $OUTPUT")],
                         returns: [.init(.table, "the plugin's exports")], since: "0.1") { call in
                let name = try call.optional(1, as: String.self)
                let sources = try call.optional(2, as: [String].self) ?? []
                let outputs = try call.optional(3, as: [String].self) ?? []
                do {
                    let bridge = try world.openPlugin(named: name, sources: sources, outputs: outputs, spec: call.luaState)
                    return call.returning(contentsOf: [try bridge.exports()])
                } catch {
                    throw LuaRuntimeMessage("plugin.load: \(error)")
                }
            }
            HostFunction("check", "Runs a check plugin as `hostrun check` does, over the spec's store and clock.",
                         parameters: [.init("name", HostType.string.optional, "the check (nil: the plugin whose folder holds the spec)"),
                                      .init("options", HostType.table.optional, "its options, as a schedule's `args` gives them")],
                         returns: [.init("CheckResult", "status, exit_code, summary, output, perfdata, metrics, items, keys")],
                         since: "0.1") { call in
                let name = try call.optional(1, as: String.self)
                let given = try call.optional(2, as: LuaTable.self) ?? LuaTable()
                guard given.sequence.isEmpty else { throw call.argumentError(2, "options by name expected, not a list") }
                var options: [String: CheckOptionValue] = [:]
                for (key, value) in given.fields {
                    guard case .string(let option) = key, let text = option.utf8 else {
                        throw call.argumentError(2, "option names must be strings")
                    }
                    do throws(CheckOptionError) {
                        options[text] = try CheckOptionValue(lua: value, path: text)
                    } catch {
                        throw call.argumentError(2, "\(error)")
                    }
                }
                do {
                    return call.returning(LuaValue.table(CheckResultTable.table(try world.runCheck(named: name, options: options))))
                } catch {
                    throw LuaRuntimeMessage("plugin.check: \(error)")
                }
            }
            FakeHTTPFunctions.functions(world)
            HostFunction("seed_scenario", "Writes the records behind the seed report (01/01–25/05/2026) into the spec's store.",
                         returns: [.init("DemoResult", "what was written")], since: "0.1") { call in
                do {
                    return call.returning(LuaValue.table(table(try world.seedScenario())))
                } catch {
                    throw LuaRuntimeMessage("fixtures.seed_scenario: \(error)")
                }
            }
        }
    }

    private static func isPlain(_ value: LuaValue) -> Bool {
        switch value {
        case .table(let table): table.sequence.allSatisfy(isPlain) && table.fields.values.allSatisfy(isPlain)
        case .function, .userdata, .lightUserdata, .thread: false
        default: true
        }
    }

    private static func table(_ result: ConnectorImport) -> LuaTable {
        var table = LuaTable()
        table["inserted"] = .integer(Int64(result.summary.inserted))
        table["updated"] = .integer(Int64(result.summary.updated))
        table["unchanged"] = .integer(Int64(result.summary.unchanged))
        table["rejected"] = .integer(Int64(result.rejections.count))
        table["rejections"] = .table(LuaTable(sequence: result.rejections.map { rejection in
            var entry = LuaTable()
            entry["origin"] = .string(LuaString(rejection.origin))
            if let key = rejection.key { entry["key"] = .string(LuaString("\(key)")) }
            if let field = rejection.field { entry["field"] = .string(LuaString(field)) }
            entry["reason"] = .string(LuaString(rejection.reason))
            entry["message"] = .string(LuaString(rejection.description))
            return .table(entry)
        }))
        return table
    }

    private static func table(_ figures: SpecWorld.DemoFigures) -> LuaTable {
        var table = LuaTable()
        table["dossiers"] = .integer(Int64(figures.dossiers))
        table["feedback"] = .integer(Int64(figures.feedback))
        table["as_of"] = .integer(Int64(figures.asOf.timeIntervalSince1970.rounded(.down)))
        return table
    }
}
