#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Formats

/// Lets Formats' streaming ``Formats/CSVReader`` read text held in memory (`csv.decode`), so
/// hostrun has one CSV parser: the text goes into an anonymous file (unlinked at once, never
/// visible in any folder) that the reader opens through `/dev/fd`.
///
/// Formats reads files only; when it gains a reader over bytes this adapter goes away.
enum CSVText {
    static func reader(for bytes: UnsafeRawBufferPointer, options: CSVReadOptions) throws -> (CSVReader, AnonymousFile) {
        let file = try AnonymousFile(bytes)
        let reader = try CSVReader(url: URL(fileURLWithPath: "/dev/fd/\(file.descriptor)"), options: options)
        return (reader, file)
    }

    /// A file without a name, removed when released.
    final class AnonymousFile {
        let descriptor: Int32

        init(_ bytes: UnsafeRawBufferPointer) throws {
            var template = Array((NSTemporaryDirectory() + "/hostrun-csv-XXXXXX").utf8CString)
            let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
            guard fd >= 0 else { throw Failure("cannot hold the CSV text: \(String(cString: strerror(errno)))") }
            template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
            descriptor = fd
            var offset = 0
            while offset < bytes.count {
                let written = write(fd, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw Failure("cannot hold the CSV text: \(String(cString: strerror(errno)))")
                }
                offset += written
            }
            lseek(fd, 0, SEEK_SET)
        }

        deinit { close(descriptor) }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}
