import CLua
import CLuaShim

/// The stack of a running Lua state: where values are pushed and read.
///
/// A `LuaStack` is only a handle; it is valid while its state is open and only on the thread
/// that uses the state. Host functions get one through ``LuaCall/stack``; conversions
/// (``IntoLua``, ``FromLua``) work on it.
///
/// Reading never runs script code: tables are read with raw access, so metamethods a script
/// set cannot fire inside the host.
public struct LuaStack {
    /// The underlying `lua_State *`.
    public let state: OpaquePointer

    @inlinable
    public init(_ state: OpaquePointer) {
        self.state = state
    }

    /// Index of the top value (the number of values on the stack).
    @inlinable
    public var top: Int32 { lua_gettop(state) }

    /// The type of the value at `index`.
    @inlinable
    public func type(at index: Int32) -> LuaType {
        LuaType(rawValue: lua_type(state, index)) ?? .none
    }

    /// The type name Lua would print for the value at `index` in an error: the `__name` of a
    /// host userdata's metatable (`Dossier`), else the basic type name.
    public func typeDescription(at index: Int32) -> String {
        let index = absolute(index)
        if luaL_getmetafield(state, index, "__name") != LUA_TNIL {
            defer { hr_pop(state, 1) }
            if lua_type(state, -1) == LUA_TSTRING, let name = lua_tolstring(state, -1, nil) {
                return String(cString: name)
            }
        }
        return type(at: index).name
    }

    /// Makes room for `count` more values. The stack holds a million slots, so failing here means
    /// a Swift value nested absurdly deep: a programming error.
    @inlinable
    public func reserve(_ count: Int32) {
        if lua_checkstack(state, count) == 0 {
            preconditionFailure("Lua stack overflow: cannot make room for \(count) more values")
        }
    }

    /// Pushes a Swift value.
    @inlinable
    public func push(_ value: some IntoLua) {
        value.push(onto: self)
    }

    /// Reads the value at `index` as `T`.
    @inlinable
    public func read<T: FromLua>(_ type: T.Type = T.self, at index: Int32) throws(LuaConversionError) -> T {
        var context = LuaReadContext()
        return try T.read(from: self, at: index, context: &context)
    }

    /// Removes `count` values from the top.
    @inlinable
    public func pop(_ count: Int32 = 1) {
        hr_pop(state, count)
    }

    /// Converts a relative index to an absolute one.
    @inlinable
    public func absolute(_ index: Int32) -> Int32 {
        lua_absindex(state, index)
    }

    /// The bytes of the string at `index`, without copying, valid while the value stays on the
    /// stack. Returns nil unless the value is a string (numbers are not converted).
    @inlinable
    public func withBytes<R>(at index: Int32, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R? {
        guard lua_type(state, index) == LUA_TSTRING else { return nil }
        var length = 0
        let pointer = hr_tolstring(state, index, &length)
        return try body(UnsafeRawBufferPointer(start: pointer, count: length))
    }
}
