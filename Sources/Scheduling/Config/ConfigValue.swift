/// A value of the scheduler configuration as the host read it from `schedule.lua`: the Lua
/// table the file returns, converted without interpretation.
///
/// The host maps Lua strings, integers, floats and booleans to the matching case, a sequence
/// table (keys 1…n) to ``list(_:)`` and any other table to ``table(_:)``. An empty Lua table is
/// ambiguous; the decoder accepts either case wherever a list or table is expected.
public enum ConfigValue: Sendable, Hashable {
    case string(String)
    case integer(Int)
    case number(Double)
    case boolean(Bool)
    case list([ConfigValue])
    case table([String: ConfigValue])

    /// The Lua type name, for error messages.
    public var typeName: String {
        switch self {
        case .string: "string"
        case .integer: "integer"
        case .number: "number"
        case .boolean: "boolean"
        case .list: "list"
        case .table: "table"
        }
    }

    /// "a string", "an integer", …
    public var typeNameWithArticle: String {
        (typeName == "integer" ? "an " : "a ") + typeName
    }
}
