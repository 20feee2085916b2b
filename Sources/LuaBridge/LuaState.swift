import CLua
import CLuaShim

/// One Lua state: owns its `lua_State`, its allocator and its limits, and closes them
/// deterministically.
///
/// ## Concurrency
/// A state is used by one thread at a time: it is not `Sendable`, and every call into it, every
/// ``LuaReference`` and ``LuaStack`` of it, must come from the thread (or task) that owns it.
/// Many states may run in parallel, one per thread; they share nothing. The only access from
/// elsewhere is the limit timers' signal handler, which sets an atomic kill flag and arms the
/// hook of the thread running Lua code (async-signal-safe, as in `lua.c`).
///
/// ## Lifetime
/// ``close()`` runs the state's finalizers and frees its memory; `deinit` closes a state that is
/// still open. Host function closures are owned by Lua and released when collected or at close,
/// so a closure that captures a ``LuaReference`` (which keeps its state alive) is released by
/// ``close()``.
///
/// ## Topics
/// ### Running code
/// - ``execute(_:name:)``
/// - ``load(_:name:)``
/// - ``call(_:_:)``
/// ### Globals and modules
/// - ``setGlobal(_:_:)``
/// - ``global(_:)``
/// - ``register(_:)``
/// ### Limits
/// - ``memoryLimit``
/// - ``instructionLimit``
/// - ``setTimeLimit(seconds:)``
/// - ``setCPUTimeLimit(seconds:)``
/// - ``stopTimeLimits()``
/// - ``setLastResort(gracePeriod:timeExitCode:cpuExitCode:program:)``
public final class LuaState {
    /// The underlying `lua_State *` (main thread). Valid until ``close()``.
    public let pointer: OpaquePointer
    /// Whether ``close()`` has run.
    public private(set) var isClosed = false
    /// Userdata types registered in this state, kept alive as long as it.
    var userdataTypes: [ObjectIdentifier: AnyObject] = [:]

    /// Creates an empty state (no libraries) with a counting allocator and no limits.
    public init() throws(LuaError) {
        guard let state = hr_newstate() else {
            throw LuaError(.memory, "cannot create a Lua state: out of memory")
        }
        pointer = state
        hr_set_host(state, Unmanaged.passUnretained(self).toOpaque())
    }

    deinit {
        close()
    }

    /// Runs the finalizers of every object and frees the state. Safe to call twice.
    public func close() {
        guard !isClosed else { return }
        isClosed = true
        hr_close(pointer)
    }

    /// The stack of the main thread.
    public var stack: LuaStack { LuaStack(pointer) }

    /// The state that owns `stack` (any of its threads).
    static func owner(of stack: LuaStack) -> LuaState {
        Unmanaged<LuaState>.fromOpaque(hr_host(stack.state)!).takeUnretainedValue()
    }

    /// Opens every standard library, `io`, `os` and `debug` included: for trusted code only.
    /// Scripts from users run in the `Sandbox` instead.
    ///
    /// `coroutine.resume`, `wrap` and `close` are the guarded ones the sandbox uses: they record
    /// which thread runs, so that a time limit stops a looping coroutine, and re-raise a kill.
    public func openStandardLibraries() {
        luaL_openlibs(pointer)
        lua_getglobal(pointer, "coroutine")
        for (name, function) in [("resume", hr_sb_co_resume), ("wrap", hr_sb_co_wrap), ("close", hr_sb_co_close)] as [(String, lua_CFunction)] {
            hr_pushcfunction(pointer, function)
            lua_setfield(pointer, -2, name)
        }
        hr_pop(pointer, 1)
    }

    // MARK: Limits

    /// Bytes the state has allocated now.
    public var memoryUsed: Int { hr_memory_used(pointer) }
    /// The most bytes the state has had allocated at once.
    public var memoryPeak: Int { hr_memory_peak(pointer) }

    /// Most bytes Lua code may have allocated; `nil` for no limit. An allocation past it fails
    /// with a memory error that scripts cannot catch (``LuaError/Kind/memory``).
    public var memoryLimit: Int? {
        get { hr_memory_limit(pointer) == 0 ? nil : hr_memory_limit(pointer) }
        set { hr_set_memory_limit(pointer, newValue.map { max($0, 1) } ?? 0) }
    }

    /// Most VM instructions scripts may run; `nil` for no limit. Checked every
    /// ``hookInterval`` instructions, coroutines included (``LuaError/Kind/instructions``).
    ///
    /// An exact budget, but not free: while it is set, Lua 5.4 sends every instruction through
    /// its hook dispatcher (about 15 % on CPU-bound code). ``setCPUTimeLimit(seconds:)`` bounds
    /// CPU at no cost.
    public var instructionLimit: UInt64? {
        didSet { hr_set_instruction_limit(pointer, instructionLimit.map { max($0, 1) } ?? 0) }
    }

    /// Instructions run so far, in whole hook intervals.
    public var instructionsExecuted: UInt64 { hr_instructions_executed(pointer) }

    /// How many instructions run between two checks of the limits (default 10 000).
    public var hookInterval: Int32 = 10_000 {
        didSet { hr_set_hook_interval(pointer, hookInterval) }
    }

    /// Sets a wall-clock deadline `seconds` from now (`nil` removes it) (``LuaError/Kind/time``).
    ///
    /// A timer enforces it: at the deadline its signal kills the state and makes whichever
    /// thread of it is running (a coroutine too) raise at its next instruction. No hook runs
    /// before that.
    public func setTimeLimit(seconds: Double?) {
        hr_set_time_limit(pointer, seconds ?? 0)
    }

    /// Limits the CPU time of the calling thread from now: `seconds` more (`nil` removes it)
    /// (``LuaError/Kind/cpuTime``). Enforced like ``setTimeLimit(seconds:)``, by a timer on the
    /// thread's CPU clock; run the state on the thread that set it.
    public func setCPUTimeLimit(seconds: Double?) {
        hr_set_cpu_limit(pointer, seconds ?? 0)
    }

    /// Seconds left before the wall-time limit ends the run (0 once it has passed); nil when no
    /// limit is running. Host functions that wait (a network request) wait no longer than this.
    public var timeLeft: Double? {
        let left = hr_time_left(pointer)
        return left < 0 ? nil : left
    }

    /// Stops the wall-time and CPU-time limits (at the end of a run).
    public func stopTimeLimits() {
        hr_stop_time_limits(pointer)
    }

    /// The last resort for a single long C call (a pathological pattern) that no hook can stop:
    /// when the state is still running `gracePeriod` seconds after the time (or CPU-time) limit
    /// killed it, the process prints "`program`: time limit exceeded inside a single long call"
    /// and exits with `timeExitCode` (or `cpuExitCode`). For command-line hosts only; applies to
    /// every limit that fires from now on.
    public func setLastResort(gracePeriod: Double, timeExitCode: Int32, cpuExitCode: Int32, program: String) {
        hr_set_last_resort(pointer, gracePeriod, timeExitCode, cpuExitCode, program)
    }

    /// The limit that killed the state, if any. A killed state runs no more Lua code.
    public var killedBy: LuaError.Kind? {
        switch hr_killed(pointer) {
        case HR_KILL_MEMORY: .memory
        case HR_KILL_INSTRUCTIONS: .instructions
        case HR_KILL_TIME: .time
        case HR_KILL_CPU: .cpuTime
        case HR_KILL_OUTPUT: .output
        default: nil
        }
    }
}
