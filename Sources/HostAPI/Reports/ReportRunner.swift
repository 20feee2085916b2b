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

    public init(period: ReportingPeriod, options: [String: String] = [:], format: ReportFormat? = nil) {
        self.period = period
        self.options = options
        self.format = format
    }

    /// The option values that name existing files: the run's `$SOURCE`s, granted to a report
    /// whose manifest reads `$SOURCE` (the text file of `--option text=noi-dung.txt`, say).
    var sources: [String] {
        options.values.sorted().filter { value in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: value, isDirectory: &isDirectory) && !isDirectory.boolValue
        }
    }
}

/// Builds a report plugin as `docs/plugins.md` says: the ``PluginHost`` opens its entry module
/// in a sandbox with the grants its manifest asks for (within the operator's policy); the host
/// checks `M.formats` against the format asked for and the options against `M.options`, then
/// `M.build(period, options)` returns a `Document`, which the caller renders.
public enum ReportRunner {

    /// The report plugin named `name` in `catalog`.
    public static func report(named name: String, in catalog: PluginCatalog) throws(ReportError) -> InstalledPlugin {
        guard let plugin = catalog.plugin(named: name), plugin.manifest.kind == .report else {
            let known = catalog.plugins.filter { $0.manifest.kind == .report }.map(\.manifest.name)
            throw .unknownReport(name: name, known: known, problems: catalog.problems.map(\.reason))
        }
        return plugin
    }

    /// Builds `plugin` for `request` under `host`'s clock, store, calendar, policy and limits,
    /// and returns the document `M.build` made.
    public static func build(_ plugin: InstalledPlugin, _ request: ReportRequest, host: PluginHost) throws(ReportError) -> ReportDocument {
        let name = plugin.manifest.name, entry = plugin.manifest.entry
        let session: PluginSession
        do {
            session = try host.open(plugin, placeholders: ["SOURCE": request.sources])
        } catch {
            throw ReportError(error, report: name)
        }
        try checkFormat(session.exports["formats"], request, report: name, entry: entry)
        let declared = try ReportOption.declared(session.exports["options"], report: name, entry: entry)
        let options = try ReportOption.resolve(declared, given: request.options, report: name, folder: plugin.folder)

        let state = session.sandbox.state
        let taken = Taken()
        let values: [LuaValue]
        do {
            let period = Self.value(in: state) { $0.push(userdata: PeriodObject(request.period, time: session.environment.time), as: PeriodObject.type) }
            let result = try session.call("build", [period, .table(options)]).first ?? .nil
            // The Document's Swift object is reached through a host function given the value.
            let take = Self.value(in: state) { stack in
                stack.pushFunction(name: "hostrun report") { call in
                    taken.document = (try? call.userdata(1, as: DocumentObject.type))?.document
                    return 0
                }
            }
            values = [result]
            _ = try state.call(Self.reference(take), values)
        } catch let error as PluginError {
            throw ReportError(error, report: name)
        } catch let error as LuaError {
            throw .script(report: name, error)
        } catch {
            throw .badEntry(report: name, reason: "\(error)")
        }
        guard let document = taken.document else {
            let got = values.first.map { $0 == .nil ? "nil" : $0.type.name } ?? "nothing"
            throw .badEntry(report: name, reason: "\(entry): build must return the Document made with report.document, not \(got)")
        }
        return document
    }

    /// The options a report declares, for `hostrun report --list`.
    public static func declaredOptions(_ plugin: InstalledPlugin, host: PluginHost) throws(ReportError) -> [ReportOption] {
        do {
            let session = try host.open(plugin)
            return try ReportOption.declared(session.exports["options"], report: plugin.manifest.name, entry: plugin.manifest.entry)
        } catch let error as PluginError {
            throw ReportError(error, report: plugin.manifest.name)
        } catch let error as ReportError {
            throw error
        } catch {
            throw .badEntry(report: plugin.manifest.name, reason: "\(error)")
        }
    }

    private final class Taken {
        var document: ReportDocument?
    }

    /// Checks the format asked for against `M.formats` (every format when nil).
    private static func checkFormat(_ value: LuaValue, _ request: ReportRequest, report: String, entry: String) throws(ReportError) {
        var formats = ReportFormat.allCases
        if value != .nil {
            guard case .table(let list) = value, list.fields.isEmpty, !list.sequence.isEmpty else {
                throw .badEntry(report: report, reason: "\(entry): M.formats must be an array of format names (md, html, csv, json, xlsx, docx)")
            }
            formats = []
            for item in list.sequence {
                guard let text = item.stringValue, let format = ReportFormat(name: text) else {
                    throw .badEntry(report: report, reason: "\(entry): M.formats names an unknown format \(item.stringValue.map { "'\($0)'" } ?? item.type.name)")
                }
                formats.append(format)
            }
        }
        if let wanted = request.format, !formats.contains(wanted) {
            throw .unsupportedFormat(report: report, format: wanted.fileExtension, supported: formats.map(\.fileExtension))
        }
    }

    /// A value pushed by `push`, taken off the stack as a `LuaValue`.
    private static func value(in state: LuaState, _ push: (LuaStack) -> Void) -> LuaValue {
        let stack = state.stack
        push(stack)
        defer { stack.pop() }
        var context = LuaReadContext()
        return (try? LuaValue.read(from: stack, at: -1, context: &context)) ?? .nil
    }

    private static func reference(_ value: LuaValue) -> LuaReference {
        guard case .function(let function) = value else { preconditionFailure("a pushed host function reads as a function") }
        return function
    }
}
