import CLuaShim
import Sandbox

/// Sends everything a plugin prints to standard error, so that a command's own standard output
/// (a report, `--json`) stays clean.
final class StandardErrorSink: OutputSink {
    func write(_ bytes: UnsafeRawBufferPointer, to stream: OutputStream) {
        guard let base = bytes.baseAddress else { return }
        hr_stdio_write(2, base, bytes.count)
    }

    func flush() { hr_stdio_flush() }
}
