import ArgumentParser
import Domain
import Foundation
import HostAPI
import LuaBridge
import Store

/// `hostrun import CONNECTOR SOURCE…`: runs a connector plugin over exports and upserts what it
/// yields into the store as one batch, through ``HostAPI/PluginHost``'s validated import path.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import exports into the store through a connector (one batch, one transaction).",
        discussion: """
            The connector runs sandboxed and reads exactly the SOURCE files, or, for a \
            connector that reads an API (its manifest asks for `hosts`), the SOURCE URLs' hosts. Every record it \
            yields is checked (known status and channel, readable dates, finished not before \
            received, …); a record that breaks a rule is rejected and named with its file, row \
            and reason, and the others are written in one transaction. The same code twice in \
            one batch with different values is a rejection. Importing the same export again \
            changes nothing. Connectors are found in ./Plugins/connectors, ./Plugins, \
            $HOSTRUN_PLUGINS and --plugin-path. See docs/connectors.md.

            EXAMPLES:
              hostrun import canonical ho-so.csv --db centre.db
              hostrun import dvcqg dong-bo-2026-05.json --dry-run
              DVCQG_TOKEN=… hostrun import dvcqg https://api.example.gov.vn/dongbo/hoso --option since=01/05/2026
              hostrun import motcua bao-cao-thang-5.xlsx --strict --json

            EXIT CODES:
              0    the batch was written (or checked, with --dry-run); rejected records are listed
              1    nothing was written: the connector failed, a source could not be read, the \
            store failed, or --strict met rejected records
              2    usage error
              3-6  the connector broke a limit (as for `hostrun run`)
            """)

    @Argument(help: ArgumentHelp("The connector: canonical, dvcqg, motcua, dkkd, hotich, dvcqg-pakn or one of yours.",
                                 valueName: "connector"))
    var connector: String

    @Argument(help: ArgumentHelp("The export files the connector reads, or URLs for a connector that reads an API.",
                                 valueName: "source"))
    var sources: [String] = []

    @Flag(help: "Check and count everything, then write nothing.")
    var dryRun = false

    @Flag(help: "Write nothing if any record is rejected.")
    var strict = false

    @Flag(help: "Print the result as JSON.")
    var json = false

    @OptionGroup var store: StoreOptions

    @OptionGroup var plugins: PluginOptions

    @Option(name: .customLong("option"),
            help: ArgumentHelp("Passed to the connector's read(source, options) (repeatable).", valueName: "name=value"))
    var options: [String] = []

    @OptionGroup var now: NowOption

    func validate() throws {
        if sources.isEmpty { throw ValidationError("give the files (or URLs) to import: hostrun import \(connector) FILE…") }
        for option in options where !option.contains("=") {
            throw ValidationError("--option \(option): expected name=value")
        }
        _ = try now.instant()
    }

    func run() throws {
        let clock = now.clock
        let progress = ProgressLine(label: "hostrun import \(connector)")
        let request = ImportRequest(connector: connector, dryRun: dryRun)
        var printer = ImportReportPrinter(connector: connector, sources: sources, store: store.location.description,
                                          dryRun: dryRun)
        do {
            // A URL is checked against the connector's grants below; a file must be readable.
            for source in sources where !HttpAddress.isURL(source) && !FileManager.default.isReadableFile(atPath: source) {
                throw ImportCommandError("cannot read \(source): "
                                         + (FileManager.default.fileExists(atPath: source) ? "permission denied" : "no such file"))
            }
            let plugin = try self.plugin()
            let policy = try plugins.operatorPolicy()
            let grants = PluginGrants(manifest: plugin.manifest, folder: plugin.folder, policy: policy,
                                      placeholders: ["SOURCE": sources])
            for source in sources where HttpAddress.isURL(source) {
                if let refusal = grants.refusal(ofURLSource: source, manifest: plugin.manifest) {
                    throw ImportCommandError(refusal)
                }
            }
            let host = PluginHost(policy: policy, clock: clock,
                                  store: store.access(clock: clock, mode: .createIfMissing),
                                  output: StandardErrorSink())
            let result = try host.importConnector(plugin, sources: sources, options: optionTable, request: request,
                                                  strict: strict, progress: { progress.update($0) })
            progress.clear()
            printer.result = result
        } catch PluginError.rejected(let rejections) {
            progress.clear()
            printer.strictRejections = rejections
            print(json ? printer.json : printer.text, terminator: "")
            throw ExitStatus.scriptError.exitCode
        } catch {
            progress.clear()
            // A connector's failure reads as its message, without the Lua traceback.
            var message = "\(error)"
            if case .lua(let name, let lua)? = error as? PluginError { message = "connector \(name) failed: \(lua.message)" }
            if json { print(printer.failure(message), terminator: "") }
            writeError("hostrun import: \(message)\nnothing was written\n")
            if case .lua(_, let lua)? = error as? PluginError { throw ExitStatus(lua).exitCode }
            throw ExitStatus.scriptError.exitCode
        }
        print(json ? printer.json : printer.text, terminator: "")
    }

    /// The connector named on the command line.
    private func plugin() throws -> InstalledPlugin {
        let catalog = plugins.catalog
        guard let plugin = catalog.plugin(named: connector), plugin.manifest.kind == .connector else {
            let known = catalog.plugins.filter { $0.manifest.kind == .connector }.map(\.manifest.name)
            throw ImportCommandError("no connector '\(connector)' (connectors: \(known.joined(separator: ", ")))"
                                     + catalog.problems.map { "\n  \($0.reason)" }.joined())
        }
        return plugin
    }

    private var optionTable: LuaTable {
        var table = LuaTable()
        for option in options {
            let parts = option.split(separator: "=", maxSplits: 1)
            table[String(parts[0])] = .string(LuaString(parts.count > 1 ? String(parts[1]) : ""))
        }
        return table
    }
}

/// Why `hostrun import` could not start.
struct ImportCommandError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
