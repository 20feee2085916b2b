import Foundation

/// Writes a CSV file row by row (streaming): UTF-8, optionally with the byte-order mark Excel
/// needs to read Vietnamese text correctly, fields quoted only when they must be.
public final class CSVWriter {
    private let sink: TextSink
    private let delimiter: UInt8
    private let lineEnding: [UInt8]
    private var line: [UInt8] = []

    /// - Parameters:
    ///   - includeBOM: write the UTF-8 byte-order mark first (for Excel on Windows).
    ///   - lineEnding: `"\r\n"` (RFC 4180, Excel) or `"\n"`.
    public init(url: URL, delimiter: CSVDelimiter = .comma, includeBOM: Bool = false,
                lineEnding: String = "\r\n") throws(FormatError) {
        sink = try TextSink(url: url)
        self.delimiter = delimiter.byte
        self.lineEnding = Array(lineEnding.utf8)
        if includeBOM { try sink.write(bytes: [0xEF, 0xBB, 0xBF]) }
    }

    init(sink: TextSink, delimiter: CSVDelimiter, lineEnding: String) {
        self.sink = sink
        self.delimiter = delimiter.byte
        self.lineEnding = Array(lineEnding.utf8)
    }

    /// Writes one row; fields holding the delimiter, a quote or a line break are quoted with
    /// inner quotes doubled.
    public func writeRow(_ fields: [String]) throws(FormatError) {
        // Built in a local buffer: appending to a stored property byte by byte would pay a
        // dynamic exclusivity check each time.
        var bytes = line
        line = []
        bytes.removeAll(keepingCapacity: true)
        for (index, field) in fields.enumerated() {
            if index > 0 { bytes.append(delimiter) }
            Self.append(field, delimiter: delimiter, to: &bytes)
        }
        bytes.append(contentsOf: lineEnding)
        try sink.write(bytes: bytes)
        line = bytes
    }

    /// Writes what is buffered and closes the file.
    public func close() throws(FormatError) { try sink.close() }

    private static func append(_ field: String, delimiter: UInt8, to line: inout [UInt8]) {
        let quote = UInt8(ascii: "\"")
        let utf8 = field.utf8
        var mustQuote = false
        for byte in utf8 where byte == delimiter || byte == quote || byte == 0x0A || byte == 0x0D {
            mustQuote = true
            break
        }
        guard mustQuote else {
            line.append(contentsOf: utf8)
            return
        }
        line.append(quote)
        for byte in utf8 {
            if byte == quote { line.append(quote) }
            line.append(byte)
        }
        line.append(quote)
    }
}
