import ArgumentParser
import LuaBridge

/// The documented exit codes of `hostrun`.
enum ExitStatus: Int32, CaseIterable {
    case success = 0
    case scriptError = 1
    case usage = 2
    case memoryLimit = 3
    case instructionLimit = 4
    case timeLimit = 5
    case outputLimit = 6
    case cpuLimit = 7

    init(_ error: LuaError) {
        switch error.kind {
        case .memory: self = .memoryLimit
        case .instructions: self = .instructionLimit
        case .time: self = .timeLimit
        case .cpuTime: self = .cpuLimit
        case .output: self = .outputLimit
        case .runtime, .syntax, .errorHandler, .conversion, .io: self = .scriptError
        }
    }

    var meaning: String {
        switch self {
        case .success: "success"
        case .scriptError: "the script failed: runtime or syntax error, or it could not be read"
        case .usage: "usage error: bad flags or arguments"
        case .memoryLimit: "the memory limit was exceeded (--max-memory)"
        case .instructionLimit: "the instruction limit was exceeded (--max-instructions)"
        case .timeLimit: "the time limit was exceeded (--max-time)"
        case .outputLimit: "the output limit was exceeded (--max-output)"
        case .cpuLimit: "the CPU-time limit was exceeded (--max-cpu)"
        }
    }

    /// The flag that raises the limit behind this status, for the hint after the message.
    var flag: String? {
        switch self {
        case .memoryLimit: "--max-memory"
        case .instructionLimit: "--max-instructions"
        case .timeLimit: "--max-time"
        case .outputLimit: "--max-output"
        case .cpuLimit: "--max-cpu"
        default: nil
        }
    }

    var exitCode: ExitCode { ExitCode(rawValue) }

    /// The table printed in `--help`.
    static var helpTable: String {
        allCases.map { "  \($0.rawValue)  \($0.meaning)" }.joined(separator: "\n")
    }
}
