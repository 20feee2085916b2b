import Foundation

/// Reads a CSV file one row at a time with bounded memory, whatever its size.
///
/// The file is read in chunks; each is turned into UTF-8 (UTF-8 chunks are parsed in place),
/// split into records by a byte-level tokenizer, and each field becomes an NFC string. A record
/// longer than `CSVReadOptions.maxRecordBytes` ends in an error instead of exhausting memory.
///
/// ```swift
/// let reader = try CSVReader(url: exportURL)
/// try reader.requireColumns(["ma_ho_so", "ngay_nhan"])
/// while let row = try reader.nextRow() {
///     let code = try row.value("ma_ho_so")
/// }
/// ```
public final class CSVReader {
    /// The file's name, used in every error.
    public let fileName: String
    /// The field separator in use (given or detected).
    public private(set) var delimiter: CSVDelimiter
    /// The header, when `CSVReadOptions.hasHeader` is set.
    public private(set) var header: ColumnHeader?

    /// The encoding in use, once known: given, from a byte-order mark, or detected at the first
    /// non-ASCII byte (`nil` while the file has been pure ASCII so far).
    public var encoding: TextEncoding? { transcoder.encoding }

    private let options: CSVReadOptions
    private let source: FileByteSource
    private var transcoder: UTF8Transcoder
    private var tokenizer: CSVTokenizer
    private var rawChunk = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
    private var decoded: [UInt8] = []
    private var usesDecoded = false
    private var position = 0
    private var atEnd = false
    private var rowNumber = 0

    /// Opens `url` and reads its header if `options.hasHeader` is set.
    public init(url: URL, options: CSVReadOptions = CSVReadOptions()) throws(FormatError) {
        self.options = options
        fileName = url.lastPathComponent
        source = try FileByteSource(url: url, chunkSize: options.chunkSize)
        var first = try source.nextChunk()
        var transcoder = UTF8Transcoder(encoding: options.encoding)
        if let (bomEncoding, length) = TextEncoding.byteOrderMark(in: first) {
            // A byte-order mark is proof of the encoding; it wins over a guess and an option alike.
            transcoder = UTF8Transcoder(encoding: bomEncoding)
            first = UnsafeBufferPointer(rebasing: first[length...])
        }
        self.transcoder = transcoder
        tokenizer = CSVTokenizer(delimiter: 0, maxRecordBytes: options.maxRecordBytes)
        delimiter = .comma
        atEnd = first.isEmpty
        if !atEnd { load(first, isFinal: first.count < options.chunkSize) }
        delimiter = options.delimiter ?? withCurrentChunk { CSVDelimiter.detect(inFirstLineOf: $0) }
        tokenizer = CSVTokenizer(delimiter: delimiter.byte, maxRecordBytes: options.maxRecordBytes)
        if options.hasHeader {
            guard let names = try nextRecord(isHeader: true) else {
                throw FormatError(file: fileName, reason: .missingHeader)
            }
            header = try ColumnHeader(names: names.fields, file: fileName) { SourceLocation(row: 1, column: $0 + 1) }
        }
    }

    /// Fails, naming the file and every missing column, unless the header has all of `names`.
    public func requireColumns(_ names: [String]) throws(FormatError) {
        guard let header else { throw FormatError(file: fileName, reason: .missingHeader) }
        let missing = header.missing(names)
        if !missing.isEmpty {
            throw FormatError(file: fileName, location: SourceLocation(row: 1),
                              reason: .missingColumns(missing: missing, found: header.names))
        }
    }

    /// The next data row, or `nil` at the end of the file. Blank lines are skipped (but counted,
    /// so row numbers match a spreadsheet's).
    public func nextRow() throws(FormatError) -> CSVRow? {
        try nextRecord(isHeader: false)
    }

    // MARK: Records

    private func nextRecord(isHeader: Bool) throws(FormatError) -> CSVRow? {
        while try readRecord() {
            rowNumber += 1
            defer { tokenizer.startRecord() }
            if tokenizer.fieldEnds == [0], !tokenizer.sawQuote { continue }
            var fields = try decodeFields()
            if !isHeader { try checkWidth(&fields) }
            return CSVRow(file: fileName, number: rowNumber, line: tokenizer.recordLine, fields: fields,
                          header: header)
        }
        return nil
    }

    /// Advances until the tokenizer holds a complete record; `false` at the end of the file.
    private func readRecord() throws(FormatError) -> Bool {
        while true {
            if position >= currentCount {
                if try refill() { continue }
                if tokenizer.isInsideQuotes {
                    throw FormatError(file: fileName,
                                      location: SourceLocation(row: rowNumber + 1, line: tokenizer.quoteLine,
                                                               column: tokenizer.fieldEnds.count + 1,
                                                               columnName: columnName(tokenizer.fieldEnds.count)),
                                      reason: .unterminatedQuote)
                }
                guard tokenizer.hasPendingRecord else { return false }
                tokenizer.finish()
                return true
            }
            let done: Bool
            do {
                done = try withCurrentChunk { chunk throws(CSVTokenizer.RecordTooLarge) in
                    try tokenizer.consume(chunk, position: &position)
                }
            } catch {
                throw FormatError(file: fileName,
                                  location: SourceLocation(row: rowNumber + 1, line: tokenizer.recordLine),
                                  reason: .recordTooLarge(limit: options.maxRecordBytes))
            }
            if done { return true }
        }
    }

    private func decodeFields() throws(FormatError) -> [String] {
        var fields: [String] = []
        fields.reserveCapacity(tokenizer.fieldEnds.count)
        var badColumn: Int?
        tokenizer.bytes.withUnsafeBufferPointer { all in
            var start = 0
            for (column, end) in tokenizer.fieldEnds.enumerated() {
                guard let field = NormalizedText.string(fromUTF8: UnsafeBufferPointer(rebasing: all[start..<end])) else {
                    badColumn = column
                    return
                }
                fields.append(field)
                start = end
            }
        }
        if let column = badColumn {
            let encoding = transcoder.encoding ?? .utf8
            let detail = encoding == .utf8 && options.encoding == nil
                ? "the file read as UTF-8 so far, but this field is not; name its encoding explicitly (e.g. windows-1258)"
                : "this field holds bytes that are not characters in \(encoding)"
            throw FormatError(file: fileName,
                              location: SourceLocation(row: rowNumber, line: tokenizer.recordLine, column: column + 1,
                                                       columnName: columnName(column)),
                              reason: .invalidEncoding(encoding: encoding.rawValue, detail: detail))
        }
        return fields
    }

    private func checkWidth(_ fields: inout [String]) throws(FormatError) {
        guard let header, !options.allowsRaggedRows else { return }
        let expected = header.names.count
        if fields.count > expected, fields[expected...].allSatisfy(\.isEmpty) {
            fields.removeLast(fields.count - expected)
        }
        if fields.count != expected {
            throw FormatError(file: fileName, location: SourceLocation(row: rowNumber, line: tokenizer.recordLine),
                              reason: .fieldCount(found: fields.count, expected: expected))
        }
    }

    private func columnName(_ index: Int) -> String? {
        guard let names = header?.names, index < names.count else { return nil }
        return names[index]
    }

    // MARK: Chunks

    private var currentCount: Int { usesDecoded ? decoded.count : rawChunk.count }

    private func withCurrentChunk<R, E: Error>(_ body: (UnsafeBufferPointer<UInt8>) throws(E) -> R) throws(E) -> R {
        if usesDecoded {
            return try decoded.withUnsafeBufferPointer { (p) throws(E) -> R in try body(p) }
        }
        return try body(rawChunk)
    }

    /// Makes `chunk` current, transcoding it unless it can be parsed as it is.
    private func load(_ chunk: UnsafeBufferPointer<UInt8>, isFinal: Bool) {
        transcoder.detect(in: chunk, isFinal: isFinal)
        position = 0
        if transcoder.encoding == nil || transcoder.isPassThrough {
            rawChunk = chunk
            usesDecoded = false
        } else {
            decoded.removeAll(keepingCapacity: true)
            transcoder.transcode(chunk, isFinal: false, into: &decoded)
            usesDecoded = true
        }
    }

    /// Reads the next chunk; `false` once the file and the transcoder are exhausted.
    private func refill() throws(FormatError) -> Bool {
        guard !atEnd else { return false }
        let chunk = try source.nextChunk()
        if chunk.isEmpty {
            atEnd = true
            decoded.removeAll(keepingCapacity: true)
            transcoder.transcode(chunk, isFinal: true, into: &decoded)
            usesDecoded = true
            position = 0
            return !decoded.isEmpty
        }
        load(chunk, isFinal: chunk.count < options.chunkSize)
        return true
    }
}
