import CLua
import CLuaShim

/// A Swift value that can be pushed onto the Lua stack (mlua's `IntoLua`).
///
/// Conform your own types to pass them to Lua directly; the bridge's conformances cover
/// `Bool`, integers, `Double`, `String`, ``LuaString``, ``LuaValue``, ``LuaTable``,
/// ``LuaReference``, optionals, arrays and string-keyed dictionaries.
public protocol IntoLua {
    /// Pushes exactly one value.
    func push(onto stack: LuaStack)
}

/// A Swift value that can be read from the Lua stack (mlua's `FromLua`).
///
/// Reading follows Lua's C API, with Lua's wording on failure: numbers read like
/// `luaL_checkinteger`/`luaL_checknumber` (an `Int` accepts `3`, `3.0` and `"3"`, not `1.5`);
/// otherwise types must match exactly: a `String` accepts only strings, and only valid UTF-8
/// (use ``LuaString`` for arbitrary bytes), a `Bool` only booleans. Tables are read with raw access, to a depth of
/// ``LuaReadContext/maximumDepth``, and a table that contains itself is an error.
public protocol FromLua {
    /// Reads the value at `index` (an absolute or relative index; it is not popped).
    static func read(from stack: LuaStack, at index: Int32, context: inout LuaReadContext) throws(LuaConversionError) -> Self
}

/// Tracks nesting while tables are read, to stop at cycles and absurd depths.
public struct LuaReadContext {
    /// How deep tables may nest when read into Swift values.
    public static let maximumDepth = 100

    /// Tables being read, outermost first (their `lua_topointer` identities).
    @usableFromInline
    var ancestors: [UnsafeRawPointer] = []

    public init() {}

    /// Reads a nested table: checks depth and cycles, then runs `body`.
    public mutating func enterTable<R>(
        _ stack: LuaStack, at index: Int32, _ body: (inout LuaReadContext) throws(LuaConversionError) -> R
    ) throws(LuaConversionError) -> R {
        guard let identity = lua_topointer(stack.state, index) else {
            throw .typeMismatch(expected: "table", got: stack.typeDescription(at: index))
        }
        if ancestors.contains(identity) {
            throw LuaConversionError("table contains a cycle")
        }
        if ancestors.count >= Self.maximumDepth {
            throw LuaConversionError("tables nested deeper than \(Self.maximumDepth) levels")
        }
        stack.reserve(4)
        ancestors.append(identity)
        defer { ancestors.removeLast() }
        return try body(&self)
    }
}

extension FromLua {
    /// Reads the value at `index` with a fresh context.
    @inlinable
    public static func read(from stack: LuaStack, at index: Int32) throws(LuaConversionError) -> Self {
        var context = LuaReadContext()
        return try read(from: stack, at: index, context: &context)
    }
}
