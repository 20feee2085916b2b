import Foundation

/// How column names are matched: NFC, case-insensitive, runs of whitespace (line breaks in
/// wrapped header cells included) as one space, and spacing around the " / " that joins a
/// two-row header ignored. So "Mã hồ sơ", " MÃ HỒ\nSƠ " and a decomposed "Mã hồ sơ" are one
/// column, and "Ngày/Tiếp nhận" is "Ngày / Tiếp nhận".
enum ColumnKey {
    static func key(_ name: String) -> String {
        NormalizedText.nfc(name)
            .split(whereSeparator: { $0.isWhitespace })
            .joined(separator: " ")
            .replacingOccurrences(of: " / ", with: "/")
            .lowercased()
    }

    /// A header cell's text as a name: trimmed, inner whitespace collapsed to single spaces.
    static func displayName(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
