// A Swift host function called from Lua, against a plain C lua_CFunction doing the same work
// (add two integers), in the same process and the same Lua loop. Prints the best time of each
// over interleaved rounds and their ratio (target: ≤ 1.2). The best of many short rounds is
// the figure least disturbed by other work on the machine.
//   bridge-benchmark [calls per round, default 2000000] [rounds, default 21] [only case: 0 empty,
//   1 C, 2 Swift — for instruction counts under valgrind, see instruction-counts.sh]
import BaselineC
import LuaBridge

let calls = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1])! : 2_000_000
let rounds = CommandLine.arguments.count > 2 ? Int(CommandLine.arguments[2])! : 21
let onlyCase = CommandLine.arguments.count > 3 ? Int(CommandLine.arguments[3]) : nil

let state = try LuaState()
state.openStandardLibraries()
baseline_register(UnsafeMutableRawPointer(state.pointer))
state.register(HostModule("bench", "Benchmark functions.") {
    HostFunction("add", "Adds two integers.", parameters: [.init("a", .integer), .init("b", .integer)],
                 returns: [.init(.integer, "a + b")]) { call in
        call.returning(try call.integer(1) &+ call.integer(2))
    }
})

@MainActor
func loop(calling function: String) throws -> LuaReference {
    try state.load("local f = \(function) local s = 0 for i = 1, \(calls) do s = s + f(i, 1) end return s", name: "=\(function)")
}

let cases: [(name: String, chunk: LuaReference)] = [
    ("empty loop (s = s + i + 1)", try state.load("local s = 0 for i = 1, \(calls) do s = s + (i + 1) end return s", name: "=empty")),
    ("C lua_CFunction", try loop(calling: "c_add")),
    ("Swift host function", try loop(calling: "bench.add")),
]

var best = [Duration](repeating: .seconds(1000), count: cases.count)
for _ in 0..<rounds {
    for (index, entry) in cases.enumerated() where onlyCase == nil || onlyCase == index {
        let start = ContinuousClock.now
        let result = try state.call(entry.chunk)
        let elapsed = ContinuousClock.now - start
        precondition(result.first?.integerValue == Int64(calls) * Int64(calls + 1) / 2 + Int64(calls))
        best[index] = min(best[index], elapsed)
    }
}

func nanosecondsPerCall(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1e9 / Double(calls) + Double(duration.components.attoseconds) / 1e9 / Double(calls)
}

// Under valgrind (one case only) the timings mean nothing: print nothing.
if onlyCase == nil {
    for (index, entry) in cases.enumerated() {
        let ns = nanosecondsPerCall(best[index])
        print("\(entry.name): \(best[index]) for \(calls) iterations, \((ns * 10).rounded() / 10) ns each")
    }
    let c = nanosecondsPerCall(best[1]), swift = nanosecondsPerCall(best[2]), empty = nanosecondsPerCall(best[0])
    func rounded(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
    print("ratio Swift / C (whole loop): \(rounded(swift / c))  (target ≤ 1.2)")
    print("ratio Swift / C (call cost beyond the empty loop): \(rounded((swift - empty) / (c - empty)))")
}
