import CLua

/// The type of a value on the Lua stack, as `lua_type` reports it.
public enum LuaType: Int32, Sendable, CaseIterable {
    /// An index past the top of the stack (`LUA_TNONE`).
    case none = -1
    case `nil` = 0
    case boolean = 1
    case lightUserdata = 2
    case number = 3
    case string = 4
    case table = 5
    case function = 6
    case userdata = 7
    case thread = 8

    /// The name Lua uses in messages (`no value`, `nil`, `number`, ...).
    public var name: String {
        switch self {
        case .none: "no value"
        case .nil: "nil"
        case .boolean: "boolean"
        case .lightUserdata: "light userdata"
        case .number: "number"
        case .string: "string"
        case .table: "table"
        case .function: "function"
        case .userdata: "userdata"
        case .thread: "thread"
        }
    }
}
