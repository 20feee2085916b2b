/// How much a script may use. Each breach ends the script with its own error kind
/// (`LuaError.Kind.memory`, `.cpuTime`, `.instructions`, `.time`, `.output`) that the script
/// cannot catch.
///
/// `nil` means no limit. The defaults suit a report over a million dossiers on the centre's
/// machines: generous, but a runaway script still ends.
public struct Limits: Sendable, Equatable {
    /// Bytes of Lua memory (strings, tables, ...), counted by the allocator.
    public var memory: Int?
    /// Seconds of CPU time of the thread running the script, from its start, coroutines
    /// included. Enforced by a timer: free until it fires.
    public var cpuTime: Double?
    /// Lua VM instructions, counted every `hookInterval` instructions, coroutines included.
    /// Exact, but it costs about 15 % on CPU-bound scripts (a count hook sends every
    /// instruction through Lua's hook dispatcher): opt-in, `nil` by default.
    public var instructions: UInt64?
    /// Seconds of wall-clock time from the start of the script.
    public var wallTime: Double?
    /// Bytes written by `print` and `warn` together.
    public var output: Int?

    public init(memory: Int? = nil, cpuTime: Double? = nil, instructions: UInt64? = nil, wallTime: Double? = nil,
                output: Int? = nil) {
        self.memory = memory
        self.cpuTime = cpuTime
        self.instructions = instructions
        self.wallTime = wallTime
        self.output = output
    }

    /// 2 GiB of memory, 10 minutes of CPU, 30 minutes of wall time, 1 GiB of output, no
    /// instruction count.
    public static let `default` = Limits(
        memory: 2 << 30, cpuTime: 10 * 60, wallTime: 30 * 60, output: 1 << 30)

    /// No limit at all: for trusted code and benchmarks of the bridge only.
    public static let unlimited = Limits()
}
