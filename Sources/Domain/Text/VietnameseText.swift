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
    /// letters, Vietnamese's among them, are folded through a table computed once, so that the
    /// store can fold a million applicants' names without decomposing each.
    public static func fold(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in s.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                out.append((0x41...0x5A).contains(v) ? Unicode.Scalar(v + 32)! : scalar)
            } else if (0x0300...0x036F).contains(v) {
                continue
            } else if let folded = latinFolds[scalar] {
                out.append(contentsOf: folded.unicodeScalars)
            } else {
                return slowFold(s)
            }
        }
        return String(out)
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
