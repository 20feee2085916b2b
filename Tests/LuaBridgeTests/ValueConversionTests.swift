import CLua
import LuaBridge
import Testing

@Suite("Values cross between Lua and Swift intact")
struct ValueConversionTests {
    @Test func integersAndFloatsStayDistinct() throws {
        let lua = try LuaState()
        let results = try lua.execute("return 3, 3.0, 2^53, 7 // 2, 7 / 2")
        #expect(results == [.integer(3), .number(3.0), .number(9007199254740992), .integer(3), .number(3.5)])
    }

    @Test func stringsKeepEveryByte() throws {
        let lua = try LuaState()
        let results = try lua.execute(#"return "a\0b\255", "Hồ sơ""#)
        #expect(results[0] == .string(LuaString(bytes: [0x61, 0, 0x62, 0xFF])))
        #expect(results[0].stringValue == nil)  // not valid UTF-8
        #expect(results[1].stringValue == "Hồ sơ")
    }

    @Test func tablesCopyToSequenceAndFields() throws {
        let lua = try LuaState()
        let results = try lua.execute("return {10, 20, 30, name = 'x', [5] = true, nested = {1, {2}}}")
        let table = try #require(results.first?.tableValue)
        #expect(table.sequence == [.integer(10), .integer(20), .integer(30)])
        #expect(table["name"] == "x")
        #expect(table.fields[.integer(5)] == .boolean(true))
        #expect(table["nested"] == [1, [2]])
    }

    @Test func swiftCollectionsRoundTrip() throws {
        let lua = try LuaState()
        lua.setGlobal("list", ["a", "b", "c"])
        lua.setGlobal("counts", ["x": 1, "y": 2])
        let results = try lua.execute("return #list, list[3], counts.x + counts.y")
        #expect(results == [.integer(3), "c", .integer(3)])
        let stack = lua.stack
        stack.push(["k": [1.5, 2.5]])
        defer { stack.pop() }
        let back = try stack.read([String: [Double]].self, at: -1)
        #expect(back == ["k": [1.5, 2.5]])
    }

    @Test func readingATableWithACycleFails() throws {
        let lua = try LuaState()
        let stack = lua.stack
        try lua.execute("cyclic = {}; cyclic.self = cyclic")
        lua_getglobal(lua.pointer, "cyclic")
        defer { stack.pop() }
        #expect(throws: LuaConversionError("table contains a cycle", path: ["self"])) {
            try stack.read(LuaValue.self, at: -1)
        }
    }

    @Test func readingTablesTooDeepFails() throws {
        let lua = try LuaState()
        try lua.execute("deep = {} local t = deep for i = 1, 200 do t.next = {} t = t.next end")
        let error = #expect(throws: LuaError.self) { try lua.global("deep") }
        #expect(error?.kind == .conversion)
        #expect(error?.message.contains("nested deeper than 100 levels") == true)
    }

    @Test func sharedSubtablesAreNotCycles() throws {
        let lua = try LuaState()
        let results = try lua.execute("local shared = {1} return {a = shared, b = shared}")
        #expect(results[0].tableValue?["a"] == [1])
        #expect(results[0].tableValue?["b"] == [1])
    }

    @Test func readingFollowsLuaWithLuaWording() throws {
        let lua = try LuaState()
        let stack = lua.stack
        stack.push("10")
        stack.push(1.5)
        stack.push("ten")
        stack.push(true)
        defer { stack.pop(4) }
        #expect(try stack.read(Int.self, at: -4) == 10)  // as luaL_checkinteger
        #expect(throws: LuaConversionError("number has no integer representation")) { try stack.read(Int.self, at: -3) }
        #expect(throws: LuaConversionError("number expected, got string")) { try stack.read(Double.self, at: -2) }
        #expect(throws: LuaConversionError("string expected, got boolean")) { try stack.read(String.self, at: -1) }
        #expect(throws: LuaConversionError("boolean expected, got number")) { try stack.read(Bool.self, at: -3) }
        #expect(try stack.read(Int?.self, at: 10) == nil)
    }

    @Test func functionsAreHeldByReference() throws {
        let lua = try LuaState()
        let results = try lua.execute("return function(a, b) return a .. b end")
        guard case .function(let concat) = results[0] else {
            Issue.record("expected a function")
            return
        }
        #expect(try lua.call(concat, ["ab", "cd"]) == ["abcd"])
    }
}
