/// A1-style cell references: column letters and a 1-based row.
enum CellReference {
    /// "AB12" → (column: 27, row: 12), with 0-based columns; `nil` if malformed.
    static func parse(_ ref: String) -> (column: Int, row: Int)? {
        var column = 0
        var row = 0
        var sawLetter = false
        var sawDigit = false
        for byte in ref.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z") where !sawDigit:
                column = column * 26 + Int(byte - UInt8(ascii: "A")) + 1
                sawLetter = true
            case UInt8(ascii: "a")...UInt8(ascii: "z") where !sawDigit:
                column = column * 26 + Int(byte - UInt8(ascii: "a")) + 1
                sawLetter = true
            case UInt8(ascii: "$"):
                continue
            case UInt8(ascii: "0")...UInt8(ascii: "9") where sawLetter:
                row = row * 10 + Int(byte - UInt8(ascii: "0"))
                sawDigit = true
            default:
                return nil
            }
            if column > 16_384 || row > 1_048_576 { return nil }
        }
        return sawLetter && sawDigit ? (column - 1, row) : nil
    }

    /// Letters of the first 702 columns (A…ZZ), computed once: writers name every cell.
    private static let common: [String] = (0..<702).map(computeLetters)

    /// Column letters of a 0-based column: 0 → "A", 27 → "AB".
    static func letters(_ column: Int) -> String {
        column >= 0 && column < common.count ? common[column] : computeLetters(column)
    }

    private static func computeLetters(_ column: Int) -> String {
        var n = column + 1
        var scalars: [Character] = []
        while n > 0 {
            let r = (n - 1) % 26
            scalars.append(Character(Unicode.Scalar(UInt8(65 + r))))
            n = (n - 1) / 26
        }
        return String(scalars.reversed())
    }

    /// "B7" for 0-based column 1, row 7.
    static func name(column: Int, row: Int) -> String { letters(column) + String(row) }
}
