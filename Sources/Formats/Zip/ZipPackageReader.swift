import Foundation
import ZIPFoundation

/// Reads entries of a ZIP package under `ZipLimits`: an entry is refused before inflating if
/// its declared size or ratio is beyond the limits, and inflation stops the moment the actual
/// bytes exceed the declared size or the limit, so a lying header cannot slip through.
final class ZipPackageReader {
    let fileName: String
    private let archive: Archive
    private let limits: ZipLimits

    init(url: URL, limits: ZipLimits) throws(FormatError) {
        fileName = url.lastPathComponent
        self.limits = limits
        guard FileManager.default.isReadableFile(atPath: url.path) else {
            throw FormatError(file: fileName, reason: .io("cannot read the file"))
        }
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw FormatError(file: fileName, reason: .corruptArchive("no ZIP central directory (\(error))"))
        }
    }

    /// Whether the package has an entry at `path` (no leading slash).
    func contains(_ path: String) -> Bool { archive[path] != nil }

    /// The entry's bytes, for small parts such as workbook.xml.
    func data(_ path: String) throws(FormatError) -> Data {
        var data = Data()
        try inflate(path, limit: min(limits.maxEntryBytes, limits.maxInMemoryPartBytes)) { data.append($0) }
        return data
    }

    /// Inflates the entry into a new file at `destination`.
    func extract(_ path: String, to destination: URL) throws(FormatError) {
        guard FileManager.default.createFile(atPath: destination.path, contents: nil),
              let handle = try? FileHandle(forWritingTo: destination) else {
            throw FormatError(file: fileName, reason: .io("cannot create a temporary file for \(path)"))
        }
        defer { try? handle.close() }
        var writeFailure: Error?
        try inflate(path, limit: limits.maxEntryBytes) { chunk in
            do { try handle.write(contentsOf: chunk) } catch { writeFailure = error }
        }
        if let writeFailure {
            throw FormatError(file: fileName, reason: .io("cannot write \(path) to a temporary file: \(writeFailure)"))
        }
    }

    private func inflate(_ path: String, limit: UInt64, _ consume: (Data) -> Void) throws(FormatError) {
        guard let entry = archive[path] else { throw FormatError(file: fileName, reason: .missingEntry(path)) }
        let declared = entry.uncompressedSize
        if declared > limit {
            throw FormatError(file: fileName, reason: .entryTooLarge(entry: path, bytes: declared, limit: limit))
        }
        if declared >= limits.ratioCheckMinimumBytes {
            let ratio = declared / max(entry.compressedSize, 1)
            if ratio > limits.maxCompressionRatio {
                throw FormatError(file: fileName, reason: .compressionRatioTooHigh(
                    entry: path, ratio: ratio, limit: limits.maxCompressionRatio))
            }
        }
        var produced: UInt64 = 0
        let checksum: CRC32
        do {
            checksum = try archive.extract(entry, bufferSize: 64 << 10, skipCRC32: false) { chunk in
                produced += UInt64(chunk.count)
                if produced > declared {
                    throw FormatError(file: self.fileName, reason: .entrySizeMismatch(entry: path, declared: declared))
                }
                if produced > limit {
                    throw FormatError(file: self.fileName, reason: .entryTooLarge(entry: path, bytes: produced, limit: limit))
                }
                consume(chunk)
            }
        } catch let error as FormatError {
            throw error
        } catch {
            throw FormatError(file: fileName, reason: .corruptArchive("\(path) cannot be inflated (\(error))"))
        }
        if produced != declared {
            throw FormatError(file: fileName, reason: .corruptArchive("\(path) is shorter than its header declares"))
        }
        if checksum != entry.checksum {
            throw FormatError(file: fileName, reason: .corruptArchive("\(path) fails its CRC-32 check"))
        }
    }
}
