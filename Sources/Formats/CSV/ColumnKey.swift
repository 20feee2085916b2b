/// How column names are matched: NFC, case-insensitive, surrounding and repeated whitespace
/// ignored, so "Mã hồ sơ", " MÃ HỒ  SƠ " and a decomposed "Mã hồ sơ" are the same column.
enum ColumnKey {
    static func key(_ name: String) -> String {
        NormalizedText.nfc(name)
            .split(whereSeparator: { $0.isWhitespace })
            .joined(separator: " ")
            .lowercased()
    }
}
