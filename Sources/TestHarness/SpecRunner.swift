import Foundation
import HostAPI
import LuaBridge
import Sandbox

/// `hostrun test`: finds the spec files, runs each in its own sandbox (in parallel, on every
/// core), and renders one report from their records.
///
/// The work is split as in busted: Lua decides (options, which files, their order, running a
/// file, rendering), Swift only reads files and runs states. Each spec file's state is a
/// fresh ``Sandbox`` that may `require` the project's `.lua` files and read files under the
/// current directory; its record comes back as text, so files share nothing.
public enum SpecRunner {
    /// Runs the request. Throws only when the specs cannot be run at all; failing specs are
    /// in the result's summary.
    public static func run(_ request: SpecRunRequest) throws(HarnessError) -> SpecRunResult {
        let started = DispatchTime.now()
        let modules = try HarnessModules.bundled.get()
        let control = try lua { () throws(LuaError) in try HarnessState(modules: modules) }

        var options = try resolve(request, in: control)
        let settings = RunSettings(options)
        if settings.shuffle && options["seed"] == .nil {
            options["seed"] = .integer(Int64(UInt32.random(in: 0...UInt32.max)))
        }

        let roots = try SpecFiles.roots(settings.roots, recursive: settings.recursive)
        let files = try select(roots, options: options, in: control)
        if files.isEmpty { throw .noSpecFiles(patterns: settings.patterns) }

        if settings.coverage {
            LuaCoverage.clear()
            LuaCoverage.recordsNewStates = true
        }
        let runs = runFiles(files, options: SpecOptions(table: options), modules: modules)
        LuaCoverage.recordsNewStates = false
        let coverage = settings.coverage ? coverageReport(files: files, modules: modules) : nil

        var render = LuaTable()
        render["output"] = .string(LuaString(settings.list ? "list" : settings.output))
        render["color"] = .boolean(request.color && settings.output == "terminal" && settings.reportFile == nil)
        render["verbose"] = .boolean(settings.verbose)
        render["duration"] = .number(Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9)
        let records = runs.map { run -> LuaValue in
            if let record = run.record { return .string(LuaString(bytes: record)) }
            return ["file": .string(LuaString(run.file)), "error": .string(LuaString(run.failure ?? "failed"))]
        }
        // A state of its own: the control state's time limit has been running since the start.
        let reporter = try lua { () throws(LuaError) in try HarnessState(modules: modules) }
        let summary = try lua { () throws(LuaError) in
            try reporter.call("render", [.table(LuaTable(sequence: records)), .table(render)])
        }
        guard let counts = summary.first?.tableValue,
              let passed = counts["passed"].integerValue, let failed = counts["failed"].integerValue,
              let skipped = counts["skipped"].integerValue else {
            throw .lua(LuaError(.conversion, "busted.host.render returned no summary"))
        }
        return SpecRunResult(
            report: reporter.output.text, reportFile: settings.reportFile,
            specOutput: runs.map { SpecFileOutput(file: $0.file, text: $0.output) },
            summary: SpecSummary(passed: Int(passed), failed: Int(failed), skipped: Int(skipped)),
            coverage: coverage, coverageFile: settings.coverage ? settings.coverageFile : nil)
    }

    /// The coverage of what the spec files ran, once their states are closed: not the
    /// harness's modules, nor the spec files.
    private static func coverageReport(files: [String], modules: HarnessModules) -> CoverageReport {
        let harness = Set(modules.modules.values.map { String($0.chunkName.dropFirst()) }
                          + [String(modules.loader.chunkName.dropFirst())])
        let plugins = PluginCatalog(searchFolders: PluginCatalog.defaultSearchFolders(),
                                    pluginFolders: Array(Set(files.compactMap(SpecWorld.enclosingPluginFolder(of:)))).sorted())
        return CoverageReport.make(hits: LuaCoverage.hits(), excluded: harness.union(files), plugins: plugins)
    }

    // MARK: Steps

    private static func resolve(_ request: SpecRunRequest, in control: HarnessState) throws(HarnessError) -> LuaTable {
        var configSource: LuaValue = .nil
        var configName = ".busted"
        if let file = request.configFile {
            guard FileManager.default.fileExists(atPath: file) else {
                throw .configuration("specified config file '\(file)' not found")
            }
            configName = file
        }
        if FileManager.default.fileExists(atPath: configName) {
            configSource = .string(LuaString(bytes: try SpecFiles.read(configName)))
        }
        var explicit = LuaTable()
        for (name, value) in request.options { explicit[name] = value.luaValue }
        let task: LuaValue = request.task.map { .string(LuaString($0)) } ?? .nil
        do throws(LuaError) {
            let values = try control.call("resolve", [configSource, .string(LuaString(configName)), .table(explicit), task])
            guard let options = values.first?.tableValue else { throw LuaError(.conversion, "resolve returned no options") }
            return options
        } catch {
            throw .configuration(error.message)
        }
    }

    private static func select(_ roots: [SpecFiles.Root], options: LuaTable, in control: HarnessState) throws(HarnessError) -> [String] {
        let entries = roots.map { root -> LuaValue in
            switch root {
            case .file(let path): ["root": .string(LuaString(path)), "file": true]
            case .folder(let path, let files):
                ["root": .string(LuaString(path)),
                 "files": .table(LuaTable(sequence: files.map { .string(LuaString($0)) }))]
            }
        }
        let chosen = try lua { () throws(LuaError) in
            try control.call("select", [.table(LuaTable(sequence: entries)), .table(options)])
        }
        return chosen.first?.tableValue?.sequence.compactMap(\.stringValue) ?? []
    }

    /// One spec file's run: its record (Lua text) or why its state failed, and its output.
    private struct FileRun: Sendable {
        var file: String
        var record: [UInt8]?
        var failure: String?
        var output: String
    }

    private static func runFiles(_ files: [String], options: SpecOptions, modules: HarnessModules) -> [FileRun] {
        let results = Slots<FileRun>(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            results.set(index, runFile(files[index], options: options, modules: modules))
        }
        return results.values
    }

    private static func runFile(_ file: String, options: SpecOptions, modules: HarnessModules) -> FileRun {
        let source: [UInt8]
        do {
            source = try SpecFiles.read(file)
        } catch {
            return FileRun(file: file, failure: error.description, output: "")
        }
        let output = CapturedOutput()
        do {
            let world = try SpecWorld(specFile: file, output: output)
            defer { world.finish() }
            let harness = try HarnessState(modules: modules, capabilities: world.environment.capabilities,
                                           moduleFolder: ".", output: output, hostModules: world.modules)
            // Closed here, not when released: the proxies of plugins hold the state, and its
            // coverage counts are merged when it closes.
            defer { harness.sandbox.state.close() }
            let values = try harness.call("run_file", [.string(LuaString(file)), .string(LuaString(bytes: source)),
                                                       .table(options.table)])
            guard case .string(let record)? = values.first else {
                throw LuaError(.conversion, "busted.host.run_file returned no record")
            }
            return FileRun(file: file, record: record.bytes, output: harness.output.text)
        } catch {
            return FileRun(file: file, failure: "\(file): \(error)", output: output.text)
        }
    }

    /// Runs `body`, turning a Lua error into ``HarnessError/lua(_:)``.
    private static func lua<T>(_ body: () throws(LuaError) -> T) throws(HarnessError) -> T {
        do {
            return try body()
        } catch {
            throw .lua(error)
        }
    }
}

/// The resolved options, as plain values that every spec file's state receives.
///
/// `@unchecked Sendable`: the table comes from `config.resolve` and holds only strings,
/// numbers, booleans and tables of them, never a reference into a state.
private struct SpecOptions: @unchecked Sendable {
    let table: LuaTable
}

/// The results of the parallel runs, one slot per file, filled from any thread.
private final class Slots<Value: Sendable>: @unchecked Sendable {
    private var slots: [Value?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Value) {
        lock.withLock { slots[index] = value }
    }

    /// Every slot, once all are set.
    var values: [Value] {
        lock.withLock { slots.compactMap { $0 } }
    }
}

/// The options Swift itself needs, read from the resolved table.
private struct RunSettings {
    var roots: [String]
    var patterns: [String]
    var recursive: Bool
    var output: String
    var reportFile: String?
    var list: Bool
    var shuffle: Bool
    var verbose: Bool
    var coverage: Bool
    var coverageFile: String

    init(_ options: LuaTable) {
        func strings(_ key: String) -> [String] {
            options[key].tableValue?.sequence.compactMap(\.stringValue) ?? []
        }
        roots = strings("roots")
        patterns = strings("patterns")
        recursive = options["recursive"] != .boolean(false)
        output = options["output"].stringValue?.lowercased() ?? "terminal"
        reportFile = options["output_file"].stringValue
        list = options["list"].isTruthy
        shuffle = options["shuffle"].isTruthy
        verbose = options["verbose"].isTruthy
        coverage = options["coverage"].isTruthy
        coverageFile = options["coverage_file"].stringValue ?? "lcov.info"
    }
}
