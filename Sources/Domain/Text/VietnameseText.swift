import Foundation

/// Vietnamese-aware text helpers shared by the store (search columns), imports and scripts.
public enum VietnameseText {
    /// Unicode NFC, the one form hostrun stores and compares. Exports from Windows tools often
    /// arrive decomposed (NFD) or with combining tone marks; without this, "Hòa" ≠ "Hòa".
    public static func nfc(_ s: String) -> String { s.precomposedStringWithCanonicalMapping }

    /// A key for matching that ignores diacritics and letter case: "Nguyễn Văn Đức" → "nguyen van duc".
    ///
    /// `đ`/`Đ` are letters of their own in Unicode (no decomposition), so they are mapped by hand;
    /// every other mark is dropped by decomposing and removing combining characters.
    public static func fold(_ s: String) -> String {
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
