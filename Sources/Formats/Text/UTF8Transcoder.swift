/// Turns the bytes of a file, chunk by chunk, into UTF-8 for the CSV tokenizer.
///
/// Bytes that are not text in the source encoding (an undefined Windows-1258 byte, an unpaired
/// UTF-16 surrogate, an odd trailing byte) become 0xFF, a byte that never occurs in UTF-8: the
/// tokenizer passes it through and the field it lands in fails UTF-8 validation, so the error
/// names the row and column instead of a byte offset no one can find.
struct UTF8Transcoder {
    /// Marks undecodable input; never valid in UTF-8.
    static let invalidByte: UInt8 = 0xFF

    private(set) var encoding: TextEncoding?
    private var pendingByte: UInt8?
    private var pendingHighSurrogate: UInt16?

    /// `nil` means detect: valid UTF-8 at the first non-ASCII byte → UTF-8, otherwise Windows-1258.
    init(encoding: TextEncoding?) {
        self.encoding = encoding
    }

    /// Whether chunks can be parsed as they are, with no copy.
    var isPassThrough: Bool { encoding == .utf8 }

    /// Settles the encoding from a chunk when it is still unknown. ASCII alone settles nothing,
    /// because ASCII reads the same in UTF-8 and Windows-1258.
    mutating func detect(in chunk: UnsafeBufferPointer<UInt8>, isFinal: Bool) {
        guard encoding == nil else { return }
        guard let first = chunk.firstIndex(where: { $0 >= 0x80 }) else { return }
        let rest = UnsafeBufferPointer(rebasing: chunk[first...])
        encoding = Self.isPlausibleUTF8(rest, allowTruncatedTail: !isFinal) ? .utf8 : .windows1258
    }

    /// Whether the bytes are valid UTF-8, tolerating a sequence cut by the end of the chunk.
    static func isPlausibleUTF8(_ bytes: UnsafeBufferPointer<UInt8>, allowTruncatedTail: Bool) -> Bool {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let length: Int
            switch b {
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return false
            }
            if i + length > n { return allowTruncatedTail && bytes[(i + 1)...].allSatisfy { $0 & 0xC0 == 0x80 } }
            for k in 1..<length where bytes[i + k] & 0xC0 != 0x80 { return false }
            i += length
        }
        return true
    }

    /// Appends the UTF-8 form of `chunk` to `output`. Call with `isFinal` once at the end.
    mutating func transcode(_ chunk: UnsafeBufferPointer<UInt8>, isFinal: Bool, into output: inout [UInt8]) {
        switch encoding ?? .utf8 {
        case .utf8:
            output.append(contentsOf: chunk)
        case .windows1258:
            Self.decodeWindows1258(chunk, into: &output)
        case .utf16LittleEndian:
            decodeUTF16(chunk, bigEndian: false, isFinal: isFinal, into: &output)
        case .utf16BigEndian:
            decodeUTF16(chunk, bigEndian: true, isFinal: isFinal, into: &output)
        }
    }

    private static func decodeWindows1258(_ chunk: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        output.reserveCapacity(output.count + chunk.count * 2)
        Windows1258.utf8Packed.withUnsafeBufferPointer { table in
            for b in chunk {
                if b < 0x80 { output.append(b); continue }
                let packed = table[Int(b) - 0x80]
                if packed == 0 { output.append(invalidByte); continue }
                let length = Int(packed >> 24)
                for k in 0..<length { output.append(UInt8(truncatingIfNeeded: packed >> (8 * UInt32(k)))) }
            }
        }
    }

    private mutating func decodeUTF16(_ chunk: UnsafeBufferPointer<UInt8>, bigEndian: Bool, isFinal: Bool,
                                      into output: inout [UInt8]) {
        output.reserveCapacity(output.count + chunk.count * 2)
        var i = 0
        var first = pendingByte
        pendingByte = nil
        while true {
            let lo: UInt8, hi: UInt8
            if let f = first {
                guard i < chunk.count else { pendingByte = f; break }
                (lo, hi) = (f, chunk[i]); i += 1; first = nil
            } else {
                guard i + 1 < chunk.count else {
                    if i < chunk.count { pendingByte = chunk[i] }
                    break
                }
                (lo, hi) = (chunk[i], chunk[i + 1]); i += 2
            }
            let unit = bigEndian ? UInt16(lo) << 8 | UInt16(hi) : UInt16(hi) << 8 | UInt16(lo)
            appendUTF16Unit(unit, into: &output)
        }
        if isFinal {
            if pendingByte != nil { output.append(Self.invalidByte); pendingByte = nil }
            if pendingHighSurrogate != nil { output.append(Self.invalidByte); pendingHighSurrogate = nil }
        }
    }

    private mutating func appendUTF16Unit(_ unit: UInt16, into output: inout [UInt8]) {
        if let high = pendingHighSurrogate {
            pendingHighSurrogate = nil
            if (0xDC00...0xDFFF).contains(unit) {
                let scalar = 0x10000 + ((UInt32(high) - 0xD800) << 10) + (UInt32(unit) - 0xDC00)
                Self.appendScalar(scalar, into: &output)
                return
            }
            output.append(Self.invalidByte)
        }
        switch unit {
        case 0xD800...0xDBFF: pendingHighSurrogate = unit
        case 0xDC00...0xDFFF: output.append(Self.invalidByte)
        default: Self.appendScalar(UInt32(unit), into: &output)
        }
    }

    private static func appendScalar(_ v: UInt32, into output: inout [UInt8]) {
        switch v {
        case ..<0x80:
            output.append(UInt8(v))
        case ..<0x800:
            output.append(UInt8(0xC0 | v >> 6)); output.append(UInt8(0x80 | v & 0x3F))
        case ..<0x10000:
            output.append(UInt8(0xE0 | v >> 12)); output.append(UInt8(0x80 | v >> 6 & 0x3F))
            output.append(UInt8(0x80 | v & 0x3F))
        default:
            output.append(UInt8(0xF0 | v >> 18)); output.append(UInt8(0x80 | v >> 12 & 0x3F))
            output.append(UInt8(0x80 | v >> 6 & 0x3F)); output.append(UInt8(0x80 | v & 0x3F))
        }
    }
}
