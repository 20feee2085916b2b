import CLua
import CLuaShim

/// What a host function sees of one call from Lua: its arguments and where to push results.
///
/// Arguments are read straight off the Lua stack; nothing is allocated unless a result needs it
/// (a Swift `String`, a copied table). Every reader throws a ``LuaArgumentError`` that names the
/// argument's position and the function, the way Lua's own functions report bad arguments.
///
/// A `LuaCall` is valid only during the call it was given for.
///
/// ```swift
/// HostFunction("add", "Adds two integers.",
///              parameters: [.init("a", .integer), .init("b", .integer)],
///              returns: [.init(.integer, "a + b")]) { call in
///     call.returning(try call.integer(1) &+ call.integer(2))
/// }
/// ```
public struct LuaCall {
    /// The stack of the calling thread: arguments at `1...argumentCount`.
    public let stack: LuaStack
    @usableFromInline
    unowned(unsafe) let function: HostFunctionBox

    @inlinable
    init(stack: LuaStack, function: HostFunctionBox) {
        self.stack = stack
        self.function = function
    }

    /// The number of arguments the script passed.
    @inlinable
    public var argumentCount: Int32 { lua_gettop(stack.state) }

    /// The function's name as scripts know it (`dossiers.query`).
    public var functionName: String { function.name }

    /// The state the call runs in.
    public var luaState: LuaState { LuaState.owner(of: stack) }

    /// Argument position as the script wrote it: for a method, `self` is 0.
    @usableFromInline
    func scriptPosition(_ position: Int32) -> Int32 {
        function.isMethod ? position - 1 : position
    }

    /// The error for a bad argument at `position`.
    public func argumentError(_ position: Int32, _ reason: String) -> LuaArgumentError {
        LuaArgumentError(position: scriptPosition(position), function: function.name, reason: reason)
    }

    // MARK: Reading arguments

    /// Reads argument `position` as any ``FromLua`` type.
    @inlinable
    public func argument<T: FromLua>(_ position: Int32, as type: T.Type = T.self) throws(LuaArgumentError) -> T {
        var context = LuaReadContext()
        do throws(LuaConversionError) {
            return try T.read(from: stack, at: position, context: &context)
        } catch {
            throw argumentError(position, error.description)
        }
    }

    /// Argument `position` as an integer, as `luaL_checkinteger` reads it: a number with an
    /// exact integer value, or a string that converts to one.
    @inlinable @inline(__always)
    public func integer(_ position: Int32) throws(LuaArgumentError) -> Int64 {
        var isInteger: Int32 = 0
        let value = lua_tointegerx(stack.state, position, &isInteger)
        if isInteger != 0 { return value }
        throw conversionFailure(position, as: Int64.self)
    }

    /// Argument `position` as a number, as `luaL_checknumber` reads it.
    @inlinable @inline(__always)
    public func number(_ position: Int32) throws(LuaArgumentError) -> Double {
        var isNumber: Int32 = 0
        let value = lua_tonumberx(stack.state, position, &isNumber)
        if isNumber != 0 { return value }
        throw conversionFailure(position, as: Double.self)
    }

    /// The error for argument `position` not converting to `T` (the slow path of the readers).
    @usableFromInline @inline(never)
    func conversionFailure<T: FromLua>(_ position: Int32, as type: T.Type) -> LuaArgumentError {
        do throws(LuaArgumentError) {
            _ = try argument(position, as: T.self)
            return argumentError(position, "\(T.self) expected")  // the fast path and `read` agree
        } catch {
            return error
        }
    }

    /// Argument `position` as a boolean (strict: `nil` is not `false`).
    @inlinable
    public func boolean(_ position: Int32) throws(LuaArgumentError) -> Bool {
        try argument(position, as: Bool.self)
    }

    /// Argument `position` as UTF-8 text.
    @inlinable
    public func string(_ position: Int32) throws(LuaArgumentError) -> String {
        try argument(position, as: String.self)
    }

    /// Argument `position` as bytes.
    public func bytes(_ position: Int32) throws(LuaArgumentError) -> LuaString {
        try argument(position, as: LuaString.self)
    }

    /// Argument `position` copied as a table (raw access, depth-limited, cycles rejected).
    public func table(_ position: Int32) throws(LuaArgumentError) -> LuaTable {
        try argument(position, as: LuaTable.self)
    }

    /// Argument `position` as a view for reading fields one at a time, without copying.
    public func tableView(_ position: Int32) throws(LuaArgumentError) -> LuaTableView {
        guard lua_type(stack.state, position) == LUA_TTABLE else {
            throw argumentError(position, "table expected, got \(stack.typeDescription(at: position))")
        }
        return LuaTableView(call: self, index: stack.absolute(position), position: position)
    }

    /// Argument `position`, or nil when it is absent or `nil`.
    @inlinable
    public func optional<T: FromLua>(_ position: Int32, as type: T.Type = T.self) throws(LuaArgumentError) -> T? {
        try argument(position, as: T?.self)
    }

    /// Argument `position` as a function, kept alive by the returned reference.
    public func function(_ position: Int32) throws(LuaArgumentError) -> LuaReference {
        guard lua_type(stack.state, position) == LUA_TFUNCTION else {
            throw argumentError(position, "function expected, got \(stack.typeDescription(at: position))")
        }
        return LuaReference(stack: stack, at: position, state: luaState)
    }

    // MARK: Results

    /// Pushes one result; return the number pushed from the host function.
    @inlinable
    public func push(_ value: some IntoLua) {
        value.push(onto: stack)
    }

    /// Pushes no result: `return call.returning()`.
    @inlinable @inline(__always)
    public func returning() -> Int32 { 0 }

    /// Pushes one result and returns 1, for `return call.returning(value)`.
    @inlinable @inline(__always)
    public func returning(_ value: some IntoLua) -> Int32 {
        value.push(onto: stack)
        return 1
    }

    /// Pushes two results and returns 2.
    @inlinable @inline(__always)
    public func returning(_ first: some IntoLua, _ second: some IntoLua) -> Int32 {
        first.push(onto: stack)
        second.push(onto: stack)
        return 2
    }

    /// Pushes three results and returns 3.
    @inlinable @inline(__always)
    public func returning(_ first: some IntoLua, _ second: some IntoLua, _ third: some IntoLua) -> Int32 {
        first.push(onto: stack)
        second.push(onto: stack)
        third.push(onto: stack)
        return 3
    }

    /// Pushes every value of a list and returns the count (checks stack room for long lists).
    public func returning(contentsOf values: [LuaValue]) -> Int32 {
        stack.reserve(Int32(values.count))
        for value in values { value.push(onto: stack) }
        return Int32(values.count)
    }
}
