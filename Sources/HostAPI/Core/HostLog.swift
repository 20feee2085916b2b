import CLuaShim
import Foundation

/// How much a script's `log` calls say. Messages below the level in force are dropped.
public enum LogLevel: String, Sendable, CaseIterable, Comparable, CustomStringConvertible {
    case debug
    case info
    case warn
    case error

    private var rank: Int { Self.allCases.firstIndex(of: self)! }

    public static func < (a: LogLevel, b: LogLevel) -> Bool { a.rank < b.rank }

    public var description: String { rawValue }
}

/// Where log lines go.
public protocol LogSink: AnyObject, Sendable {
    /// Writes one complete line (without its newline).
    func write(line: String)
}

/// Writes log lines to standard error through the same stdio buffers as `print`, so a script's
/// output and its log keep their order on a terminal.
public final class StandardErrorLog: LogSink {
    public init() {}

    public func write(line: String) {
        var text = line + "\n"
        text.withUTF8 { hr_stdio_write(2, $0.baseAddress, $0.count) }
    }
}

/// Keeps log lines in memory, for tests and for hosts that show them elsewhere.
public final class CapturedLog: LogSink, @unchecked Sendable {
    // `stored` is guarded by `lock`.
    private let lock = NSLock()
    private var stored: [String] = []

    public init() {}

    public func write(line: String) {
        lock.lock()
        defer { lock.unlock() }
        stored.append(line)
    }

    /// The lines written so far.
    public var lines: [String] {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }
}

/// The host log scripts write to with `log.info(...)`: `[info] report.lua:12: message`.
public struct HostLog: Sendable {
    /// The least level written (`--log-level`, default `info`).
    public var level: LogLevel
    public var sink: any LogSink

    public init(level: LogLevel = .info, sink: any LogSink = StandardErrorLog()) {
        self.level = level
        self.sink = sink
    }

    /// Writes a message at `level` if the level is in force. `location` is `file:line`.
    public func write(_ level: LogLevel, location: String, message: String) {
        guard level >= self.level else { return }
        sink.write(line: "[\(level)] " + (location.isEmpty ? "" : location + " ") + message)
    }
}
