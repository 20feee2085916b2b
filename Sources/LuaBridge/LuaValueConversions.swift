import CLua
import CLuaShim

extension LuaValue: IntoLua, FromLua {
    public func push(onto stack: LuaStack) {
        switch self {
        case .nil: lua_pushnil(stack.state)
        case .boolean(let value): value.push(onto: stack)
        case .integer(let value): value.push(onto: stack)
        case .number(let value): value.push(onto: stack)
        case .string(let value): value.push(onto: stack)
        case .table(let value): value.push(onto: stack)
        case .function(let reference), .userdata(let reference), .thread(let reference):
            reference.push(onto: stack)
        case .lightUserdata(let pointer): lua_pushlightuserdata(stack.state, pointer)
        }
    }

    public static func read(from stack: LuaStack, at index: Int32, context: inout LuaReadContext) throws(LuaConversionError) -> LuaValue {
        switch stack.type(at: index) {
        case .none, .nil: return .nil
        case .boolean: return .boolean(lua_toboolean(stack.state, index) != 0)
        case .number:
            if hr_isinteger(stack.state, index) != 0 { return .integer(lua_tointegerx(stack.state, index, nil)) }
            return .number(lua_tonumberx(stack.state, index, nil))
        case .string: return .string(try LuaString.read(from: stack, at: index, context: &context))
        case .table: return .table(try LuaTable.read(from: stack, at: index, context: &context))
        case .lightUserdata: return .lightUserdata(lua_touserdata(stack.state, index))
        case .function: return .function(LuaReference(stack: stack, at: index, state: LuaState.owner(of: stack)))
        case .userdata: return .userdata(LuaReference(stack: stack, at: index, state: LuaState.owner(of: stack)))
        case .thread: return .thread(LuaReference(stack: stack, at: index, state: LuaState.owner(of: stack)))
        }
    }
}

extension LuaTable: IntoLua, FromLua {
    /// Pushes a new table. A ``LuaKey/number(_:)`` key must not be NaN (Lua has no such key).
    public func push(onto stack: LuaStack) {
        stack.reserve(4)
        lua_createtable(stack.state, Int32(clamping: sequence.count), Int32(clamping: fields.count))
        for (offset, value) in sequence.enumerated() {
            value.push(onto: stack)
            lua_rawseti(stack.state, -2, lua_Integer(offset + 1))
        }
        for (key, value) in fields {
            if case .number(let number) = key {
                precondition(!number.isNaN, "NaN cannot be a Lua table key")
            }
            key.value.push(onto: stack)
            value.push(onto: stack)
            lua_rawset(stack.state, -3)
        }
    }

    public static func read(from stack: LuaStack, at index: Int32, context: inout LuaReadContext) throws(LuaConversionError) -> LuaTable {
        guard lua_type(stack.state, index) == LUA_TTABLE else { throw mismatch(stack, index, expected: "table") }
        let table = stack.absolute(index)
        return try context.enterTable(stack, at: table) { context throws(LuaConversionError) in
            var integers: [Int64: LuaValue] = [:]
            var fields: [LuaKey: LuaValue] = [:]
            lua_pushnil(stack.state)
            while lua_next(stack.state, table) != 0 {
                do throws(LuaConversionError) {
                    let key = try readKey(stack)
                    let value: LuaValue
                    do throws(LuaConversionError) {
                        value = try LuaValue.read(from: stack, at: -1, context: &context)
                    } catch {
                        throw error.inside(key.pathComponent)
                    }
                    if case .integer(let i) = key { integers[i] = value } else { fields[key] = value }
                } catch {
                    hr_pop(stack.state, 2)
                    throw error
                }
                hr_pop(stack.state, 1)
            }
            var sequence: [LuaValue] = []
            var next: Int64 = 1
            while let value = integers.removeValue(forKey: next) {
                sequence.append(value)
                next += 1
            }
            for (key, value) in integers { fields[.integer(key)] = value }
            return LuaTable(sequence: sequence, fields: fields)
        }
    }

    private static func readKey(_ stack: LuaStack) throws(LuaConversionError) -> LuaKey {
        switch stack.type(at: -2) {
        case .number:
            if hr_isinteger(stack.state, -2) != 0 { return .integer(lua_tointegerx(stack.state, -2, nil)) }
            return .number(lua_tonumberx(stack.state, -2, nil))
        case .string: return .string(try LuaString.read(from: stack, at: -2))
        case .boolean: return .boolean(lua_toboolean(stack.state, -2) != 0)
        case let other: throw LuaConversionError("table has a \(other.name) key, which cannot be copied to Swift")
        }
    }
}

extension LuaReference: IntoLua {}
