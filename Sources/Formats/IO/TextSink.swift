import Foundation

/// Where a text writer's output goes: a file, written in 64 KiB pieces as it is produced, or
/// memory (for `render` and tests).
final class TextSink {
    private let handle: FileHandle?
    private let fileName: String
    private var buffer: [UInt8] = []
    private var collected: [UInt8] = []
    private static let flushThreshold = 64 << 10

    /// A sink that writes a new file at `url` (replacing one that exists).
    init(url: URL) throws(FormatError) {
        fileName = url.lastPathComponent
        guard FileManager.default.createFile(atPath: url.path, contents: nil),
              let handle = try? FileHandle(forWritingTo: url) else {
            throw FormatError(file: url.lastPathComponent, reason: .io("cannot create the file"))
        }
        self.handle = handle
        buffer.reserveCapacity(Self.flushThreshold * 2)
    }

    /// A sink that keeps everything in memory.
    init() {
        handle = nil
        fileName = "(memory)"
    }

    func write(_ text: String) throws(FormatError) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= Self.flushThreshold { try flush() }
    }

    func write(bytes: [UInt8]) throws(FormatError) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.flushThreshold { try flush() }
    }

    /// Writes what is buffered; call `close()` at the end.
    func flush() throws(FormatError) {
        guard !buffer.isEmpty else { return }
        if let handle {
            do { try handle.write(contentsOf: buffer) } catch {
                throw FormatError(file: fileName, reason: .io("cannot write: \(error.localizedDescription)"))
            }
        } else {
            collected.append(contentsOf: buffer)
        }
        buffer.removeAll(keepingCapacity: true)
    }

    func close() throws(FormatError) {
        try flush()
        try? handle?.close()
    }

    /// Everything written, for a memory sink.
    var text: String { String(decoding: collected + buffer, as: UTF8.self) }
}
