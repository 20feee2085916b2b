import LuaBridge

/// Why a report could not be built: each case names the report, file, option or format.
public enum ReportError: Error, CustomStringConvertible, Sendable {
    /// No report plugin of that name; `problems` are the plugin folders that could not be read.
    case unknownReport(name: String, known: [String], problems: [String])
    /// The report cannot be written in the format asked for.
    case unsupportedFormat(report: String, format: String, supported: [String])
    /// An option the report does not declare, or a value it does not accept.
    case badOption(report: String, option: String, reason: String)
    /// The entry module does not do what the contract asks (`M.build`, `M.formats`,
    /// `M.options`, a `Document`), or the plugin could not be opened.
    case badEntry(report: String, reason: String)
    /// The report's Lua code failed (its message names the file and line), or a limit ended it.
    case script(report: String, LuaError)

    /// A failure of the plugin layer, as a report error.
    init(_ error: PluginError, report: String) {
        if case .lua(_, let lua) = error {
            self = .script(report: report, lua)
        } else {
            self = .badEntry(report: report, reason: error.description)
        }
    }

    public var description: String {
        switch self {
        case let .unknownReport(name, known, problems):
            let list = known.isEmpty ? "none found in ./Plugins/reports, $HOSTRUN_PLUGINS or --plugin-path" : "reports: " + known.joined(separator: ", ")
            return "unknown report '\(name)' (\(list))" + problems.map { "\n  \($0)" }.joined()
        case let .unsupportedFormat(report, format, supported):
            return "report '\(report)' cannot be written as \(format) (it supports \(supported.joined(separator: ", ")))"
        case let .badOption(report, option, reason):
            return "report '\(report)': option '\(option)': \(reason)"
        case let .badEntry(report, reason):
            return "report '\(report)': \(reason)"
        case let .script(report, error):
            return "report '\(report)': \(error)"
        }
    }
}
