import CLua
import CLuaShim

// Conversions between Swift's standard types and Lua values. Reading is strict (see FromLua).

@usableFromInline
func pushBytes(_ bytes: UnsafeBufferPointer<UInt8>, onto stack: LuaStack) {
    bytes.withMemoryRebound(to: CChar.self) { chars in
        _ = lua_pushlstring(stack.state, chars.baseAddress, chars.count)
    }
}

@usableFromInline
func mismatch(_ stack: LuaStack, _ index: Int32, expected: String) -> LuaConversionError {
    .typeMismatch(expected: expected, got: stack.typeDescription(at: index))
}

extension Bool: IntoLua, FromLua {
    @inlinable
    public func push(onto stack: LuaStack) { lua_pushboolean(stack.state, self ? 1 : 0) }

    @inlinable
    public static func read(from stack: LuaStack, at index: Int32, context: inout LuaReadContext) throws(LuaConversionError) -> Bool {
        guard lua_type(stack.state, index) == LUA_TBOOLEAN else { throw mismatch(stack, index, expected: "boolean") }
        return lua_toboolean(stack.state, index) != 0
    }
}

extension Int64: IntoLua, FromLua {
    @inlinable
    public func push(onto stack: LuaStack) { lua_pushinteger(stack.state, self) }

    /// Reads like `luaL_checkinteger`: a number with an exact integer value, or a string that
    /// converts to one.
    @inlinable
    public static func read(from stack: LuaStack, at index: Int32, context: inout LuaReadContext) throws(LuaConversionError) -> Int64 {
        var isInteger: Int32 = 0
        let value = lua_tointegerx(stack.state, index, &isInteger)
        guard isInteger != 0 else { throw integerFailure(stack, index) }
        return value
    }
}

@usableFromInline @inline(never)
func integerFailure(_ stack: LuaStack, _ index: Int32) -> LuaConversionError {
    lua_isnumber(stack.state, index) != 0
        ? LuaConversionError("number has no integer representation")
        : mismatch(stack, index, expected: "number")
}

extension Int: IntoLua, FromLua {
    @inlinable
    public func push(onto stack: LuaStack) { lua_pushinteger(stack.state, lua_Integer(self)) }

    @inlinable
    public static func read(from stack: LuaStack, at index: Int32, context: inout LuaReadContext) throws(LuaConversionError) -> Int {
        Int(try Int64.read(from: stack, at: index, context: &context))
    }
}

extension Int32: IntoLua, FromLua {
    @inlinable
    public func push(onto stack: LuaStack) { lua_pushinteger(stack.state, lua_Integer(self)) }

    @inlinable
    public static func read(from stack: LuaStack, at index: Int32, context: inout LuaReadContext) throws(LuaConversionError) -> Int32 {
        let wide = try Int64.read(from: stack, at: index, context: &context)
        guard let value = Int32(exactly: wide) else { throw LuaConversionError("number out of range for a 32-bit integer") }
        return value
    }
}

extension Double: IntoLua, FromLua {
    @inlinable
    public func push(onto stack: LuaStack) { lua_pushnumber(stack.state, self) }

    /// Reads like `luaL_checknumber`: a number, or a string that converts to one.
    @inlinable
    public static func read(from stack: LuaStack, at index: Int32, context: inout LuaReadContext) throws(LuaConversionError) -> Double {
        var isNumber: Int32 = 0
        let value = lua_tonumberx(stack.state, index, &isNumber)
        guard isNumber != 0 else { throw mismatch(stack, index, expected: "number") }
        return value
    }
}

extension String: IntoLua, FromLua {
    @inlinable
    public func push(onto stack: LuaStack) {
        var copy = self
        copy.withUTF8 { pushBytes($0, onto: stack) }
    }

    @inlinable
    public static func read(from stack: LuaStack, at index: Int32, context: inout LuaReadContext) throws(LuaConversionError) -> String {
        let text = stack.withBytes(at: index) { String(validating: $0, as: UTF8.self) }
        switch text {
        case .none: throw mismatch(stack, index, expected: "string")
        case .some(.none): throw LuaConversionError("string is not valid UTF-8")
        case .some(.some(let value)): return value
        }
    }
}

extension Substring: IntoLua {
    public func push(onto stack: LuaStack) { String(self).push(onto: stack) }
}

extension LuaString: IntoLua, FromLua {
    public func push(onto stack: LuaStack) {
        bytes.withUnsafeBufferPointer { pushBytes($0, onto: stack) }
    }

    public static func read(from stack: LuaStack, at index: Int32, context: inout LuaReadContext) throws(LuaConversionError) -> LuaString {
        guard let bytes = stack.withBytes(at: index, { Array($0) }) else { throw mismatch(stack, index, expected: "string") }
        return LuaString(bytes: bytes)
    }
}

extension Optional: IntoLua where Wrapped: IntoLua {
    @inlinable
    public func push(onto stack: LuaStack) {
        switch self {
        case .some(let value): value.push(onto: stack)
        case .none: lua_pushnil(stack.state)
        }
    }
}

extension Optional: FromLua where Wrapped: FromLua {
    /// `nil` and a missing argument read as `nil`.
    @inlinable
    public static func read(from stack: LuaStack, at index: Int32, context: inout LuaReadContext) throws(LuaConversionError) -> Wrapped? {
        if lua_type(stack.state, index) <= LUA_TNIL { return nil }
        return try Wrapped.read(from: stack, at: index, context: &context)
    }
}

extension Array: IntoLua where Element: IntoLua {
    /// Pushes a sequence `{[1] = ..., [n] = ...}`.
    public func push(onto stack: LuaStack) {
        stack.reserve(3)
        lua_createtable(stack.state, Int32(clamping: count), 0)
        for (offset, element) in enumerated() {
            element.push(onto: stack)
            lua_rawseti(stack.state, -2, lua_Integer(offset + 1))
        }
    }
}

extension Array: FromLua where Element: FromLua {
    /// Reads a sequence: a table whose keys are exactly `1...n`.
    public static func read(from stack: LuaStack, at index: Int32, context: inout LuaReadContext) throws(LuaConversionError) -> [Element] {
        guard lua_type(stack.state, index) == LUA_TTABLE else { throw mismatch(stack, index, expected: "table") }
        let table = stack.absolute(index)
        return try context.enterTable(stack, at: table) { context throws(LuaConversionError) in
            let count = Int(lua_rawlen(stack.state, table))
            var entries = 0
            lua_pushnil(stack.state)
            while lua_next(stack.state, table) != 0 {
                entries += 1
                hr_pop(stack.state, 1)
            }
            guard entries == count else { throw LuaConversionError("table is not a sequence") }
            var result: [Element] = []
            result.reserveCapacity(count)
            for position in 0..<count {
                lua_rawgeti(stack.state, table, lua_Integer(position + 1))
                defer { hr_pop(stack.state, 1) }
                do throws(LuaConversionError) {
                    result.append(try Element.read(from: stack, at: -1, context: &context))
                } catch {
                    throw error.inside("[\(position + 1)]")
                }
            }
            return result
        }
    }
}

extension Dictionary: IntoLua where Key == String, Value: IntoLua {
    public func push(onto stack: LuaStack) {
        stack.reserve(4)
        lua_createtable(stack.state, 0, Int32(clamping: count))
        for (key, value) in self {
            key.push(onto: stack)
            value.push(onto: stack)
            lua_rawset(stack.state, -3)
        }
    }
}

extension Dictionary: FromLua where Key == String, Value: FromLua {
    /// Reads a table whose keys are all strings.
    public static func read(from stack: LuaStack, at index: Int32, context: inout LuaReadContext) throws(LuaConversionError) -> [String: Value] {
        guard lua_type(stack.state, index) == LUA_TTABLE else { throw mismatch(stack, index, expected: "table") }
        let table = stack.absolute(index)
        return try context.enterTable(stack, at: table) { context throws(LuaConversionError) in
            var result: [String: Value] = [:]
            lua_pushnil(stack.state)
            while lua_next(stack.state, table) != 0 {
                guard lua_type(stack.state, -2) == LUA_TSTRING else {
                    let keyType = stack.type(at: -2).name
                    hr_pop(stack.state, 2)
                    throw LuaConversionError("table has a \(keyType) key; only string keys are allowed")
                }
                do throws(LuaConversionError) {
                    let key = try String.read(from: stack, at: -2, context: &context)
                    do throws(LuaConversionError) {
                        result[key] = try Value.read(from: stack, at: -1, context: &context)
                    } catch {
                        throw error.inside(key)
                    }
                } catch {
                    hr_pop(stack.state, 2)
                    throw error
                }
                hr_pop(stack.state, 1)
            }
            return result
        }
    }
}
