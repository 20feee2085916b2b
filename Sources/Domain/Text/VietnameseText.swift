import Foundation

/// Vietnamese-aware text helpers shared by the store (search columns), imports and scripts.
public enum VietnameseText {
    /// Unicode NFC, the one form hostrun stores and compares. Exports from Windows tools often
    /// arrive decomposed (NFD) or with combining tone marks; without this, "Hòa" ≠ "Hòa".
    public static func nfc(_ s: String) -> String { s.precomposedStringWithCanonicalMapping }

    /// A key for matching that ignores diacritics and letter case: "Nguyễn Văn Đức" → "nguyen van duc".
    ///
    /// `đ`/`Đ` are letters of their own in Unicode (no decomposition), so they are mapped by hand;
    /// every other mark is dropped by decomposing and removing combining characters. Latin
    /// letters, Vietnamese's among them, are folded through tables computed once, walking the
    /// UTF-8 bytes, so that the store can fold a million applicants' names without decomposing
    /// or hashing each letter.
    public static func fold(_ s: String) -> String {
        var text = s
        return text.withUTF8 { bytes -> String in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                if b < 0x80 {
                    out.append(b >= 0x41 && b <= 0x5A ? b + 32 : b)
                    i += 1
                    continue
                }
                // Two- and three-byte sequences hold every letter the tables know.
                let v: UInt32, length: Int
                if b & 0xE0 == 0xC0, i + 1 < bytes.count {
                    v = UInt32(b & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
                    length = 2
                } else if b & 0xF0 == 0xE0, i + 2 < bytes.count {
                    v = UInt32(b & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                    length = 3
                } else {
                    return slowFold(s)
                }
                i += length
                if (0x0300...0x036F).contains(v) { continue }
                if let ascii = asciiFold(v) {
                    out.append(ascii)
                } else if let scalar = Unicode.Scalar(v), let folded = latinFolds[scalar] {
                    out.append(contentsOf: folded.utf8)
                } else {
                    return slowFold(s)
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// The fold of a letter of ``latinFolds`` when it is one ASCII letter (every Vietnamese
    /// letter's is), by table; nil otherwise.
    private static func asciiFold(_ v: UInt32) -> UInt8? {
        let index: Int
        switch v {
        case 0x00C0...0x024F: index = Int(v - 0x00C0)
        case 0x1E00...0x1EFF: index = Int(v - 0x1E00) + (0x024F - 0x00C0 + 1)
        default: return nil
        }
        let folded = asciiFolds[index]
        return folded == 0 ? nil : folded
    }

    /// ``latinFolds`` as single ASCII bytes, over its two ranges one after the other; 0 where a
    /// fold is not one ASCII byte.
    private static let asciiFolds: [UInt8] = (Array(0x00C0...0x024F) + Array(0x1E00...0x1EFF)).map { value in
        guard let scalar = Unicode.Scalar(value), let folded = latinFolds[scalar],
              folded.utf8.count == 1, let byte = folded.utf8.first, byte < 0x80 else { return 0 }
        return byte
    }

    /// The folds of the Latin letters outside ASCII (Latin-1 to Latin Extended-B, and Latin
    /// Extended Additional where Vietnamese's precomposed letters live), each as ``slowFold(_:)``
    /// gives it.
    private static let latinFolds: [Unicode.Scalar: String] = {
        var table: [Unicode.Scalar: String] = [:]
        for range in [0x00C0...0x024F, 0x1E00...0x1EFF] {
            for value in range {
                guard let scalar = Unicode.Scalar(value) else { continue }
                table[scalar] = slowFold(String(scalar))
            }
        }
        return table
    }()

    private static func slowFold(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in s.decomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar.value {
            case 0x0300...0x036F: continue  // combining marks: tones and vowel hats
            case 0x0110, 0x0111: out.append("d")
            default:
                if scalar.isASCII {
                    let v = scalar.value
                    out.append((0x41...0x5A).contains(v) ? Unicode.Scalar(v + 32)! : scalar)
                } else {
                    out.append(contentsOf: String(scalar).lowercased().unicodeScalars)
                }
            }
        }
        return String(out)
    }
}
