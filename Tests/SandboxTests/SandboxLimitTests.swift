import LuaBridge
import Sandbox
import Testing

@Suite("Each limit is its own error kind, and no script code can swallow it")
struct SandboxLimitTests {
    func expectKill(_ source: String, _ limits: Limits, _ kind: LuaError.Kind) {
        let output = CapturedOutput()
        let error = #expect(throws: LuaError.self) {
            let sandbox = try Sandbox(limits: limits, output: output)
            try sandbox.run(source: Array(source.utf8), name: "=s", scriptName: "s")
        }
        #expect(error?.kind == kind, "\(source): \(String(describing: error))")
        #expect(!output.text.contains("survived"), "\(source) kept running after its kill")
    }

    @Test func memoryCaughtByPcallStillEndsTheScript() {
        expectKill("for i = 1, 10 do pcall(string.rep, 'x', 1 << 28) end print('survived')", Limits(memory: 8 << 20), .memory)
    }

    @Test func memoryInsideACoroutineEndsTheScript() {
        expectKill("print(coroutine.resume(coroutine.create(function() local t = {} for i = 1, 1e8 do t[i] = i end end))) print('survived')",
                   Limits(memory: 8 << 20), .memory)
    }

    @Test func instructionsThroughEveryProtectedCall() {
        let loop = "function() while true do end end"
        for source in ["pcall(\(loop))", "xpcall(\(loop), print)", "coroutine.resume(coroutine.create(\(loop)))",
                       "coroutine.wrap(\(loop))()", "load('while true do end')()"] {
            expectKill("\(source) print('survived')", Limits(instructions: 2_000_000), .instructions)
        }
    }

    @Test func cpuTimeThroughEveryProtectedCall() {
        let loop = "function() while true do end end"
        for source in ["pcall(\(loop))", "xpcall(\(loop), print)", "coroutine.resume(coroutine.create(\(loop)))",
                       "coroutine.wrap(\(loop))()", "load('while true do end')()",
                       "coroutine.wrap(function() pcall(coroutine.wrap(\(loop))) end)()"] {
            expectKill("\(source) print('survived')", Limits(cpuTime: 0.1), .cpuTime)
        }
    }

    @Test func timeLimit() {
        expectKill("while true do end", Limits(wallTime: 0.2), .time)
    }

    @Test func timeLimitInsideACoroutine() {
        expectKill("print(coroutine.resume(coroutine.create(function() while true do end end))) print('survived')",
                   Limits(wallTime: 0.2), .time)
    }

    @Test func outputLimit() {
        expectKill("while true do io = nil print('flood') end", Limits(output: 1000), .output)
    }

    @Test func hostFunctionsPushingPastTheLimitAreCaught() {
        let registry = HostRegistry([
            HostModule("big", "Makes a big string.") {
                HostFunction("make", "10 MiB of x.") { call in call.returning(String(repeating: "x", count: 10 << 20)) }
            },
        ])
        let error = #expect(throws: LuaError.self) {
            let sandbox = try Sandbox(limits: Limits(memory: 4 << 20), output: CapturedOutput(), modules: registry)
            try sandbox.run(source: Array("local s = big.make() print('survived')".utf8), name: "=s", scriptName: "s")
        }
        #expect(error?.kind == .memory)
    }
}
