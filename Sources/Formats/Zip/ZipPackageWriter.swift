import Foundation
import ZIPFoundation

/// Builds a ZIP package (XLSX, DOCX) entry by entry, deflated, with a fixed timestamp so the
/// same document always gives the same bytes.
final class ZipPackageWriter {
    private let archive: Archive
    private let fileName: String
    private let timestamp: Date

    init(url: URL, timestamp: Date = Date(timeIntervalSince1970: 1_767_225_600)) throws(FormatError) {
        fileName = url.lastPathComponent
        self.timestamp = timestamp
        try? FileManager.default.removeItem(at: url)
        do {
            archive = try Archive(url: url, accessMode: .create)
        } catch {
            throw FormatError(file: fileName, reason: .io("cannot create the package: \(error)"))
        }
    }

    func add(_ path: String, text: String) throws(FormatError) {
        try add(path, data: Data(text.utf8))
    }

    func add(_ path: String, data: Data) throws(FormatError) {
        do {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: timestamp,
                                 compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        } catch {
            throw FormatError(file: fileName, reason: .io("cannot add \(path): \(error)"))
        }
    }

    /// Adds the contents of a file, read in chunks.
    func add(_ path: String, contentsOf url: URL) throws(FormatError) {
        do {
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            let size = try handle.seekToEnd()
            try handle.seek(toOffset: 0)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(size), modificationDate: timestamp,
                                 compressionMethod: .deflate) { position, chunk in
                try handle.seek(toOffset: UInt64(position))
                return try handle.read(upToCount: chunk) ?? Data()
            }
        } catch {
            throw FormatError(file: fileName, reason: .io("cannot add \(path): \(error)"))
        }
    }
}
