import CLua
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
        // Lua raises memory errors without a message handler: the allocator noted the line.
        #expect(error?.message == "m.lua:1: memory limit exceeded (2 MiB)")
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

    @Test func timeLimitStopsACoroutineRunningWhenItFires() throws {
        let lua = try state()
        lua.setTimeLimit(seconds: 0.2)
        let error = #expect(throws: LuaError.self) {
            try lua.execute("local co = coroutine.wrap(function() while true do end end) co()")
        }
        #expect(error?.kind == .time)
    }

    @Test func cpuTimeLimit() throws {
        let lua = try state()
        lua.setCPUTimeLimit(seconds: 0.2)
        let error = #expect(throws: LuaError.self) { try lua.execute("while true do end", name: "@spin.lua") }
        #expect(error?.kind == .cpuTime)
        #expect(error?.message == "spin.lua:1: CPU time limit exceeded")
    }

    @Test func timeLimitsWithoutAnInstructionLimitInstallNoHook() throws {
        let lua = try state()
        lua.setTimeLimit(seconds: 60)
        lua.setCPUTimeLimit(seconds: 60)
        // No count hook: a cost of about 15 % on every instruction in Lua 5.4.
        #expect(lua_gethookmask(lua.pointer) == 0)
        lua.instructionLimit = 1_000_000
        #expect(lua_gethookmask(lua.pointer) == LUA_MASKCOUNT)
    }

    @Test func stoppedTimeLimitsNoLongerFire() throws {
        let lua = try state()
        lua.setTimeLimit(seconds: 0.05)
        lua.stopTimeLimits()
        try lua.execute("local t = os.clock() while os.clock() - t < 0.2 do end")
        #expect(lua.killedBy == nil)
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
