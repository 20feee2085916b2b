import LuaBridge

/// Why a check produced no result of its own. Every failure is reported as status `unknown`
/// (Nagios exit code 3): the check could not tell, which is not the same as "all is well".
public enum CheckFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// No check plugin has this name (or the folder's manifest is invalid).
    case notFound(String, problems: [String])
    /// The plugin exists but is a connector or a report.
    case notACheck(String, kind: String)
    /// An option was unknown or could not be read as its declared type.
    case invalidOption(CheckOptionError)
    /// The entry module is wrong: it does not return `run`, or its `options` are malformed.
    case invalidPlugin(String)
    /// The check raised an error.
    case script(LuaError)
    /// The check broke one of its limits: `time limit of 60 s exceeded`.
    case limit(String)
    /// `run` returned something that is not a check result.
    case invalidResult(CheckResultReadError)
    /// The store, the manifest or the sandbox could not be set up.
    case host(String)

    public var description: String {
        switch self {
        case let .notFound(name, problems):
            "no check named '\(name)' (`hostrun check --list` shows them)"
                + (problems.isEmpty ? "" : "; plugin problems: " + problems.joined(separator: "; "))
        case let .notACheck(name, kind): "plugin '\(name)' is a \(kind), not a check"
        case .invalidOption(let error): error.description
        case .invalidPlugin(let reason): reason
        case .script(let error): error.message
        case .limit(let what): what
        case .invalidResult(let error): "returned an invalid result: \(error)"
        case .host(let reason): reason
        }
    }
}
