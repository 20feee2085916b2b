import Foundation

/// Writes a CSV file row by row (streaming): UTF-8, optionally with the byte-order mark Excel
/// needs to read Vietnamese text correctly, fields quoted only when they must be.
public final class CSVWriter {
    private let sink: TextSink
    private let delimiter: String
    private let lineEnding: String

    /// - Parameters:
    ///   - includeBOM: write the UTF-8 byte-order mark first (for Excel on Windows).
    ///   - lineEnding: `"\r\n"` (RFC 4180, Excel) or `"\n"`.
    public init(url: URL, delimiter: CSVDelimiter = .comma, includeBOM: Bool = false,
                lineEnding: String = "\r\n") throws(FormatError) {
        sink = try TextSink(url: url)
        self.delimiter = delimiter.rawValue
        self.lineEnding = lineEnding
        if includeBOM { try sink.write(bytes: [0xEF, 0xBB, 0xBF]) }
    }

    init(sink: TextSink, delimiter: CSVDelimiter, lineEnding: String) {
        self.sink = sink
        self.delimiter = delimiter.rawValue
        self.lineEnding = lineEnding
    }

    /// Writes one row; fields holding the delimiter, a quote or a line break are quoted with
    /// inner quotes doubled.
    public func writeRow(_ fields: [String]) throws(FormatError) {
        try sink.write(fields.map(quoted).joined(separator: delimiter) + lineEnding)
    }

    /// Writes what is buffered and closes the file.
    public func close() throws(FormatError) { try sink.close() }

    private func quoted(_ field: String) -> String {
        let mustQuote = field.contains(delimiter) || field.contains("\"") || field.contains("\n") || field.contains("\r")
        return mustQuote ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
    }
}
