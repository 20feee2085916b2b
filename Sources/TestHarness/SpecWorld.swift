import DemoData
import Domain
import Foundation
import HostAPI
import LuaBridge
import Sandbox
import Scheduling
import Store

/// The host's world of one spec file: a clock the spec controls, a store of its own (an SQLite
/// file in a temporary folder, deleted with ``finish()``), and the plugins it may load.
///
/// Every spec file gets the host modules of ``environment`` (the same registry scripts get,
/// `dossiers`, `stats`, `clock`, ...) plus `hostrun_test` (``SpecWorldModule``), so what a spec
/// drives is exactly what a script sees. The clock starts at ``defaultNow`` so specs are
/// deterministic; `clock.set` and `clock.advance` move it.
///
/// Used by the one thread that runs the spec file.
final class SpecWorld: @unchecked Sendable {
    /// Where every spec file's clock starts: the day the seed report was written.
    static let defaultNow = "25/05/2026 17:00"

    let specFile: String
    let clock: HostClock
    let store: StoreAccess
    let environment: HostEnvironment
    let log: HostLog
    /// The spec file's output: what it, its log and its plugins print.
    let output: CapturedOutput
    /// The temporary folder holding the spec file's stores.
    private let folder: String
    private var storeCount = 0
    /// The plugins the spec loaded, closed with ``finish()``.
    private var bridges: [PluginBridge] = []
    /// The fake HTTP servers the spec started, by number (1...), stopped with ``finish()``.
    private var servers: [FakeHTTPServer] = []
    private lazy var catalog = PluginCatalog(searchFolders: PluginCatalog.defaultSearchFolders())
    /// The connectors behind `fixtures.dossiers` and `fixtures.feedback`, bundled with the harness.
    private lazy var rowConnectors = PluginCatalog(
        searchFolders: Bundle.module.url(forResource: "Connectors", withExtension: nil).map { [$0.path] } ?? [])

    /// - Parameters:
    ///   - specFile: the spec file as the runner names it (relative to the current folder).
    ///   - output: where log lines go (the spec file's own output).
    init(specFile: String, output: CapturedOutput) throws {
        self.specFile = specFile
        self.output = output
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("hostrun-spec-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let deadlines = DeadlineCalculator()
        clock = HostClock(fixed: try deadlines.rules.time.instant(parsing: Self.defaultNow))
        store = StoreAccess(location: .file(path: folder + "/store-0.db"), mode: .createIfMissing, clock: clock)
        log = HostLog(level: .info, sink: OutputLog(output))
        environment = HostEnvironment(clock: clock, store: store, deadlines: deadlines, log: log,
                                      capabilities: Capabilities(readPaths: ["."]), controlsClock: true)
    }

    /// The spec file's host modules: the registry of its ``HostEnvironment`` and `hostrun_test`.
    var modules: [HostModule] {
        environment.registry.modules + [SpecWorldModule.module(self)]
    }

    /// Stops the spec's fake HTTP servers, closes the plugins it loaded and deletes the spec file's stores.
    func finish() {
        for server in servers { server.stop() }
        servers = []
        for bridge in bridges { bridge.close() }
        bridges = []
        try? FileManager.default.removeItem(atPath: folder)
    }

    // MARK: The store

    /// From now on the spec's store is a new, empty one (created on first use).
    func freshStore() {
        storeCount += 1
        store.reset(to: .file(path: folder + "/store-\(storeCount).db"))
    }

    /// The plugin host every fixture import and plugin of this spec file goes through.
    func pluginHost() -> PluginHost {
        PluginHost(policy: .allowAll, clock: clock, store: store, deadlines: environment.deadlines, log: log,
                   output: output)
    }

    /// Imports `source` (a file or a URL) through the connector `name` (nil: the plugin holding
    /// the spec) by PluginHost.importConnector, the one validated write path.
    func load(_ source: String, connector name: String?, options: LuaTable, strict: Bool) throws -> ConnectorImport {
        // A URL (a fake_http server's) is checked against the connector's grants as it runs.
        guard HttpAddress.isURL(source) || FileManager.default.fileExists(atPath: source) else {
            throw SpecWorldError("no fixture file \(source)")
        }
        let plugin = try name.map(connector(named:)) ?? self.plugin(named: nil)
        return try pluginHost().importConnector(
            plugin, sources: [source], options: options,
            request: ImportRequest(connector: plugin.manifest.name, onRejection: strict ? .abortBatch : .skipRecord),
            strict: strict)
    }

    /// What a spec's rows are records of.
    enum Rows: String {
        case dossiers, feedback
    }

    /// Writes `rows` (records as Lua tables) through the harness's connector for `kind`, so the
    /// host reads and checks them as it does any connector's; the import batch is recorded as
    /// made by `batch` (default: that connector).
    func write(_ rows: LuaTable, as kind: Rows, batch: String?, strict: Bool) throws -> ConnectorImport {
        let name = "hostrun-test-" + kind.rawValue
        guard let plugin = rowConnectors.plugin(named: name) else {
            throw SpecWorldError("the harness's connector \(name) is missing from its bundle")
        }
        var options = LuaTable()
        options["rows"] = .table(rows)
        return try pluginHost().importConnector(
            plugin, sources: [], options: options,
            request: ImportRequest(connector: batch ?? name, onRejection: strict ? .abortBatch : .skipRecord), strict: strict)
    }

    /// Writes a generated ward of `dossiers` dossiers (DemoData, deterministic for `seed`). With
    /// a `centre`, its dossiers name it and its codes start with it, so several wards share a
    /// store without their codes meeting.
    func demo(dossiers: Int, seed: UInt64, centre: String? = nil) throws -> DemoFigures {
        let data = DemoDataset(dossiers: dossiers, seed: seed, deadlines: environment.deadlines)
        let prefix = centre.map { "\($0)/" } ?? ""
        return try write(data.lazy.map { dossier in
            var dossier = dossier
            dossier.key.code = prefix + dossier.key.code
            dossier.centre = centre
            return dossier
        }, data.feedback.map { item in
            var item = item
            item.key.code = prefix + item.key.code
            return item
        }, origin: "demo", asOf: data.asOf)
    }

    /// Writes the records behind the seed report (01/01–25/05/2026).
    func seedScenario() throws -> DemoFigures {
        let data = SeedScenario(deadlines: environment.deadlines)
        return try write(data.dossiers, data.feedback, origin: "seed", asOf: data.asOf)
    }

    /// Writes generated dossiers and feedback straight to the store, as two batches of
    /// `hostrun-test:ORIGIN`.
    private func write(_ dossiers: some Sequence<Dossier>, _ feedback: [Feedback], origin: String,
                       asOf: Date) throws -> DemoFigures {
        let target = try store.store()
        let connector = "hostrun-test:" + origin
        let summary = try target.upsert(dossiers.lazy.map { DossierRecord($0, origin: origin) },
                                        as: ImportRequest(connector: connector)) { _ in }
        let written = try target.upsertFeedback(feedback.map { FeedbackRecord($0, origin: origin) },
                                                as: ImportRequest(connector: connector)) { _ in }
        return DemoFigures(dossiers: summary.total, feedback: written.total, asOf: asOf)
    }

    /// What a demo load wrote, and the instant its data is seen as of.
    struct DemoFigures {
        var dossiers: Int
        var feedback: Int
        var asOf: Date
    }

    // MARK: Fake HTTP servers

    /// Starts a fake HTTP server; returns its number and the server.
    func startServer(routes: [String: [FakeHTTPServer.Response]], lifetime: Double) throws -> (Int, FakeHTTPServer) {
        let server = try FakeHTTPServer(routes: routes, lifetime: lifetime)
        servers.append(server)
        return (servers.count, server)
    }

    /// The server numbered `number`, if the spec started it.
    func server(_ number: Int) -> FakeHTTPServer? {
        servers.indices.contains(number - 1) ? servers[number - 1] : nil
    }

    // MARK: Plugins

    /// The plugin `name` hostrun finds, or the one holding the spec by that name; nil: the
    /// plugin holding the spec.
    func plugin(named name: String?) throws -> InstalledPlugin {
        if let name {
            guard let found = found(name) else {
                throw SpecWorldError("no plugin named '\(name)' (plugins are looked for in \(PluginCatalog.defaultSearchFolders().joined(separator: ", ")))")
            }
            return found
        }
        guard let found = enclosingPlugin else {
            throw SpecWorldError("\(specFile) is not inside a plugin's folder (no \(PluginCatalog.manifestName) above it): name the plugin")
        }
        return found
    }

    /// Opens the plugin `name` (nil: the plugin holding the spec) with its manifest's grants,
    /// `$SOURCE` and `$OUTPUT` bound to `sources` and `outputs`, for the spec state `spec`.
    func openPlugin(named name: String?, sources: [String], outputs: [String], spec: LuaState) throws -> PluginBridge {
        let bridge = PluginBridge(session: try pluginHost().open(try plugin(named: name),
                                                                 placeholders: ["SOURCE": sources, "OUTPUT": outputs]),
                                  spec: spec)
        bridges.append(bridge)
        return bridge
    }

    /// Runs the check plugin `name` (nil: the plugin holding the spec) as `hostrun check` does
    /// (``CheckRunner``: its declared options read and defaulted, its result validated, any
    /// failure an `unknown` result naming the reason), over the spec's store and clock.
    func runCheck(named name: String?, options: [String: CheckOptionValue]) throws -> CheckResult {
        let check = try plugin(named: name)
        let runner = CheckRunner(catalog: PluginCatalog(searchFolders: [], pluginFolders: [check.folder]),
                                 store: store, deadlines: environment.deadlines, log: log)
        return runner.run(check.manifest.name, options: options, clock: clock, output: output).result
    }

    /// The connector `name` hostrun finds, or the one holding the spec by that name.
    func connector(named name: String) throws -> InstalledPlugin {
        if let plugin = found(name) { return plugin }
        let known = catalog.plugins.filter { $0.manifest.kind == .connector }.map(\.manifest.name)
        throw SpecWorldError("no connector plugin named '\(name)' (found: \(known.isEmpty ? "none" : known.joined(separator: ", "))"
                             + "; plugins are looked for in \(PluginCatalog.defaultSearchFolders().joined(separator: ", ")))")
    }

    /// The plugin `name` of the catalogue, else the one holding the spec if so named.
    private func found(_ name: String) -> InstalledPlugin? {
        catalog.plugin(named: name) ?? enclosingPlugin.flatMap { $0.manifest.name == name ? $0 : nil }
    }

    /// The plugin whose folder holds the spec file, or nil; its manifest is read once, not at
    /// every import or plugin the spec asks for.
    private lazy var enclosingPlugin: InstalledPlugin? = Self.enclosingPluginFolder(of: specFile).flatMap {
        PluginCatalog(searchFolders: [], pluginFolders: [$0]).plugins.first
    }

    /// The nearest folder above `specFile` with a `manifest.lua`, within the current folder
    /// (a sibling folder whose name merely starts with the current one's is outside it).
    static func enclosingPluginFolder(of specFile: String) -> String? {
        var folder = URL(fileURLWithPath: specFile).standardizedFileURL.deletingLastPathComponent().path
        let top = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL.path
        let inside = top == "/" ? "/" : top + "/"
        while folder == top || folder.hasPrefix(inside) {
            if FileManager.default.fileExists(atPath: folder + "/" + PluginCatalog.manifestName) { return folder }
            if folder == top { break }
            folder = URL(fileURLWithPath: folder).deletingLastPathComponent().path
        }
        return nil
    }
}

/// Something a spec asked of its world that cannot be done; the message says what.
struct SpecWorldError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Log lines of a spec file, written with its output.
private final class OutputLog: HostAPI.LogSink, @unchecked Sendable {
    let output: CapturedOutput
    init(_ output: CapturedOutput) { self.output = output }

    func write(line: String) {
        var text = line + "\n"
        text.withUTF8 { output.write(UnsafeRawBufferPointer($0), to: .standardOutput) }
    }
}
