import LuaBridge
import Testing

@Suite("Limits end runaway scripts, and scripts cannot swallow them")
struct LimitTests {
    func state() throws -> LuaState {
        let lua = try LuaState()
        lua.openStandardLibraries()
        return lua
    }

    @Test func memoryLimit() throws {
        let lua = try state()
        lua.memoryLimit = 2 << 20
        let error = #expect(throws: LuaError.self) {
            try lua.execute("local t = {} for i = 1, 1e8 do t[i] = ('x'):rep(100) .. i end", name: "@m.lua")
        }
        #expect(error?.kind == .memory)
        #expect(lua.memoryUsed <= 2 << 20 + 64 << 10)
    }

    @Test func instructionLimit() throws {
        let lua = try state()
        lua.instructionLimit = 1_000_000
        let error = #expect(throws: LuaError.self) { try lua.execute("while true do end", name: "@loop.lua") }
        #expect(error?.kind == .instructions)
        #expect(error?.location == LuaError.Location(source: "loop.lua", line: 1))
        #expect(error?.message == "loop.lua:1: instruction limit exceeded (1000000 instructions)")
    }

    @Test func instructionLimitCoversCoroutines() throws {
        let lua = try state()
        lua.instructionLimit = 1_000_000
        let error = #expect(throws: LuaError.self) {
            try lua.execute("coroutine.wrap(function() while true do end end)()")
        }
        #expect(error?.kind == .instructions)
    }

    @Test func timeLimit() throws {
        let lua = try state()
        lua.setTimeLimit(seconds: 0.2)
        let error = #expect(throws: LuaError.self) { try lua.execute("while true do end") }
        #expect(error?.kind == .time)
    }

    @Test func aKilledStateStaysKilled() throws {
        let lua = try state()
        lua.instructionLimit = 100_000
        _ = try? lua.execute("while true do end")
        #expect(lua.killedBy == .instructions)
        let error = #expect(throws: LuaError.self) { try lua.execute("return 1") }
        #expect(error?.kind == .instructions)
    }
}
