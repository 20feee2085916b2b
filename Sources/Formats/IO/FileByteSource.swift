#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Reads a file in fixed-size chunks through a POSIX descriptor into one buffer it owns, so a
/// reader never holds more than one chunk of the file. Closes the descriptor when released.
final class FileByteSource {
    let fileName: String
    private let descriptor: Int32
    private let storage: UnsafeMutableBufferPointer<UInt8>

    init(url: URL, chunkSize: Int) throws(FormatError) {
        fileName = url.lastPathComponent
        let fd = open(url.path, O_RDONLY)
        guard fd >= 0 else {
            throw FormatError(file: url.lastPathComponent, reason: .io(String(cString: strerror(errno))))
        }
        descriptor = fd
        storage = .allocate(capacity: max(chunkSize, 16))
    }

    deinit {
        close(descriptor)
        storage.deallocate()
    }

    /// The next chunk, valid until the next call; empty at the end of the file.
    func nextChunk() throws(FormatError) -> UnsafeBufferPointer<UInt8> {
        var filled = 0
        while filled < storage.count {
            let n = read(descriptor, storage.baseAddress! + filled, storage.count - filled)
            if n < 0 {
                if errno == EINTR { continue }
                throw FormatError(file: fileName, reason: .io(String(cString: strerror(errno))))
            }
            if n == 0 { break }
            filled += n
        }
        return UnsafeBufferPointer(rebasing: storage[0..<filled])
    }
}
