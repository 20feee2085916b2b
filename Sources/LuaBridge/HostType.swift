/// A type as script authors read it, in LuaLS annotation syntax: `string`, `integer`,
/// `table`, `Dossier`, `string?`, `fun(d: Dossier): boolean`.
///
/// Only documentation: the registry renders it into API pages and `---@meta` files.
public struct HostType: Hashable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The LuaLS spelling.
    public var name: String

    public init(_ name: String) { self.name = name }
    public init(stringLiteral value: String) { self.name = value }

    public static let `nil`: HostType = "nil"
    public static let any: HostType = "any"
    public static let boolean: HostType = "boolean"
    public static let integer: HostType = "integer"
    public static let number: HostType = "number"
    public static let string: HostType = "string"
    public static let table: HostType = "table"
    public static let function: HostType = "function"

    /// The same type, or nil: `string?`.
    public var optional: HostType { HostType(name + "?") }

    /// An array of this type: `string[]`.
    public var array: HostType { HostType(name + "[]") }

    public var description: String { name }
}

/// One parameter of a host function, for the documentation.
public struct HostParameter: Hashable, Sendable {
    public var name: String
    public var type: HostType
    public var description: String

    public init(_ name: String, _ type: HostType, _ description: String = "") {
        self.name = name
        self.type = type
        self.description = description
    }

    /// Whether the parameter may be omitted (its type ends in `?`).
    public var isOptional: Bool { type.name.hasSuffix("?") }
}

/// One return value of a host function, for the documentation.
public struct HostReturn: Hashable, Sendable {
    public var type: HostType
    public var description: String

    public init(_ type: HostType, _ description: String = "") {
        self.type = type
        self.description = description
    }
}
