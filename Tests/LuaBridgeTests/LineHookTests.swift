import Foundation
import LuaBridge
import Testing

/// The line hook of coverage shares the one hook of a thread with the limits' count hook.
@Suite struct LineHookTests {
    /// A chunk name no other test uses (counts are process-wide).
    func chunkName() -> String { "@linehook-\(UUID().uuidString).lua" }

    @Test func countsLinesAndKeepsTheInstructionLimit() throws {
        let name = chunkName()
        let lua = try LuaState()
        LuaCoverage.record(lua)
        lua.instructionLimit = 1_000_000
        let error = #expect(throws: LuaError.self) {
            try lua.execute("local n = 0\nwhile true do\n  n = n + 1\nend", name: name)
        }
        #expect(error?.kind == .instructions)
        lua.close()
        let hits = try #require(LuaCoverage.hits()[String(name.dropFirst())])
        #expect(hits[1] == 1)
        #expect((hits[3] ?? 0) > 10_000)
    }

    @Test func countsLinesAndKeepsTheTimeLimit() throws {
        let name = chunkName()
        let lua = try LuaState()
        LuaCoverage.record(lua)
        lua.setTimeLimit(seconds: 0.2)
        let error = #expect(throws: LuaError.self) { try lua.execute("while true do\nend", name: name) }
        #expect(error?.kind == .time)
        lua.close()
        #expect(LuaCoverage.hits()[String(name.dropFirst())]?[1] != nil)
    }

    @Test func countsCoroutinesAndEachRunOfALine() throws {
        let name = chunkName()
        let lua = try LuaState()
        lua.openStandardLibraries()
        LuaCoverage.record(lua)
        try lua.execute("""
            local total = 0
            local co = coroutine.wrap(function()
              for i = 1, 3 do
                total = total + i
              end
            end)
            co()
            return total
            """, name: name)
        lua.close()
        let hits = try #require(LuaCoverage.hits()[String(name.dropFirst())])
        #expect(hits[1] == 1 && hits[4] == 3 && hits[7] == 1 && hits[8] == 1)
    }

    @Test func executableLinesAreThoseOfEveryFunctionsInstructions() throws {
        let source = "local M = {}\n\nfunction M.f(x)\n  if x then\n    return 1\n  end\n  return 2\nend\n\nreturn M\n"
        let lines = try #require(LuaCoverage.executableLines(in: Array(source.utf8), chunkName: "@m.lua"))
        // debug.getinfo(f, "L") gives 4, 5, 7, 8 for M.f (8: its implicit return) and 1, 3, 8, 10
        // for the chunk (8: the closure, 3: storing it).
        #expect(lines.lines == [1, 3, 4, 5, 7, 8, 10])
        #expect(LuaCoverage.executableLines(in: Array("local = ".utf8), chunkName: "@bad.lua") == nil)
    }
}
