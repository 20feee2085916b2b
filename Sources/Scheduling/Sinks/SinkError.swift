/// Why a sink could not deliver.
public enum SinkError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A system call failed: what was attempted, on what, and `strerror`.
    case system(operation: String, target: String, message: String)
    /// The webhook answered with a status outside 200–299.
    case httpStatus(url: String, status: Int)
    /// The webhook could not be reached.
    case http(url: String, message: String)
    /// The mail server answered a command with an unexpected reply.
    case smtp(command: String, reply: String)

    public var description: String {
        switch self {
        case .system(let operation, let target, let message): "\(operation) \(target): \(message)"
        case .httpStatus(let url, let status): "POST \(url): HTTP \(status)"
        case .http(let url, let message): "POST \(url): \(message)"
        case .smtp(let command, let reply): "SMTP \(command): server replied '\(reply)'"
        }
    }
}
