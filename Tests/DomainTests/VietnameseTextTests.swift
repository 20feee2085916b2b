import Domain
import Foundation
import Testing

/// Folding for search: diacritics and letter case ignored, whatever the letter's form.
@Suite struct VietnameseTextTests {
    @Test(arguments: [
        ("Nguyễn Văn Đức", "nguyen van duc"),
        ("ĐẶNG THỊ ỨNG Ưu Ơn", "dang thi ung uu on"),
        // Decomposed (NFD) text folds as its composed form does.
        ("Nguye\u{302}\u{303}n", "nguyen"),
        ("Straße Æsir ŀ", "straße æsir ŀ"),
        ("Phường 日本 1", "phuong 日本 1"),
        ("", ""),
    ])
    func foldsLettersToTheirBaseInLowerCase(_ example: (text: String, folded: String)) {
        #expect(VietnameseText.fold(example.text) == example.folded)
    }

    /// Every letter of Latin-1 to Latin Extended-B and Latin Extended Additional folds as its
    /// decomposition without marks, lower-cased, does (đ by hand).
    @Test func everyLatinLetterFoldsAsItsDecomposition() {
        for value in Array(0x00C0...0x024F) + Array(0x1E00...0x1EFF) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            var expected = ""
            for part in String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars {
                switch part.value {
                case 0x0300...0x036F: continue
                case 0x0110, 0x0111: expected += "d"
                default: expected += String(part).lowercased()
                }
            }
            #expect(VietnameseText.fold(String(scalar)) == expected, "U+\(String(value, radix: 16))")
        }
    }
}
