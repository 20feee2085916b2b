/// Why a file could not be read or written. Each case reads as a sentence after the location.
public enum FormatErrorReason: Sendable, Equatable, CustomStringConvertible {
    /// The file could not be opened, read or written (the system's message).
    case io(String)
    /// A quoted CSV field opened at the location and never closed before the end of the file.
    case unterminatedQuote
    /// A record (or line) is longer than the configured limit.
    case recordTooLarge(limit: Int)
    /// The bytes are not valid in the encoding being used.
    case invalidEncoding(encoding: String, detail: String)
    /// Expected columns are absent from the header.
    case missingColumns(missing: [String], found: [String])
    /// A row has a different number of fields than the header.
    case fieldCount(found: Int, expected: Int)
    /// The same column name appears twice in the header.
    case duplicateColumn(String)
    /// The file is empty where a header was required.
    case missingHeader
    /// The header row could not be located among the first rows.
    case headerNotFound(missing: [String], scannedRows: Int)
    /// The file is not a ZIP archive, or is truncated or corrupt.
    case corruptArchive(String)
    /// A required entry of the package is absent.
    case missingEntry(String)
    /// An entry would inflate beyond the configured limit (a zip bomb, or simply too big).
    case entryTooLarge(entry: String, bytes: UInt64, limit: UInt64)
    /// An entry inflates beyond the size its header declares.
    case entrySizeMismatch(entry: String, declared: UInt64)
    /// An entry's compression ratio is beyond any real spreadsheet's.
    case compressionRatioTooHigh(entry: String, ratio: UInt64, limit: UInt64)
    /// XML inside the package is malformed.
    case malformedXML(entry: String, detail: String)
    /// The requested sheet does not exist.
    case sheetNotFound(requested: String, available: [String])
    /// A value cannot be interpreted as the reader was asked to.
    case invalidValue(String)
    /// A JSON document is malformed.
    case invalidJSON(String)
    /// The file is larger than the configured limit for a reader that must hold it whole.
    case fileTooLarge(bytes: UInt64, limit: UInt64)

    public var description: String {
        switch self {
        case .io(let message):
            return message
        case .unterminatedQuote:
            return "the quote opened here is never closed (the file may be truncated)"
        case .recordTooLarge(let limit):
            return "the record is longer than the limit of \(limit) bytes (a missing line break or a runaway quote?)"
        case .invalidEncoding(let encoding, let detail):
            return "not valid \(encoding): \(detail)"
        case .missingColumns(let missing, let found):
            return "missing column(s) \(Self.list(missing)); the header has \(Self.list(found))"
        case .fieldCount(let found, let expected):
            return "the row has \(found) fields but the header has \(expected)"
        case .duplicateColumn(let name):
            return "the column \"\(name)\" appears twice in the header"
        case .missingHeader:
            return "the file is empty, but a header row was expected"
        case .headerNotFound(let missing, let scanned):
            return "no header row with the expected columns in the first \(scanned) rows; never found \(Self.list(missing))"
        case .corruptArchive(let detail):
            return "not a readable ZIP package (truncated or corrupt): \(detail)"
        case .missingEntry(let entry):
            return "the package has no \(entry)"
        case .entryTooLarge(let entry, let bytes, let limit):
            return "\(entry) inflates to \(bytes) bytes, over the limit of \(limit) bytes (refused as a possible zip bomb)"
        case .entrySizeMismatch(let entry, let declared):
            return "\(entry) inflates beyond the \(declared) bytes its header declares (corrupt or hostile archive)"
        case .compressionRatioTooHigh(let entry, let ratio, let limit):
            return "\(entry) is compressed \(ratio):1, over the limit of \(limit):1 (refused as a possible zip bomb)"
        case .malformedXML(let entry, let detail):
            return "malformed XML in \(entry): \(detail)"
        case .sheetNotFound(let requested, let available):
            return "no sheet \(requested); the workbook has \(Self.list(available))"
        case .invalidValue(let detail):
            return detail
        case .invalidJSON(let detail):
            return "invalid JSON: \(detail)"
        case .fileTooLarge(let bytes, let limit):
            return "the file has \(bytes) bytes, over the limit of \(limit) bytes"
        }
    }

    private static func list(_ names: [String]) -> String {
        names.isEmpty ? "(none)" : names.map { "\"\($0)\"" }.joined(separator: ", ")
    }
}
