/// The byte-level CSV state machine (RFC 4180 plus what real exports do): it splits UTF-8 text
/// into records and fields across chunk boundaries, keeping one record's bytes at a time.
///
/// Scanning runs over raw buffers in tight loops that copy whole runs of plain bytes at once;
/// only delimiters, quotes and line breaks cost a branch each.
struct CSVTokenizer {
    private enum State { case fieldStart, unquoted, quoted, quoteInQuoted, afterCR }

    private static let quote = UInt8(ascii: "\"")
    private static let lf = UInt8(ascii: "\n")
    private static let cr = UInt8(ascii: "\r")

    let delimiter: UInt8
    let maxRecordBytes: Int

    /// The current record's field contents, concatenated.
    private(set) var bytes: [UInt8] = []
    /// The end offset in `bytes` of each completed field of the current record.
    private(set) var fieldEnds: [Int] = []
    /// Whether the current record contained a quote (so a lone empty field is a real value).
    private(set) var sawQuote = false
    /// The physical line where the current record started, 1-based.
    private(set) var recordLine = 1
    /// The physical line where the open quote started.
    private(set) var quoteLine = 0

    private var state = State.fieldStart
    private var line = 1
    private var recordLength = 0

    /// Thrown when a record outgrows `maxRecordBytes`.
    struct RecordTooLarge: Error {}

    init(delimiter: UInt8, maxRecordBytes: Int) {
        self.delimiter = delimiter
        self.maxRecordBytes = maxRecordBytes
        bytes.reserveCapacity(4096)
        fieldEnds.reserveCapacity(64)
    }

    /// Whether the text ended inside a quoted field.
    var isInsideQuotes: Bool { state == .quoted }

    /// Whether any byte of a record has been seen since the last `startRecord()`.
    var hasPendingRecord: Bool { state != .fieldStart && state != .afterCR || !fieldEnds.isEmpty }

    /// Forgets the completed record; the next one starts here.
    mutating func startRecord() {
        bytes.removeAll(keepingCapacity: true)
        fieldEnds.removeAll(keepingCapacity: true)
        sawQuote = false
        recordLength = 0
        recordLine = line
    }

    /// Consumes bytes from `position` until a record is complete (returns `true`) or the chunk
    /// is exhausted (returns `false`).
    mutating func consume(_ p: UnsafeBufferPointer<UInt8>, position: inout Int) throws(RecordTooLarge) -> Bool {
        let start = position
        let completed = scan(p, position: &position)
        recordLength += position - start
        if recordLength > maxRecordBytes { throw RecordTooLarge() }
        return completed
    }

    /// Ends the last field at the end of the text.
    mutating func finish() {
        if state == .afterCR { state = .fieldStart; return }
        fieldEnds.append(bytes.count)
        state = .fieldStart
    }

    private mutating func endField() { fieldEnds.append(bytes.count) }

    private mutating func scan(_ p: UnsafeBufferPointer<UInt8>, position: inout Int) -> Bool {
        var i = position
        defer { position = i }
        let n = p.count
        let d = delimiter
        while i < n {
            switch state {
            case .afterCR:
                if p[i] == Self.lf { i += 1 }
                state = .fieldStart
                recordLine = line
            case .fieldStart:
                if p[i] == Self.quote {
                    state = .quoted
                    sawQuote = true
                    quoteLine = line
                    i += 1
                } else {
                    state = .unquoted
                }
            case .unquoted:
                var j = i
                while j < n {
                    let b = p[j]
                    if b == d || b == Self.lf || b == Self.cr { break }
                    j += 1
                }
                if j > i { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: p[i..<j])) }
                i = j
                if j == n { return false }
                let b = p[j]
                i += 1
                endField()
                if b == d {
                    state = .fieldStart
                } else {
                    line += 1
                    state = b == Self.cr ? .afterCR : .fieldStart
                    return true
                }
            case .quoted:
                var j = i
                while j < n {
                    let b = p[j]
                    if b == Self.quote { break }
                    if b == Self.lf { line += 1 }
                    j += 1
                }
                if j > i { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: p[i..<j])) }
                i = j
                if j == n { return false }
                i += 1
                state = .quoteInQuoted
            case .quoteInQuoted:
                let b = p[i]
                if b == Self.quote {
                    bytes.append(Self.quote)
                    state = .quoted
                    i += 1
                } else if b == d {
                    endField()
                    state = .fieldStart
                    i += 1
                } else if b == Self.lf || b == Self.cr {
                    endField()
                    i += 1
                    line += 1
                    state = b == Self.cr ? .afterCR : .fieldStart
                    return true
                } else {
                    // Text after a closing quote (`"abc"def`) is kept, as spreadsheet programs do.
                    state = .unquoted
                }
            }
        }
        return false
    }
}
