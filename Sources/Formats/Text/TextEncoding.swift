/// The text encodings hostrun reads in exports from Vietnamese government systems.
public enum TextEncoding: String, Sendable, CaseIterable, CustomStringConvertible {
    case utf8 = "UTF-8"
    case utf16LittleEndian = "UTF-16LE"
    case utf16BigEndian = "UTF-16BE"
    /// The Vietnamese Windows code page: single bytes plus combining tone marks.
    case windows1258 = "Windows-1258"

    public var description: String { rawValue }

    /// Parses a user-facing name such as `utf-8`, `utf16le`, `cp1258` or `windows-1258`.
    public init?(name: String) {
        let key = name.lowercased().filter { $0.isLetter || $0.isNumber }
        switch key {
        case "utf8": self = .utf8
        case "utf16", "utf16le": self = .utf16LittleEndian
        case "utf16be": self = .utf16BigEndian
        case "windows1258", "cp1258", "win1258": self = .windows1258
        default: return nil
        }
    }

    /// Recognises a byte-order mark at the start of a file: the encoding and the mark's length.
    static func byteOrderMark(in bytes: some Collection<UInt8>) -> (TextEncoding, Int)? {
        let head = Array(bytes.prefix(3))
        if head.count >= 3, head[0] == 0xEF, head[1] == 0xBB, head[2] == 0xBF { return (.utf8, 3) }
        if head.count >= 2, head[0] == 0xFF, head[1] == 0xFE { return (.utf16LittleEndian, 2) }
        if head.count >= 2, head[0] == 0xFE, head[1] == 0xFF { return (.utf16BigEndian, 2) }
        return nil
    }
}
