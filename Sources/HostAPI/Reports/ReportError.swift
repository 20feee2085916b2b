import LuaBridge

/// Why a report could not be built: each case names the report, file, option or format.
public enum ReportError: Error, CustomStringConvertible, Sendable {
    /// No report of that name in the plugin folders searched.
    case unknownReport(name: String, known: [String], searched: [String])
    /// A `manifest.lua` that cannot be read or says something invalid.
    case badManifest(file: String, reason: String)
    /// The report cannot be written in the format asked for.
    case unsupportedFormat(report: String, format: String, supported: [String])
    /// An option the manifest does not declare, or a value it does not accept.
    case badOption(report: String, option: String, reason: String)
    /// The entry module did not return what the contract asks (`M.build`, `M.formats`, a
    /// `Document`).
    case badEntry(report: String, reason: String)
    /// The report's Lua code failed (its message names the file and line), or a limit ended it.
    case script(report: String, LuaError)

    public var description: String {
        switch self {
        case let .unknownReport(name, known, searched):
            let list = known.isEmpty ? "none found" : "known: " + known.joined(separator: ", ")
            return "unknown report '\(name)' (\(list); searched \(searched.joined(separator: ", ")))"
        case let .badManifest(file, reason):
            return "\(file): \(reason)"
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

    /// The Lua error behind a script failure, for exit codes that tell limits apart.
    public var luaError: LuaError? {
        if case .script(_, let error) = self { return error }
        return nil
    }
}
