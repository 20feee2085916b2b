import Foundation
import LuaBridge
import Sandbox
import Testing

@Suite("What scripts can and cannot reach")
struct SandboxPolicyTests {
    @Test func ordinaryScriptsWork() throws {
        let output = try runSandboxed("""
            local words = {}
            for w in ("late dossier count"):gmatch("%a+") do words[#words + 1] = w:upper() end
            table.sort(words)
            print(table.concat(words, ","), math.max(3, 7), utf8.len("hạn"), os.time{year=2026, month=5, day=25} > 0)
            local co = coroutine.wrap(function(a) local b = coroutine.yield(a + 1) return b * 2 end)
            print(co(1), co(21))
            print(pcall(error, "x"), select("#", 1, 2), string.format("%5.1f", 98.7))
            """)
        #expect(output == "COUNT,DOSSIER,LATE\t7\t3\ttrue\n2\t42\nfalse\t2\t 98.7\n")
    }

    @Test func onlyAllowedGlobalsExist() throws {
        let output = try runSandboxed("""
            local names = {}
            for name in pairs(_G) do names[#names + 1] = name end
            table.sort(names)
            print(table.concat(names, " "))
            """)
        #expect(output == "_G _VERSION arg assert collectgarbage coroutine error getmetatable ipairs load math next os pairs pcall print rawequal rawget rawlen rawset require select setmetatable string table tonumber tostring type utf8 warn xpcall\n")
    }

    @Test func librariesKeepOnlyTheirAllowList() throws {
        let output = try runSandboxed("""
            local names = {}
            for name in pairs(os) do names[#names + 1] = name end
            table.sort(names)
            print(table.concat(names, " "), #names)
            print(string.dump, ("").dump, math.floor(2.5))
            """)
        #expect(output == "clock date difftime getenv time\t5\nnil\tnil\t2\n")
    }

    @Test func pcallYieldsAcrossCoroutinesLikeStockLua() throws {
        let output = try runSandboxed("""
            local co = coroutine.wrap(function()
              local ok, value = pcall(function() return coroutine.yield("paused") + 1 end)
              return tostring(ok) .. " " .. value
            end)
            print(co(), co(41))
            """)
        #expect(output == "paused\ttrue 42\n")
    }

    @Test func xpcallHandlersStillRunForOrdinaryErrors() throws {
        let output = try runSandboxed("print(xpcall(function() error('e', 0) end, function(m) return 'handled ' .. m end))")
        #expect(output == "false\thandled e\n")
    }

    @Test func warningsGoToStandardErrorAndCount() throws {
        let output = CapturedOutput()
        let sandbox = try Sandbox(limits: Limits(output: 40), output: output)
        let error = #expect(throws: LuaError.self) {
            try sandbox.run(source: Array("warn('first ', 'part') warn('@off') warn('hidden') warn('@on') while true do warn('more') end".utf8), name: "=w", scriptName: "w")
        }
        #expect(error?.kind == .output)
        #expect(output.errorText == "Lua warning: first part\nLua warning: mor")  // cut at 40 bytes
    }

    @Test func argumentsArriveInArgAndVarargs() throws {
        let output = CapturedOutput()
        let sandbox = try Sandbox(output: output)
        try sandbox.run(source: Array("print(arg[0], arg[1], arg[2], #arg, ...)".utf8), name: "=a", scriptName: "job.lua", arguments: ["x", "y"])
        #expect(output.text == "job.lua\tx\ty\t2\tx\ty\n")
    }

    @Test func hostModulesAreReadOnlyGlobalsAndRequireable() throws {
        let registry = HostRegistry([
            HostModule("centre", "Test module.") {
                HostFunction("name", "The centre's name.", returns: [.init(.string)]) { call in call.returning("Trung tâm") }
            },
        ])
        let output = try runSandboxed("""
            print(centre.name(), require("centre") == centre, pcall(function() centre.name = nil end))
            """, modules: registry)
        #expect(output == "Trung tâm\ttrue\tfalse\ttest:1: attempt to set field 'name' of a read-only table\n")
    }

    @Test func requireLoadsFilesFromTheScriptFolderOnce() throws {
        let folder = try TemporaryFolder()
        try folder.write("lib/util.lua", "loads = (rawget(_G, 'loads') or 0) + 1\nreturn { double = function(x) return 2 * x end }")
        try folder.write("broken.lua", "return 1 +")
        let output = try runSandboxed("""
            local util = require("lib.util")
            print(util.double(21), require("lib.util") == util, loads)
            print(pcall(require, "broken"))
            print(pcall(require, "missing"))
            """, folder: folder.path)
        let lines = output.split(separator: "\n")
        #expect(lines[0] == "42\ttrue\t1")
        #expect(lines[1].hasPrefix("false\tbroken.lua:1:"))
        #expect(lines[2].contains("module 'missing' not found"))
    }

    @Test func requireCannotFollowASymlinkOutOfTheFolder() throws {
        let outside = try TemporaryFolder()
        try outside.write("secret.lua", "return 'secret'")
        let folder = try TemporaryFolder()
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/leak.lua", withDestinationPath: outside.path + "/secret.lua")
        let error = #expect(throws: LuaError.self) { try runSandboxed("return require('leak')", folder: folder.path) }
        #expect(error?.message.contains("resolves outside the script's folder") == true)
    }

    @Test func requireCyclesAreReported() throws {
        let folder = try TemporaryFolder()
        try folder.write("a.lua", "return require('b')")
        try folder.write("b.lua", "return require('a')")
        let error = #expect(throws: LuaError.self) { try runSandboxed("require('a')", folder: folder.path) }
        #expect(error?.message.contains("module 'a' requires itself") == true)
    }
}
