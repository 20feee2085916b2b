import CLuaShim
import Sandbox

/// Sends everything a check prints to standard error: standard output belongs to the plugin
/// output that Nagios, Icinga or Telegraf parse, and a stray `print` must not corrupt it.
public final class StandardErrorOutput: OutputSink {
    public init() {}

    public func write(_ bytes: UnsafeRawBufferPointer, to stream: OutputStream) {
        guard let base = bytes.baseAddress else { return }
        hr_stdio_write(OutputStream.standardError.rawValue, base, bytes.count)
    }

    public func flush() {
        hr_stdio_flush()
    }
}
