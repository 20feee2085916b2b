import Domain
import Formats
import Foundation
import LuaBridge
import Sandbox

/// What a report is asked for: the period, the options as the operator typed them
/// (`--option decimal=.`), and the format it will be written in, if known.
public struct ReportRequest: Sendable {
    public var period: ReportingPeriod
    public var options: [String: String]
    /// Checked against the report's `M.formats` before it is built; nil to skip the check.
    public var format: ReportFormat?
    /// Whether the operator lets a report that asks for personal data see it unmasked.
    public var allowPersonalData: Bool

    public init(period: ReportingPeriod, options: [String: String] = [:], format: ReportFormat? = nil,
                allowPersonalData: Bool = false) {
        self.period = period
        self.options = options
        self.format = format
        self.allowPersonalData = allowPersonalData
    }
}

/// A report built: its document and the formats it can be written in.
public struct BuiltReport: Sendable {
    public var document: ReportDocument
    public var formats: [ReportFormat]
}

/// Builds a report the way the plugin contract says (`docs/plugins.md`): the entry module runs
/// in a fresh sandbox whose `require` reads the plugin's folder, granted what its manifest asks
/// (and the operator allows) plus the files its file options name; `M.build(period, options)`
/// returns a `Document`, which the host then renders.
public enum ReportRunner {
    /// Builds `plugin` for `request`, its host modules answering from `host`'s clock, store,
    /// calendar and log.
    public static func build(_ plugin: ReportPlugin, _ request: ReportRequest, host: HostEnvironment,
                             limits: Limits = .default, output: OutputSink = StandardOutputSink()) throws(ReportError) -> BuiltReport {
        let (options, files) = try resolveOptions(plugin, request.options)
        let environment = HostEnvironment(
            clock: host.clock, store: host.store, deadlines: host.deadlines, log: host.log,
            grants: ScriptGrants(personalData: plugin.personalData && request.allowPersonalData),
            capabilities: Capabilities(readPaths: plugin.readPaths + files))
        let outcome = Outcome()
        var registry = environment.registry
        registry.add(driverModule(plugin, request, options, environment, outcome))
        do {
            let sandbox = try Sandbox(limits: limits, capabilities: environment.capabilities, output: output,
                                      modules: registry, moduleFolder: plugin.folder)
            try sandbox.run(source: Array(driver.utf8), name: "=hostrun report", scriptName: plugin.name)
        } catch {
            if let failure = outcome.failure { throw failure }
            throw .script(report: plugin.name, error)
        }
        guard let document = outcome.document else {
            throw .badEntry(report: plugin.name, reason: "\(plugin.entry): build did not return a Document")
        }
        return BuiltReport(document: document, formats: outcome.formats)
    }

    /// Runs the entry module. The chunk is the host's; `hostrun_report` hands it the period and
    /// options and takes back the formats and the document.
    static let driver = """
        local host = hostrun_report
        local M = require(host.entry)
        if type(M) ~= "table" or type(M.build) ~= "function" then
          host.refuse("the entry module must return a table with a function build(period, options)")
        end
        host.accept(M.formats)
        host.deliver(M.build(host.period(), host.options()))
        """

    private final class Outcome {
        var formats = ReportFormat.allCases
        var document: ReportDocument?
        var failure: ReportError?
    }

    private static func driverModule(_ plugin: ReportPlugin, _ request: ReportRequest, _ options: LuaTable,
                                     _ environment: HostEnvironment, _ outcome: Outcome) -> HostModule {
        func fail(_ error: ReportError) -> LuaRuntimeMessage {
            outcome.failure = error
            return LuaRuntimeMessage(error.description)
        }
        return HostModule("hostrun_report", "The host side of one report run (used by the runner's own chunk).",
                          constants: [("entry", .string(LuaString(plugin.entryModule)), "the entry module's require name")]) {
            HostFunction("refuse", "Ends the run: the entry module breaks the contract.",
                         parameters: [.init("reason", .string)]) { call in
                throw fail(.badEntry(report: plugin.name, reason: "\(plugin.entry): \(try call.string(1))"))
            }
            HostFunction("accept", "Records M.formats and checks the format asked for.",
                         parameters: [.init("formats", "string[]?")]) { call in
                guard call.argumentCount >= 1, call.stack.type(at: 1) != .nil else { return 0 }
                guard let names = try? call.argument(1, as: [String].self) else {
                    throw fail(.badEntry(report: plugin.name, reason: "\(plugin.entry): M.formats must be an array of format names"))
                }
                var formats: [ReportFormat] = []
                for name in names {
                    guard let format = ReportFormat(name: name) else {
                        throw fail(.badEntry(report: plugin.name, reason: "\(plugin.entry): M.formats names an unknown format '\(name)'"))
                    }
                    formats.append(format)
                }
                outcome.formats = formats
                if let wanted = request.format, !formats.contains(wanted) {
                    throw fail(.unsupportedFormat(report: plugin.name, format: wanted.fileExtension,
                                                  supported: formats.map(\.fileExtension)))
                }
                return 0
            }
            HostFunction("period", "The period asked for.", returns: [.init("Period")]) { call in
                call.push(userdata: PeriodObject(request.period, time: environment.time), as: PeriodObject.type)
                return 1
            }
            HostFunction("options", "The options, converted as the manifest declares them.", returns: [.init(.table)]) { call in
                call.returning(options)
            }
            HostFunction("deliver", "Takes the document M.build returned.", parameters: [.init("doc", "Document")]) { call in
                guard let object = try? call.userdata(1, as: DocumentObject.type) else {
                    throw fail(.badEntry(report: plugin.name,
                                         reason: "\(plugin.entry): build must return the Document made with report.document, not \(call.stack.typeDescription(at: 1))"))
                }
                outcome.document = object.document
                return 0
            }
        }
    }

    /// The options table `M.build` receives (given values converted, defaults filled in) and
    /// the files the file options name, to be granted.
    static func resolveOptions(_ plugin: ReportPlugin, _ given: [String: String]) throws(ReportError) -> (LuaTable, [String]) {
        let declared = Dictionary(plugin.options.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        for name in given.keys.sorted() where declared[name] == nil {
            let known = plugin.options.map(\.name)
            throw .badOption(report: plugin.name, option: name,
                             reason: "not an option of this report (" + (known.isEmpty ? "it has none" : "options: " + known.joined(separator: ", ")) + ")")
        }
        var table = LuaTable()
        var files: [String] = []
        for option in plugin.options {
            guard let text = given[option.name] ?? option.defaultValue else { continue }
            func fail(_ reason: String) -> ReportError { .badOption(report: plugin.name, option: option.name, reason: reason) }
            if let values = option.values, !values.contains(text) {
                throw fail("'\(text)' is not one of " + values.joined(separator: ", "))
            }
            switch option.kind {
            case .string:
                table[option.name] = .string(LuaString(VietnameseText.nfc(text)))
            case .integer:
                guard let value = Int64(text) else { throw fail("'\(text)' is not a whole number") }
                table[option.name] = .integer(value)
            case .boolean:
                switch text.lowercased() {
                case "true", "yes", "1": table[option.name] = .boolean(true)
                case "false", "no", "0": table[option.name] = .boolean(false)
                default: throw fail("'\(text)' is not true or false")
                }
            case .file:
                let path = ReportPlugin.resolve(text, folder: plugin.folder)
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
                    throw fail("no such file: \(path)")
                }
                files.append(path)
                table[option.name] = .string(LuaString(path))
            }
        }
        return (table, files)
    }
}
