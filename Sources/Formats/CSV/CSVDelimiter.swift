/// The field separator of a CSV file.
public enum CSVDelimiter: String, Sendable, CaseIterable {
    case comma = ","
    case semicolon = ";"
    case tab = "\t"

    var byte: UInt8 { rawValue.utf8.first! }

    /// The delimiter used most often outside quotes in the first line (the header); comma when
    /// none appears. Vietnamese Excel writes semicolons because the comma is its decimal mark.
    static func detect(inFirstLineOf bytes: UnsafeBufferPointer<UInt8>) -> CSVDelimiter {
        var counts: [CSVDelimiter: Int] = [:]
        var inQuotes = false
        for b in bytes {
            if b == UInt8(ascii: "\"") { inQuotes.toggle(); continue }
            if inQuotes { continue }
            if b == UInt8(ascii: "\n") || b == UInt8(ascii: "\r") { break }
            if let d = allCases.first(where: { $0.byte == b }) { counts[d, default: 0] += 1 }
        }
        return allCases.max { (counts[$0] ?? 0) < (counts[$1] ?? 0) }.flatMap { (counts[$0] ?? 0) > 0 ? $0 : nil }
            ?? .comma
    }
}
