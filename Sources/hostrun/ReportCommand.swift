import ArgumentParser
import Domain
import Formats
import Foundation
import HostAPI
import LuaBridge
import Sandbox
import Store

/// `hostrun report NAME --from --to -o FILE`: builds a report plugin over the store for a
/// period and writes it in the format of the file (or `--format`).
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Build a report (a Lua plugin) over the store for a period and write it as Markdown, HTML, CSV, JSON, XLSX or DOCX.",
        discussion: """
            The period is --from and --to (dd/MM/yyyy, both included), or one of --year, \
            --half, --quarter, --month. The format is --format, else the extension of -o; \
            text formats go to standard output without -o. Options the report declares in \
            its manifest are given with --option name=value (see --list).

            EXAMPLES:
              hostrun report bao-cao-dinh-ky --from 01/01/2026 --to 25/05/2026 -o bao-cao.docx
              hostrun report thong-ke-tthc --half 2026-1 -o thong-ke.xlsx
              hostrun report chi-so-phuc-vu --quarter 2026-2 --format html -o chi-so.html
              hostrun report qua-han --month 2026-05 --now "25/05/2026 17:00" --option soon=3
              hostrun report thong-ke-tthc --half 2026-1 --centre "Phường Hàng Bông" -o hang-bong.xlsx
              hostrun report tong-hop-don-vi --half 2026-1 -o tong-hop.xlsx      # one row per ward
              hostrun report bao-cao-dinh-ky --half 2026-1 --option text=noi-dung.txt -o bao-cao.docx
              hostrun report --list
            """)

    @Argument(help: ArgumentHelp("The report: a folder of Plugins/reports or of a --plugin-path.", valueName: "name"))
    var name: String?

    @Option(help: ArgumentHelp("First day of the period, dd/MM/yyyy.", valueName: "date"))
    var from: String?

    @Option(help: ArgumentHelp("Last day of the period (included), dd/MM/yyyy.", valueName: "date"))
    var to: String?

    @Option(help: ArgumentHelp("A calendar year, e.g. 2026.", valueName: "yyyy"))
    var year: String?

    @Option(help: ArgumentHelp("A half year, e.g. 2026-1 (January–June).", valueName: "yyyy-h"))
    var half: String?

    @Option(help: ArgumentHelp("A quarter, e.g. 2026-2 (April–June).", valueName: "yyyy-q"))
    var quarter: String?

    @Option(help: ArgumentHelp("A month, e.g. 2026-05.", valueName: "yyyy-mm"))
    var month: String?

    @Option(name: .shortAndLong, help: ArgumentHelp("md, html, csv, json, xlsx or docx (default: from -o's extension, else md).", valueName: "format"))
    var format: String?

    @Option(name: [.customShort("o"), .customLong("output")], help: ArgumentHelp("The file to write (default: standard output, text formats only).", valueName: "file"))
    var output: String?

    @OptionGroup var store: StoreOptions

    @OptionGroup var centre: CentreOption

    @OptionGroup var now: NowOption

    @Option(name: .customLong("option"), help: ArgumentHelp("An option of the report, name=value (repeatable).", valueName: "name=value"))
    var options: [String] = []

    @OptionGroup var plugins: PluginOptions

    @Flag(help: "List the reports found, with their options, and exit.")
    var list = false

    func validate() throws {
        if !list && name == nil { throw ValidationError("no report named: hostrun report NAME ... (hostrun report --list shows them)") }
        _ = try now.instant()
        for option in options where !option.contains("=") {
            throw ValidationError("--option \(option): expected name=value")
        }
    }

    func run() throws {
        do {
            let catalog = plugins.catalog
            let clock = now.clock
            let access = store.access(clock: clock, centre: centre.name)
            let host = PluginHost(policy: try plugins.operatorPolicy(), clock: clock, store: access)
            if list { return try printList(catalog, host: host) }
            try centre.check(access)
            guard let name else { return }
            let period = try self.period()
            let format = try self.outputFormat()
            let plugin = try ReportRunner.report(named: name, in: catalog)
            // Every report reads the store: a missing one is the operator's mistake, said once
            // here rather than as a traceback through the report's code.
            _ = try access.store()
            let document = try ReportRunner.build(plugin, ReportRequest(period: period, options: optionValues, format: format), host: host)
            try write(document, as: format)
        } catch {
            guard let status = Self.exitStatus(error) else { throw error }
            writeError("hostrun report: \(error)\n")
            throw status.exitCode
        }
    }

    /// Usage errors for what the operator typed (the policy file, the flags, the report, its
    /// format and options); the script's own codes for its failures; nil for anything else.
    static func exitStatus(_ error: any Error) -> ExitStatus? {
        switch error {
        case is PluginManifestError, is ValidationError, is CommandProblem: .usage
        case ReportError.unknownReport, ReportError.unsupportedFormat, ReportError.badOption: .usage
        case ReportError.badEntry, is FormatError, is StoreAccessError: .scriptError
        case ReportError.script(_, let lua): ExitStatus(lua)
        default: nil
        }
    }

    // MARK: Arguments

    /// `--option a=b` as a dictionary (the last value of a name wins).
    private var optionValues: [String: String] {
        var values: [String: String] = [:]
        for option in options {
            let parts = option.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            values[String(parts[0])] = parts.count > 1 ? String(parts[1]) : ""
        }
        return values
    }

    /// The period of exactly one of the period flags.
    private func period() throws -> ReportingPeriod {
        let given = [from != nil || to != nil, year != nil, half != nil, quarter != nil, month != nil].filter { $0 }.count
        guard given == 1 else {
            throw ValidationError(given == 0
                ? "no period: give --from and --to, or --year, --half, --quarter or --month"
                : "give one period: --from and --to, or --year, --half, --quarter or --month")
        }
        if from != nil || to != nil {
            guard let from, let to else { throw ValidationError("--from and --to go together") }
            let first = try date(from, flag: "--from"), last = try date(to, flag: "--to")
            guard first <= last else { throw ValidationError("--to \(to) is before --from \(from)") }
            return try ReportingPeriod(from: first, to: last)
        }
        if let year { return try months(year: try number(year, flag: "--year", pattern: #"^\d{4}$"#), first: 1, count: 12) }
        if let half {
            let (y, h) = try pair(half, flag: "--half", example: "2026-1", range: 1...2)
            return try months(year: y, first: (h - 1) * 6 + 1, count: 6)
        }
        if let quarter {
            let (y, q) = try pair(quarter, flag: "--quarter", example: "2026-2", range: 1...4)
            return try months(year: y, first: (q - 1) * 3 + 1, count: 3)
        }
        let (y, m) = try pair(month ?? "", flag: "--month", example: "2026-05", range: 1...12)
        return try months(year: y, first: m, count: 1)
    }

    private func date(_ text: String, flag: String) throws -> LocalDate {
        do {
            return try LocalDate(parsing: text)
        } catch {
            throw ValidationError("\(flag) \(text) is not a date (dd/MM/yyyy): \(error.reason)")
        }
    }

    private func number(_ text: String, flag: String, pattern: String) throws -> Int {
        guard text.range(of: pattern, options: .regularExpression) != nil, let value = Int(text) else {
            throw ValidationError("\(flag) \(text): expected a year such as 2026")
        }
        return value
    }

    /// `2026-1`: a year and a part within `range`.
    private func pair(_ text: String, flag: String, example: String, range: ClosedRange<Int>) throws -> (Int, Int) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, let year = Int(parts[0]), let part = Int(parts[1]), range.contains(part) else {
            throw ValidationError("\(flag) \(text): expected a year and a number from \(range.lowerBound) to \(range.upperBound), e.g. \(example)")
        }
        return (year, part)
    }

    private func months(year: Int, first: Int, count: Int) throws -> ReportingPeriod {
        let last = first + count - 1
        guard let start = LocalDate(year: year, month: first, day: 1),
              let next = last == 12 ? LocalDate(year: year + 1, month: 1, day: 1) : LocalDate(year: year, month: last + 1, day: 1) else {
            throw ValidationError("no such period in \(year)")
        }
        return try ReportingPeriod(from: start, to: next.adding(days: -1))
    }

    /// `--format`, else the extension of `-o`, else Markdown.
    private func outputFormat() throws -> ReportFormat {
        if let format {
            guard let known = ReportFormat(name: format) else {
                throw ValidationError("--format \(format): not one of md, html, csv, json, xlsx, docx")
            }
            return known
        }
        guard let output, output != "-" else { return .markdown }
        let ext = (output as NSString).pathExtension
        guard let known = ReportFormat(name: ext) else {
            throw ValidationError("-o \(output): cannot tell the format from '.\(ext)'; give --format (md, html, csv, json, xlsx, docx)")
        }
        return known
    }

    // MARK: Output

    private func write(_ document: ReportDocument, as format: ReportFormat) throws {
        if let output, output != "-" {
            try format.writer.write(document, to: URL(fileURLWithPath: output))
            return
        }
        guard let writer = format.writer as? any TextReportWriter else {
            throw ValidationError("\(format.fileExtension) is a binary format: give -o FILE")
        }
        print(try writer.render(document), terminator: "")
    }

    private func printList(_ catalog: PluginCatalog, host: PluginHost) throws {
        for plugin in catalog.plugins where plugin.manifest.kind == .report {
            print("\(plugin.manifest.name)  \(plugin.manifest.description)")
            for option in try ReportRunner.declaredOptions(plugin, host: host) {
                let value = option.defaultValue.map { " (default: \($0))" } ?? ""
                print("    --option \(option.name)=<\(option.values?.joined(separator: "|") ?? option.kind.rawValue)>  \(option.description)\(value)")
            }
        }
    }
}
