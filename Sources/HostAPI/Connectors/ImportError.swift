import LuaBridge

/// Why an import wrote nothing at all.
public enum ImportError: Error, CustomStringConvertible, Sendable {
    /// No connector of that name where hostrun looks for them.
    case connectorNotFound(name: String, searched: [String])
    /// A source file given on the command line cannot be read.
    case unreadableSource(path: String, reason: String)
    /// The connector's entry module does not keep the connector contract (docs/plugins.md).
    case invalidConnector(name: String, reason: String)
    /// The connector's script failed (a runtime error, a limit, a file it could not read).
    case connectorFailed(name: String, LuaError)
    /// The connector yielded a record that is not a canonical record (a field hostrun does not
    /// know, a table where a value belongs): a fault of the connector, not of one row.
    case malformedRecord(name: String, RecordRejection)
    /// The store failed; the batch was rolled back.
    case store(String)

    public var description: String {
        switch self {
        case let .connectorNotFound(name, searched):
            "no connector '\(name)' (looked in \(searched.joined(separator: ", ")))"
        case let .unreadableSource(path, reason):
            "cannot read \(path): \(reason)"
        case let .invalidConnector(name, reason):
            "connector \(name): \(reason)"
        case let .connectorFailed(name, error):
            "connector \(name) failed: \(error.message)"
        case let .malformedRecord(name, rejection):
            "connector \(name) yielded a malformed record: \(rejection)"
        case let .store(message):
            message
        }
    }
}
