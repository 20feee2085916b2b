/// Any Lua value, as a Swift value.
///
/// Integers and floats stay distinct (`3` is ``integer(_:)``, `3.0` is ``number(_:)``), as
/// Lua 5.4 keeps them. Tables are copied into a ``LuaTable`` (raw access, depth-limited, cycles
/// rejected); functions, userdata and coroutines cannot be copied and are held by
/// ``LuaReference``.
public enum LuaValue: Equatable {
    case `nil`
    case boolean(Bool)
    case integer(Int64)
    case number(Double)
    case string(LuaString)
    case table(LuaTable)
    case function(LuaReference)
    case userdata(LuaReference)
    case lightUserdata(UnsafeMutableRawPointer?)
    case thread(LuaReference)

    /// The Lua type of the value.
    public var type: LuaType {
        switch self {
        case .nil: .nil
        case .boolean: .boolean
        case .integer, .number: .number
        case .string: .string
        case .table: .table
        case .function: .function
        case .userdata: .userdata
        case .lightUserdata: .lightUserdata
        case .thread: .thread
        }
    }

    /// Lua truthiness: everything but `nil` and `false` is true.
    public var isTruthy: Bool {
        switch self {
        case .nil, .boolean(false): false
        default: true
        }
    }

    /// The text of a string value that is valid UTF-8.
    public var stringValue: String? {
        if case .string(let s) = self { return s.utf8 }
        return nil
    }

    /// The value of an integer, or of a float with an exact integer value.
    public var integerValue: Int64? {
        switch self {
        case .integer(let i): i
        case .number(let d): Int64(exactly: d)
        default: nil
        }
    }

    /// The value of any number, as a float.
    public var numberValue: Double? {
        switch self {
        case .integer(let i): Double(i)
        case .number(let d): d
        default: nil
        }
    }

    /// The table, for a table value.
    public var tableValue: LuaTable? {
        if case .table(let t) = self { return t }
        return nil
    }

    public static func == (lhs: LuaValue, rhs: LuaValue) -> Bool {
        switch (lhs, rhs) {
        case (.nil, .nil): true
        case let (.boolean(a), .boolean(b)): a == b
        case let (.integer(a), .integer(b)): a == b
        case let (.number(a), .number(b)): a == b
        case let (.string(a), .string(b)): a == b
        case let (.table(a), .table(b)): a == b
        case let (.function(a), .function(b)), let (.userdata(a), .userdata(b)), let (.thread(a), .thread(b)):
            a === b
        case let (.lightUserdata(a), .lightUserdata(b)): a == b
        default: false
        }
    }
}

extension LuaValue: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral,
    ExpressibleByDictionaryLiteral
{
    public init(nilLiteral: ()) { self = .nil }
    public init(booleanLiteral value: Bool) { self = .boolean(value) }
    public init(integerLiteral value: Int64) { self = .integer(value) }
    public init(floatLiteral value: Double) { self = .number(value) }
    public init(stringLiteral value: String) { self = .string(LuaString(value)) }
    public init(arrayLiteral elements: LuaValue...) { self = .table(LuaTable(sequence: elements)) }
    public init(dictionaryLiteral elements: (String, LuaValue)...) {
        var table = LuaTable()
        for (key, value) in elements { table[key] = value }
        self = .table(table)
    }
}
