import Foundation

/// Writes one line per alert to a text stream (standard error by default):
/// `[04/05/2026 07:30:00] FIRING CRITICAL overdue HS-001 (Phòng Tư pháp): 1 working day over`.
///
/// hostrun does not depend on a logging framework; the host points this at its log file or at
/// standard error, which systemd's journal collects.
public struct LogSink: AlertSink {
    private let write: @Sendable (String) -> Void
    private let format: AlertFormat

    /// Logs to any text stream; writes are serialised by a lock.
    public init<Stream: TextOutputStream & Sendable>(stream: Stream,
                                                     format: AlertFormat = AlertFormat()) {
        let box = LockedStream(stream)
        write = { box.write($0) }
        self.format = format
    }

    /// Logs to a file handle, standard error by default.
    public init(fileHandle: FileHandle = .standardError, format: AlertFormat = AlertFormat()) {
        write = { fileHandle.write(Data($0.utf8)) }
        self.format = format
    }

    public func deliver(_ batch: AlertBatch) async throws {
        let text = batch.alerts.map { "[\(format.vietnamese($0.at))] \($0.line)\n" }.joined()
        write(text)
    }
}

/// A text stream behind a lock, so that concurrent batches do not interleave within a line.
private final class LockedStream<Stream: TextOutputStream>: @unchecked Sendable {
    private var stream: Stream
    private let lock = NSLock()

    init(_ stream: Stream) { self.stream = stream }

    func write(_ text: String) {
        lock.withLock { stream.write(text) }
    }
}
