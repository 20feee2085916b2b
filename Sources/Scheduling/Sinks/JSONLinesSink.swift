import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Appends one JSON object per alert to a file, and `fsync`s it before reporting success, so an
/// alert the scheduler counts as delivered survives a power cut.
///
/// The file is opened for each batch (`O_APPEND`), so log rotation that moves it away is
/// followed at the next batch. Each line is an ``Alert`` with the batch's `summary` added.
public struct JSONLinesSink: AlertSink {
    public let path: String
    private let format: AlertFormat
    private let io = BlockingIO(label: "jsonl")

    public init(path: String, format: AlertFormat = AlertFormat()) {
        self.path = path
        self.format = format
    }

    struct Line: Encodable {
        let alert: Alert
        let summary: String

        func encode(to encoder: any Encoder) throws {
            try alert.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(summary, forKey: .summary)
        }

        enum CodingKeys: String, CodingKey { case summary }
    }

    public func deliver(_ batch: AlertBatch) async throws {
        let encoder = format.jsonEncoder()
        var data = Data()
        for alert in batch.alerts {
            data += try encoder.encode(Line(alert: alert, summary: batch.summary))
            data.append(0x0A)
        }
        let (path, lines) = (self.path, data)
        try await io.run { try JSONLinesSink.append(lines, to: path) }
    }

    private static func append(_ data: Data, to path: String) throws {
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o640)
        guard fd >= 0 else { throw failure("open", path) }
        defer { close(fd) }
        try data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw failure("write", path)
                }
                offset += n
            }
        }
        guard fsync(fd) == 0 else { throw failure("fsync", path) }
    }

    private static func failure(_ operation: String, _ path: String) -> SinkError {
        .system(operation: operation, target: path, message: String(cString: strerror(errno)))
    }
}
