import Foundation

/// Builds NFC strings from UTF-8 bytes, skipping the costly normalisation when it cannot change
/// anything.
///
/// Every scalar below U+0300 and every scalar of Latin Extended Additional (U+1E00–U+1EFF, where
/// Vietnamese's precomposed letters live) is already NFC and never composes with its neighbour;
/// only text containing anything else (combining tone marks above all) goes through Foundation.
public enum NormalizedText {
    /// The NFC string of `bytes`, or `nil` if they are not valid UTF-8.
    public static func string(fromUTF8 bytes: UnsafeBufferPointer<UInt8>) -> String? {
        // Most fields of an export are ASCII (codes, dates, numbers): valid and NFC as they are,
        // and `String(decoding:)` is far cheaper than the generic validating initialiser.
        if !bytes.contains(where: { $0 >= 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
        // `String(decoding:)` replaces what is not UTF-8; the bytes come back unchanged exactly
        // when they were valid. Cheaper than `String(validating:as:)`, which is generic at run
        // time and costs more than the rest of reading a field.
        var s = String(decoding: bytes, as: UTF8.self)
        let valid = s.withUTF8 { $0.count == bytes.count && memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0 }
        guard valid else { return nil }
        return mayNeedNormalization(bytes) ? s.precomposedStringWithCanonicalMapping : s
    }

    /// NFC of any string, with the same fast path.
    public static func nfc(_ s: String) -> String {
        var copy = s
        let needs = copy.withUTF8 { mayNeedNormalization($0) }
        return needs ? s.precomposedStringWithCanonicalMapping : s
    }

    static func mayNeedNormalization(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0xCC { i += 1; continue }  // ASCII, continuation bytes, scalars below U+0300
            // U+1E00–U+1EFF is E1 B8..BB xx.
            if b == 0xE1, i + 1 < n, (0xB8...0xBB).contains(bytes[i + 1]) { i += 3; continue }
            return true
        }
        return false
    }
}
