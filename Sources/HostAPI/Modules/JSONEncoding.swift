import CLua
import CLuaShim
import LuaBridge

/// Writes the Lua value at a stack index as JSON, with raw access (no metamethods run).
///
/// A table whose keys are exactly 1..n is an array; any other table an object, whose keys must
/// be strings and are written sorted, so the same value always gives the same text. An empty
/// table is `[]`. `json.null` is `null`. Functions, userdata, cycles, NaN and infinities, and
/// strings that are not UTF-8 are errors naming where in the value they are.
struct JSONEncoding {
    struct Failure: Error, CustomStringConvertible {
        var path: String
        var reason: String
        var description: String { path.isEmpty ? reason : "at \(path): \(reason)" }
    }

    private let state: OpaquePointer
    /// Spaces per level, or nil for compact output.
    private let indent: Int?
    private var out: [UInt8] = []
    private var ancestors: [UnsafeRawPointer] = []

    static func encode(_ stack: LuaStack, at index: Int32, indent: Int?) throws(Failure) -> [UInt8] {
        var encoder = JSONEncoding(state: stack.state, indent: indent)
        try encoder.value(at: stack.absolute(index), path: "")
        return encoder.out
    }

    private init(state: OpaquePointer, indent: Int?) {
        self.state = state
        self.indent = indent
    }

    private mutating func append(_ text: String) { out.append(contentsOf: text.utf8) }

    private mutating func newline(_ level: Int) {
        guard let indent else { return }
        out.append(0x0A)
        out.append(contentsOf: repeatElement(0x20, count: indent * level))
    }

    private mutating func value(at index: Int32, path: String) throws(Failure) {
        switch lua_type(state, index) {
        case LUA_TNIL: append("null")
        case LUA_TBOOLEAN: append(lua_toboolean(state, index) != 0 ? "true" : "false")
        case LUA_TNUMBER:
            if hr_isinteger(state, index) != 0 {
                append(String(lua_tointegerx(state, index, nil)))
            } else {
                let number = lua_tonumberx(state, index, nil)
                guard number.isFinite else { throw Failure(path: path, reason: "\(number) has no JSON form") }
                append(number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) + ".0" : String(number))
            }
        case LUA_TSTRING: try string(at: index, path: path)
        case LUA_TLIGHTUSERDATA where lua_touserdata(state, index) == nil: append("null")
        case LUA_TTABLE: try table(at: index, path: path)
        default:
            let type = LuaStack(state).typeDescription(at: index)
            let hint = type == "Dossier" ? " (use d:to_table())" : ""
            throw Failure(path: path, reason: "cannot encode a \(type)\(hint)")
        }
    }

    private mutating func string(at index: Int32, path: String) throws(Failure) {
        var length = 0
        let pointer = hr_tolstring(state, index, &length)
        let bytes = UnsafeRawBufferPointer(start: pointer, count: length)
        guard String(validating: bytes, as: UTF8.self) != nil else {
            throw Failure(path: path, reason: "string is not valid UTF-8")
        }
        out.append(UInt8(ascii: "\""))
        for b in bytes {
            switch b {
            case UInt8(ascii: "\""): append("\\\"")
            case UInt8(ascii: "\\"): append("\\\\")
            case 0x0A: append("\\n")
            case 0x0D: append("\\r")
            case 0x09: append("\\t")
            case 0x00..<0x20:
                let hex = String(b, radix: 16)
                append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
            default: out.append(b)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    private mutating func table(at index: Int32, path: String) throws(Failure) {
        guard let identity = lua_topointer(state, index) else { return }
        if ancestors.contains(identity) { throw Failure(path: path, reason: "the table contains itself") }
        if ancestors.count >= JSONDecoding.maximumDepth {
            throw Failure(path: path, reason: "tables nested deeper than \(JSONDecoding.maximumDepth)")
        }
        LuaStack(state).reserve(4)
        ancestors.append(identity)
        defer { ancestors.removeLast() }

        // Count entries and collect string keys; decide array or object.
        let length = Int(lua_rawlen(state, index))
        var entries = 0
        var keys: [String] = []
        var badKey: String?
        lua_pushnil(state)
        while lua_next(state, index) != 0 {
            entries += 1
            if lua_type(state, -2) == LUA_TSTRING {
                var size = 0
                let pointer = hr_tolstring(state, -2, &size)
                keys.append(String(decoding: UnsafeRawBufferPointer(start: pointer, count: size), as: UTF8.self))
            } else if badKey == nil, !(lua_type(state, -2) == LUA_TNUMBER && hr_isinteger(state, -2) != 0) {
                badKey = LuaStack(state).typeDescription(at: -2)
            }
            hr_pop(state, 1)
        }
        let level = ancestors.count
        if entries == 0 {
            append("[]")
        } else if entries == length && keys.isEmpty {
            out.append(UInt8(ascii: "["))
            for position in 1...length {
                if position > 1 { out.append(UInt8(ascii: ",")) }
                newline(level)
                lua_rawgeti(state, index, lua_Integer(position))
                try value(at: lua_gettop(state), path: path + "[\(position)]")
                hr_pop(state, 1)
            }
            newline(level - 1)
            out.append(UInt8(ascii: "]"))
        } else {
            guard badKey == nil, keys.count == entries else {
                throw Failure(path: path, reason: "a table with \(badKey ?? "integer") keys besides a sequence 1..n cannot be encoded (JSON objects have string keys)")
            }
            out.append(UInt8(ascii: "{"))
            for (offset, key) in keys.sorted().enumerated() {
                if offset > 0 { out.append(UInt8(ascii: ",")) }
                newline(level)
                key.push(onto: LuaStack(state))
                try string(at: lua_gettop(state), path: path)
                out.append(UInt8(ascii: ":"))
                if indent != nil { out.append(0x20) }
                lua_rawget(state, index)
                try value(at: lua_gettop(state), path: path.isEmpty ? key : path + "." + key)
                hr_pop(state, 1)
            }
            newline(level - 1)
            out.append(UInt8(ascii: "}"))
        }
    }
}
