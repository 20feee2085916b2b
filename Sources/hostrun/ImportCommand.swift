import ArgumentParser
import Domain
import Foundation
import HostAPI
import Store

/// `hostrun import CONNECTOR SOURCE…`: runs a connector plugin over exports and upserts what it
/// yields into the store as one batch.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import exports into the store through a connector (one batch, one transaction).",
        discussion: """
            The connector runs sandboxed and reads exactly the SOURCE files. Every record it \
            yields is checked (known status and channel, readable dates, finished not before \
            received, …); a record that breaks a rule is rejected and named with its file, row \
            and reason, and the others are written in one transaction. The same code twice in \
            one batch with different values is a rejection. Importing the same export again \
            changes nothing. Connectors are looked for in --plugin-path folders, then in \
            Plugins/connectors. See docs/connectors.md.

            EXAMPLES:
              hostrun import canonical ho-so.csv --db centre.db
              hostrun import dvcqg dong-bo-2026-05.json --dry-run
              hostrun import motcua bao-cao-thang-5.xlsx --strict --json

            EXIT CODES:
              0  the batch was written (or checked, with --dry-run); rejected records are listed
              1  nothing was written: the connector failed, a source could not be read, the \
            store failed, or --strict met a rejected record
              2  usage error
              3-6  the connector broke a limit (as for `hostrun run`)
            """)

    @Argument(help: ArgumentHelp("The connector: canonical, dvcqg, motcua, dkkd, hotich, pakn or one of yours.",
                                 valueName: "connector"))
    var connector: String

    @Argument(help: ArgumentHelp("The export files the connector reads.", valueName: "source"))
    var sources: [String]

    @Flag(help: "Check and count everything, then write nothing.")
    var dryRun = false

    @Flag(help: "Write nothing if any record is rejected.")
    var strict = false

    @Flag(help: "Print the result as JSON.")
    var json = false

    @OptionGroup var store: StoreOptions

    @Option(help: ArgumentHelp("A connector's folder, or a folder of connectors, looked in first (repeatable).",
                               valueName: "folder"))
    var pluginPath: [String] = []

    @Option(name: .customLong("option"),
            help: ArgumentHelp("Passed to the connector's read(sources, options) (repeatable).", valueName: "key=value"))
    var options: [String] = []

    @Option(help: ArgumentHelp("Set the host's clock, e.g. \"25/05/2026 17:00\" (default: the system time).",
                               valueName: "time"))
    var now: String?

    func validate() throws {
        if sources.isEmpty { throw ValidationError("give at least one source file: hostrun import \(connector) FILE…") }
        for option in options where !option.contains("=") {
            throw ValidationError("--option \(option): expected key=value")
        }
        if let now {
            do { _ = try CentreTime.vietnam.instant(parsing: now) } catch {
                throw ValidationError("--now: \(error)")
            }
        }
    }

    func run() throws {
        let clock = HostClock(fixed: now.flatMap { try? CentreTime.vietnam.instant(parsing: $0) })
        let progress = ProgressLine(label: "hostrun import \(connector)")
        let report: ImportReport
        do {
            let plugin = try ConnectorPlugin.find(connector, searchFolders: pluginPath)
            let opened = try store.location.open(clock: { clock.now() })
            guard let target = opened as? any ConnectorImportStore else {
                throw ImportError.store("the store \(opened.location) cannot take connector imports")
            }
            let settings = ImportSettings(dryRun: dryRun, strict: strict, options: optionTable)
            let job = ConnectorImport(plugin: plugin, sources: sources, settings: settings, clock: clock,
                                      output: StandardErrorSink())
            report = try job.run(into: target, progress: { progress.update($0) })
        } catch {
            progress.clear()
            throw failure(error)
        }
        progress.clear()
        let printer = ImportReportPrinter(report: report, store: store.location.description)
        print(json ? printer.json : printer.text, terminator: "")
        if report.outcome == .abortedStrict { throw ExitStatus.scriptError.exitCode }
    }

    private var optionTable: [String: String] {
        var table: [String: String] = [:]
        for option in options {
            let parts = option.split(separator: "=", maxSplits: 1)
            table[String(parts[0])] = parts.count > 1 ? String(parts[1]) : ""
        }
        return table
    }

    /// Reports an import that wrote nothing; returns the exit code to end with.
    private func failure(_ error: any Error) -> ExitCode {
        let message = "\(error)"
        if json {
            print(ImportReportPrinter.failure(connector: connector, sources: sources, message: message),
                  terminator: "")
        }
        writeError("hostrun import: \(message)\nnothing was written\n")
        if case .connectorFailed(_, let lua)? = error as? ImportError { return ExitStatus(lua).exitCode }
        return ExitStatus.scriptError.exitCode
    }
}
