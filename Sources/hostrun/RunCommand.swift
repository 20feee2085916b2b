import ArgumentParser
import Domain
import HostAPI
import LuaBridge
import PostgresStore
import Sandbox
import Store

#if canImport(Glibc)
import Glibc
#endif

/// `hostrun [options] script.lua [args…]`, `hostrun -e 'code'`, `hostrun -` (standard input).
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a Lua script in the sandbox (the default: `hostrun script.lua` is `hostrun run script.lua`)."
    )

    @Option(name: .customShort("e"), help: ArgumentHelp("Run this code (before the script, if one is given).", valueName: "code"))
    var code: String?

    @Option(help: ArgumentHelp("Memory limit, e.g. 64MiB, 512K, 2G (default 2GiB).", valueName: "size"))
    var maxMemory: SizeArgument?

    @Option(help: ArgumentHelp("Wall-clock limit in seconds (default 1800).", valueName: "seconds"))
    var maxTime: Double?

    @Option(help: ArgumentHelp("CPU-time limit in seconds (default 600).", valueName: "seconds"))
    var maxCpu: Double?

    @Option(help: ArgumentHelp("Exact Lua VM instruction limit (default none: it slows CPU-bound scripts by about 15 %).", valueName: "n"))
    var maxInstructions: UInt64?

    @Option(help: ArgumentHelp("Limit on print/warn output, e.g. 10MiB (default 1GiB).", valueName: "size"))
    var maxOutput: SizeArgument?

    @Option(help: ArgumentHelp("Let the script read files under this path with the fs module (repeatable).", valueName: "path"))
    var allowRead: [String] = []

    @Option(help: ArgumentHelp("Let the script write files under this path with the fs module (repeatable).", valueName: "path"))
    var allowWrite: [String] = []

    @Option(help: ArgumentHelp("Let os.getenv read this variable (repeatable).", valueName: "name"))
    var allowEnv: [String] = []

    @Option(help: ArgumentHelp("Let the script reach this host (or host:port) with the http module (repeatable).", valueName: "host"))
    var allowNet: [String] = []

    /// The store, opened only if the script uses it.
    @OptionGroup var store: StoreOptions

    @OptionGroup var centre: CentreOption

    @OptionGroup var now: NowOption

    @Option(help: ArgumentHelp("Least level of log messages shown: debug, info, warn or error (default info).", valueName: "level"))
    var logLevel: String = "info"

    @Flag(help: "Show applicants' personal data (names, identity numbers, phones, addresses) instead of masking it.")
    var allowPersonalData = false

    @Argument(parsing: .captureForPassthrough,
              help: ArgumentHelp("The script (`-` for standard input), then its arguments.", valueName: "script"))
    var scriptAndArguments: [String] = []

    func validate() throws {
        if code == nil && scriptAndArguments.isEmpty {
            throw ValidationError("no script given: hostrun script.lua, hostrun -e 'code' or hostrun - (see --help)")
        }
        if let maxTime, !(maxTime > 0) { throw ValidationError("--max-time must be a positive number of seconds") }
        if let maxCpu, !(maxCpu > 0) { throw ValidationError("--max-cpu must be a positive number of seconds") }
        if maxInstructions == 0 { throw ValidationError("--max-instructions must be positive") }
        if LogLevel(rawValue: logLevel) == nil { throw ValidationError("--log-level must be debug, info, warn or error") }
        if let problem = allowNet.lazy.compactMap(HttpAddress.grantProblem).first { throw ValidationError("--allow-net: \(problem)") }
        _ = try now.instant()
    }

    /// The host the script's modules answer from: the clock (`--now`), the store (`--db`,
    /// opened on first use, read-only for scripts), the log and the grants.
    var environment: HostEnvironment {
        let clock = now.clock
        return HostEnvironment(
            clock: clock, store: store.access(clock: clock, centre: centre.name),
            log: HostLog(level: LogLevel(rawValue: logLevel) ?? .info),
            grants: ScriptGrants(personalData: allowPersonalData), capabilities: capabilities)
    }

    var limits: Limits {
        var limits = Limits.default
        if let maxMemory { limits.memory = maxMemory.bytes }
        if let maxTime { limits.wallTime = maxTime }
        if let maxCpu { limits.cpuTime = maxCpu }
        if let maxInstructions { limits.instructions = maxInstructions }
        if let maxOutput { limits.output = maxOutput.bytes }
        return limits
    }

    var capabilities: Capabilities {
        Capabilities(readPaths: allowRead, writePaths: allowWrite, environment: Set(allowEnv), networkHosts: Set(allowNet))
    }

    func run() throws {
        let script = scriptAndArguments.first
        let arguments = Array(scriptAndArguments.dropFirst())
        let folder = script.flatMap { $0 == "-" ? nil : folderOf($0) } ?? "."
        let environment = self.environment
        if let access = environment.store {
            do { try centre.check(access) } catch {
                writeError("hostrun: \(error)\n")
                throw ExitStatus.usage.exitCode
            }
        }
        do {
            let sandbox = try environment.makeSandbox(limits: limits, output: StandardOutputSink(), moduleFolder: folder)
            sandbox.exitWhenStuck = (ExitStatus.timeLimit.rawValue, ExitStatus.cpuLimit.rawValue, 1.0)
            if let code {
                try sandbox.run(source: Array(code.utf8), name: "=(command line)", scriptName: script ?? "-e", arguments: arguments)
            }
            switch script {
            case nil: break
            case "-": try sandbox.run(source: readStandardInput(), name: "=stdin", scriptName: "-", arguments: arguments)
            case let path?: try sandbox.run(file: path, arguments: arguments)
            }
        } catch {
            let status = ExitStatus(error)
            var report = "hostrun: \(error)\n"
            if let flag = status.flag { report += "(raise the limit with \(flag))\n" }
            writeError(report)
            throw status.exitCode
        }
    }

    private func folderOf(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    private func readStandardInput() -> [UInt8] {
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
            if count <= 0 { return result }
            result.append(contentsOf: chunk[0..<count])
        }
    }
}
