import LuaBridge

/// Why `hostrun test` could not run the specs (as opposed to specs that failed).
public enum HarnessError: Error, Equatable, CustomStringConvertible, Sendable {
    /// The harness's Lua modules are missing from hostrun's resources.
    case missingResources(String)
    /// A path given on the command line or in `.busted` does not exist.
    case missingPath(String)
    /// A file could not be read (path, reason).
    case unreadable(String, String)
    /// The `.busted` file or the options are wrong (the message names which).
    case configuration(String)
    /// No spec file matched the patterns in the given paths.
    case noSpecFiles(patterns: [String])
    /// The harness itself failed in Lua (a bug or a limit breach while rendering).
    case lua(LuaError)

    public var description: String {
        switch self {
        case .missingResources(let detail): "the test harness's Lua modules are missing: \(detail)"
        case .missingPath(let path): "Cannot find file or directory: \(path)"
        case .unreadable(let path, let reason): "cannot read \(path): \(reason)"
        case .configuration(let message): message
        case .noSpecFiles(let patterns):
            "No test files found matching Lua pattern: " + (patterns.count == 1
                ? patterns[0] : "\n\t" + patterns.joined(separator: "\n\t"))
        case .lua(let error): "test harness: \(error)"
        }
    }
}
