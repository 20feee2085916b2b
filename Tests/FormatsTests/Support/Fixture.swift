import Foundation
@testable import Formats

/// Files under Tests/FormatsTests/Fixtures (made by make-fixtures.py) and scratch files.
enum Fixture {
    static func url(_ name: String) -> URL {
        Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent(name)
    }

    /// A fresh empty directory for a test's own files.
    static func scratchDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("hostrun-formats-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Writes `bytes` to a scratch file and returns its URL.
    static func write(_ bytes: [UInt8], name: String) throws -> URL {
        let url = try scratchDirectory().appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url
    }

    static func write(_ text: String, name: String) throws -> URL {
        try write(Array(text.utf8), name: name)
    }

    /// Runs `body` and returns the `FormatError` it throws (nil if it throws none).
    static func formatError(_ body: () throws -> Void) -> FormatError? {
        do { try body() } catch let error as FormatError { return error } catch { return nil }
        return nil
    }
}

extension CSVReader {
    /// All remaining rows, for small fixture files.
    func allRows() throws -> [CSVRow] {
        var rows: [CSVRow] = []
        while let row = try nextRow() { rows.append(row) }
        return rows
    }
}

extension XLSXRowReader {
    func allRows() throws -> [XLSXRow] {
        var rows: [XLSXRow] = []
        while let row = try nextRow() { rows.append(row) }
        return rows
    }
}
