import DemoData
import Domain
import Foundation
import HostAPI
import LuaBridge
import Sandbox
import Store
import TestHarness

/// What a spec file of `hostrun test` runs against: hostrun's scripting modules (`dossiers`,
/// `stats`, `report`, ...), a clock the spec may set, and a store of its own, a temporary file
/// that starts empty and that `spec_store` fills, removed once the file has run.
enum SpecEnvironment {
    static func host(for file: String) throws -> SpecHost {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hostrun-spec-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let clock = HostClock()
        let environment = HostEnvironment(
            clock: clock, store: StoreAccess(location: .file(path: folder + "/spec.db"), mode: .createIfMissing, clock: clock),
            capabilities: Capabilities(readPaths: ["."]), controlsClock: true)
        return SpecHost(modules: environment.registry.modules + [storeModule(environment)],
                        finish: { try? FileManager.default.removeItem(atPath: folder) })
    }

    /// `spec_store`: fills the spec file's own store.
    static func storeModule(_ environment: HostEnvironment) -> HostModule {
        HostModule("spec_store", "Fills the store of a spec file (hostrun test only): each file starts with an empty store of its own.", since: "0.1") {
            HostFunction("demo", "Fills the store with demo records: the seed report's (\"seed\") or a generated ward (\"ward\").",
                         parameters: [.init("scenario", .string, "seed: the records behind the seed report (01/01–25/05/2026); ward: a generated ward"),
                                      .init("opts", "{dossiers: integer?, seed: integer?}?", "for a ward: how many dossiers (default 500) and the random seed (default 1)")],
                         returns: [.init(.integer, "the dossiers written")], since: "0.1") { call in
                let scenario = try call.string(1)
                let options = try call.optional(2, as: LuaTable.self) ?? LuaTable()
                let store: any DossierStore
                do {
                    store = try environment.store!.store()
                } catch {
                    throw LuaRuntimeMessage("spec_store.demo: \(error)")
                }
                // Each write is a batch of its own identifier.
                var request: ImportRequest { ImportRequest(connector: "spec:\(scenario)") }
                do {
                    switch scenario {
                    case "seed":
                        let data = SeedScenario()
                        try store.upsert(data.dossiers.map { DossierRecord($0, origin: "demo") }, as: request)
                        try store.upsertFeedback(data.feedback.map { FeedbackRecord($0, origin: "demo") }, as: request)
                        return call.returning(data.dossiers.count)
                    case "ward":
                        let count = options["dossiers"].integerValue ?? 500
                        guard (0...100_000).contains(count) else { throw call.argumentError(2, "field 'dossiers': from 0 to 100000") }
                        let data = DemoDataset(dossiers: Int(count), seed: UInt64(bitPattern: options["seed"].integerValue ?? 1))
                        try store.upsert(data.lazy.map { DossierRecord($0, origin: "demo") }, as: request)
                        try store.upsertFeedback(data.feedback.map { FeedbackRecord($0, origin: "demo") }, as: request)
                        return call.returning(count)
                    default:
                        throw call.argumentError(1, "'\(scenario)' is not seed or ward")
                    }
                } catch let error as LuaArgumentError {
                    throw error
                } catch {
                    throw LuaRuntimeMessage("spec_store.demo: \(error)")
                }
            }
        }
    }
}
