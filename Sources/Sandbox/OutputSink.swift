import CLuaShim

/// The stream a script writes to: `print` writes to standard output, `warn` to standard error.
public enum OutputStream: Int32, Sendable {
    case standardOutput = 1
    case standardError = 2
}

/// Where a sandboxed script's `print` and `warn` output goes. The sandbox counts bytes against
/// the output limit before they reach the sink.
public protocol OutputSink: AnyObject {
    func write(_ bytes: UnsafeRawBufferPointer, to stream: OutputStream)
    /// Called when the script ends.
    func flush()
}

/// Writes to the process's standard output and error through C stdio buffers.
public final class StandardOutputSink: OutputSink {
    public init() {}

    public func write(_ bytes: UnsafeRawBufferPointer, to stream: OutputStream) {
        guard let base = bytes.baseAddress else { return }
        hr_stdio_write(stream.rawValue, base, bytes.count)
    }

    public func flush() {
        hr_stdio_flush()
    }
}

/// Keeps the output in memory, for tests and for hosts that show it elsewhere.
public final class CapturedOutput: OutputSink {
    public private(set) var standardOutput: [UInt8] = []
    public private(set) var standardError: [UInt8] = []

    public init() {}

    public func write(_ bytes: UnsafeRawBufferPointer, to stream: OutputStream) {
        switch stream {
        case .standardOutput: standardOutput.append(contentsOf: bytes)
        case .standardError: standardError.append(contentsOf: bytes)
        }
    }

    public func flush() {}

    /// Standard output as text (invalid UTF-8 replaced).
    public var text: String { String(decoding: standardOutput, as: UTF8.self) }
    /// Standard error as text (invalid UTF-8 replaced).
    public var errorText: String { String(decoding: standardError, as: UTF8.self) }
}
