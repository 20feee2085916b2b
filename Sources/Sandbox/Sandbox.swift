import CLua
import CLuaShim
import LuaBridge

/// A Lua state set up for scripts the centre does not fully trust: the ``SandboxPolicy``,
/// ``Limits`` and ``Capabilities`` applied, output captured and capped.
///
/// ```swift
/// let sandbox = try Sandbox(limits: .default, capabilities: .none, output: StandardOutputSink())
/// try sandbox.run(file: "report.lua", arguments: ["2026"])
/// ```
///
/// Like ``LuaState``, a sandbox is used by one thread at a time; many may run in parallel.
public final class Sandbox {
    /// The underlying state (for hosts that install more, or read globals after a run).
    public let state: LuaState
    public let limits: Limits
    public let capabilities: Capabilities
    public let output: OutputSink
    /// When set, a single C call (a pathological pattern, say) still running `gracePeriod`
    /// seconds after the wall-time (CPU-time) limit ends the process with `timeExitCode`
    /// (`cpuExitCode`): the last resort for a command-line run, since no hook can interrupt a
    /// C function.
    public var exitWhenStuck: (timeExitCode: Int32, cpuExitCode: Int32, gracePeriod: Double)?
    /// Holds the sink for the C output hook, which gets this box's address.
    private let outputBox: OutputBox

    /// - Parameters:
    ///   - modules: host modules scripts reach as read-only globals and through `require`.
    ///   - moduleFolder: the folder `require` loads `.lua` files from (the script's folder);
    ///     nil for none.
    ///   - moduleNamePrefix: put before a required file's path in its chunk name (`dvcqg/` makes
    ///     `dvcqg/api.lua`), so tracebacks, log lines and coverage tell which plugin it belongs to,
    ///     as the plugin's entry file already does.
    public init(
        limits: Limits = .default, capabilities: Capabilities = .none, output: OutputSink = StandardOutputSink(),
        modules: HostRegistry = HostRegistry(), moduleFolder: String? = nil, moduleNamePrefix: String = ""
    ) throws(LuaError) {
        self.state = try LuaState()
        self.limits = limits
        self.capabilities = capabilities
        self.output = output
        self.outputBox = OutputBox(output)
        let state = self.state
        var hostModules = modules.modules
        if capabilities.grantsFiles {
            hostModules.append(FileSystemModule(capabilities: capabilities, memoryLeft: { [unowned state] in
                state.memoryLimit.map { max(0, $0 - state.memoryUsed) }
            }).module)
        }
        let loader = ModuleLoader(root: moduleFolder.flatMap { HostFiles.realPath(HostFiles.absolute($0)) },
                                  namePrefix: moduleNamePrefix)
        SandboxPolicy.install(
            in: state, modules: hostModules,
            extraOSFunctions: [EnvironmentAccess.getenvFunction(granted: capabilities.environment)], loader: loader)
        hr_set_output(state.pointer, writeOutput, Unmanaged.passUnretained(outputBox).toOpaque(), UInt64(limits.output ?? 0))
    }

    /// Runs a script file: `arg` holds `path` at 0 and `arguments` from 1, and the chunk gets
    /// `arguments` as `...`, as `lua5.4` does. A first line starting with `#` is skipped.
    public func run(file path: String, arguments: [String] = []) throws(LuaError) {
        var source: [UInt8]
        do {
            source = try HostFiles.read(path)
        } catch {
            throw LuaError(.io, "cannot open \(path)")
        }
        if source.first == UInt8(ascii: "#") {
            // Keep the newline so line numbers stay right.
            let end = source.firstIndex(of: UInt8(ascii: "\n")) ?? source.endIndex
            source.replaceSubrange(0..<end, with: [])
        }
        try run(source: source, name: "@" + path, scriptName: path, arguments: arguments)
    }

    /// Runs a chunk of source text.
    ///
    /// - Parameters:
    ///   - name: the chunk name (`@file.lua`, or `=(command line)` for `-e`).
    ///   - scriptName: what `arg[0]` holds.
    public func run(source: [UInt8], name: String, scriptName: String, arguments: [String] = []) throws(LuaError) {
        defer { output.flush() }
        setArguments(scriptName: scriptName, arguments)
        let chunk = try state.load(source, name: name)
        startLimits()
        defer { state.stopTimeLimits() }
        try state.run(chunk, arguments.map { .string(LuaString($0)) })
    }

    private func setArguments(scriptName: String, _ arguments: [String]) {
        var table = LuaTable(sequence: arguments.map { .string(LuaString($0)) })
        table.fields[.integer(0)] = .string(LuaString(scriptName))
        state.setGlobal("arg", table)
    }

    /// Applies ``limits`` from now, on the calling thread (whose CPU clock the CPU-time limit
    /// reads): ``run(file:arguments:)`` does so for each script; a host that calls the state's
    /// functions itself calls this first. The time limits run until ``LuaState/stopTimeLimits()``.
    public func startLimits() {
        if let stuck = exitWhenStuck {
            state.setLastResort(gracePeriod: stuck.gracePeriod, timeExitCode: stuck.timeExitCode,
                                cpuExitCode: stuck.cpuExitCode, program: "hostrun")
        }
        state.memoryLimit = limits.memory
        state.instructionLimit = limits.instructions
        state.setTimeLimit(seconds: limits.wallTime)
        state.setCPUTimeLimit(seconds: limits.cpuTime)
    }
}

private final class OutputBox {
    let sink: OutputSink
    init(_ sink: OutputSink) { self.sink = sink }
}

/// The C output hook: forwards counted bytes to the sink.
private func writeOutput(_ context: UnsafeMutableRawPointer?, _ stream: Int32, _ bytes: UnsafePointer<CChar>?, _ length: Int) {
    let sink = Unmanaged<OutputBox>.fromOpaque(context!).takeUnretainedValue().sink
    sink.write(UnsafeRawBufferPointer(start: bytes, count: length), to: stream == 2 ? .standardError : .standardOutput)
}
