/// A copy of a Lua table: its sequence part and its other fields.
///
/// ``sequence`` holds the values at keys `1...n` without a hole; every other key is in
/// ``fields``. Keys are strings, numbers or booleans (``LuaKey``); a Lua table keyed by tables or
/// functions cannot be copied.
public struct LuaTable: Equatable {
    /// Values at keys `1...n`.
    public var sequence: [LuaValue]
    /// All other entries.
    public var fields: [LuaKey: LuaValue]

    public init(sequence: [LuaValue] = [], fields: [LuaKey: LuaValue] = [:]) {
        self.sequence = sequence
        self.fields = fields
    }

    /// The value of a string key (`nil` when absent).
    public subscript(key: String) -> LuaValue {
        get { fields[.string(LuaString(key))] ?? .nil }
        set {
            if case .nil = newValue { fields[.string(LuaString(key))] = nil }
            else { fields[.string(LuaString(key))] = newValue }
        }
    }

    /// Whether the table has no entries.
    public var isEmpty: Bool { sequence.isEmpty && fields.isEmpty }
}

/// A table key that can be copied to Swift.
public enum LuaKey: Hashable, Sendable {
    case integer(Int64)
    case number(Double)
    case string(LuaString)
    case boolean(Bool)

    /// The key as a value.
    public var value: LuaValue {
        switch self {
        case .integer(let i): .integer(i)
        case .number(let d): .number(d)
        case .string(let s): .string(s)
        case .boolean(let b): .boolean(b)
        }
    }

    /// How the key reads in a message: `status`, `[3]`.
    public var pathComponent: String {
        switch self {
        case .string(let s): s.description
        case .integer(let i): "[\(i)]"
        case .number(let d): "[\(d)]"
        case .boolean(let b): "[\(b)]"
        }
    }
}
