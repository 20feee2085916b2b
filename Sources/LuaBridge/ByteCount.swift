/// Sizes in bytes as people write them: `64MiB`, `512k`, `2G`, `1048576`.
public enum ByteCount {
    /// Parses a size: a number with an optional unit `B`, `K`/`KB`/`KiB`, `M`/`MB`/`MiB`,
    /// `G`/`GB`/`GiB` (all powers of 1024, case-insensitive). Returns nil when malformed.
    public static func parse(_ text: String) -> Int? {
        let trimmed = text.trimmingSpaces
        let digits = trimmed.prefix(while: { $0.isASCII && ($0.isNumber || $0 == ".") })
        guard !digits.isEmpty, let number = Double(digits), number >= 0 else { return nil }
        let unit = trimmed.dropFirst(digits.count).lowercased()
        let scale: Double
        switch unit {
        case "", "b": scale = 1
        case "k", "kb", "kib": scale = 1024
        case "m", "mb", "mib": scale = 1024 * 1024
        case "g", "gb", "gib": scale = 1024 * 1024 * 1024
        default: return nil
        }
        let bytes = number * scale
        guard bytes < Double(Int.max) else { return nil }
        return Int(bytes)
    }

    /// Formats a size with the largest binary unit that divides it: `64 MiB`, `1536 KiB`.
    public static func format(_ bytes: Int) -> String {
        for (unit, scale) in [("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)] where bytes >= scale && bytes % scale == 0 {
            return "\(bytes / scale) \(unit)"
        }
        return "\(bytes) bytes"
    }
}

extension String {
    var trimmingSpaces: Substring {
        let start = drop(while: { $0 == " " })
        return start.dropLast(start.reversed().prefix(while: { $0 == " " }).count)
    }
}
