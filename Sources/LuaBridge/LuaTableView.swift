import CLua
import CLuaShim

/// A table argument read field by field with raw access, so the table's metamethods never run.
///
/// Errors name the field: `bad argument #1 to 'dossiers.query' (field 'status': string
/// expected, got number)`.
public struct LuaTableView {
    let call: LuaCall
    let index: Int32
    let position: Int32

    /// The field `name` as `T` (use an optional type for optional fields).
    public func field<T: FromLua>(_ name: String, as type: T.Type = T.self) throws(LuaArgumentError) -> T {
        call.stack.reserve(2)
        name.push(onto: call.stack)
        lua_rawget(call.stack.state, index)
        defer { call.stack.pop() }
        var context = LuaReadContext()
        do throws(LuaConversionError) {
            return try T.read(from: call.stack, at: -1, context: &context)
        } catch {
            throw call.argumentError(position, error.inside(name).description)
        }
    }

    /// The string keys of the table, to reject unknown options.
    public func keys() -> [String] {
        var result: [String] = []
        call.stack.reserve(3)
        lua_pushnil(call.stack.state)
        while lua_next(call.stack.state, index) != 0 {
            if let key = call.stack.withBytes(at: -2, { String(decoding: $0, as: UTF8.self) }) {
                result.append(key)
            }
            call.stack.pop()
        }
        return result
    }

    /// Throws when the table has a string key outside `allowed`, naming it.
    public func rejectUnknownFields(allowed: Set<String>) throws(LuaArgumentError) {
        for key in keys().sorted() where !allowed.contains(key) {
            throw call.argumentError(position, "unknown field '\(key)'")
        }
    }
}
