/// A host function was called with a wrong argument.
///
/// Reads like Lua's own: `bad argument #2 to 'dossiers.query' (table expected, got string)`.
public struct LuaArgumentError: Error, CustomStringConvertible, Sendable {
    /// The 1-based argument position as the script wrote it (the `self` of a method call is 0).
    public var position: Int32
    /// The function as the script knows it, e.g. `dossiers.query`.
    public var function: String
    /// What is wrong: `table expected, got string`.
    public var reason: String

    public init(position: Int32, function: String, reason: String) {
        self.position = position
        self.function = function
        self.reason = reason
    }

    public var description: String {
        position == 0
            ? "calling '\(function)' on bad self (\(reason))"
            : "bad argument #\(position) to '\(function)' (\(reason))"
    }
}
