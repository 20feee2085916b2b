/// A Lua value that does not have the Swift type asked for.
///
/// Its description reads like Lua's own messages, `table expected, got string`, so that the
/// bridge can wrap it as `bad argument #2 to 'dossiers.query' (table expected, got string)`.
public struct LuaConversionError: Error, Equatable, CustomStringConvertible, Sendable {
    /// What went wrong, without position: `table expected, got string`.
    public var reason: String
    /// The path inside nested tables where it went wrong, outermost first: `["opts", "status"]`.
    public var path: [String]

    public init(_ reason: String, path: [String] = []) {
        self.reason = reason
        self.path = path
    }

    /// A type mismatch in Lua's words.
    public static func typeMismatch(expected: String, got: String) -> LuaConversionError {
        LuaConversionError("\(expected) expected, got \(got)")
    }

    /// The same error, one level deeper inside a table.
    public func inside(_ key: String) -> LuaConversionError {
        LuaConversionError(reason, path: [key] + path)
    }

    public var description: String {
        path.isEmpty ? reason : "field '\(path.joined(separator: "."))': \(reason)"
    }
}
