/// How a `CSVReader` reads a file. The defaults suit exports from Vietnamese government systems.
public struct CSVReadOptions: Sendable {
    /// The file's encoding; `nil` detects it: valid UTF-8 in the first chunk holding non-ASCII
    /// bytes means UTF-8, anything else Windows-1258. A byte-order mark (UTF-8, UTF-16LE,
    /// UTF-16BE) is proof and wins over both the guess and this option.
    public var encoding: TextEncoding?
    /// The field separator; `nil` detects comma, semicolon or tab from the header line.
    public var delimiter: CSVDelimiter?
    /// Whether the first record is a header naming the columns.
    public var hasHeader: Bool
    /// The longest record accepted, in bytes of the file's text (a whole line, or several
    /// lines for quoted multi-line fields). Longer records end in `recordTooLarge` before they
    /// can exhaust memory.
    public var maxRecordBytes: Int
    /// Whether rows may have a different number of fields than the header. When `false`, a
    /// short row or one with extra non-empty fields is an error; extra empty fields (a trailing
    /// delimiter) are always dropped.
    public var allowsRaggedRows: Bool
    /// The size of each read from the file, in bytes.
    public var chunkSize: Int

    public init(encoding: TextEncoding? = nil, delimiter: CSVDelimiter? = nil, hasHeader: Bool = true,
                maxRecordBytes: Int = 4 << 20, allowsRaggedRows: Bool = false, chunkSize: Int = 1 << 20) {
        self.encoding = encoding
        self.delimiter = delimiter
        self.hasHeader = hasHeader
        self.maxRecordBytes = maxRecordBytes
        self.allowsRaggedRows = allowsRaggedRows
        self.chunkSize = chunkSize
    }
}
