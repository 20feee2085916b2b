import Foundation

/// Header encoding for mail (RFC 2047 encoded words), so that a Vietnamese subject survives
/// mail servers that only promise 7-bit headers.
enum MIMEHeader {
    /// `text` as is when it is printable ASCII, otherwise as `=?UTF-8?B?…?=` words of at most
    /// 75 characters, split between characters (never inside one) and folded with CRLF SP.
    /// Line breaks become spaces first: a header value must stay one logical line.
    static func encode(_ value: String) -> String {
        let text = value.replacing(/\R/, with: " ")
        if text.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7F }) { return text }
        // 75 - "=?UTF-8?B?".count - "?=".count = 63 base64 characters: 45 bytes.
        let maxBytes = 45
        var words: [String] = []
        var chunk = Data()
        for character in text {
            let bytes = Data(String(character).utf8)
            if chunk.count + bytes.count > maxBytes, !chunk.isEmpty {
                words.append(word(chunk))
                chunk = Data()
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append(word(chunk)) }
        return words.joined(separator: "\r\n ")
    }

    private static func word(_ bytes: Data) -> String {
        "=?UTF-8?B?" + bytes.base64EncodedString() + "?="
    }

    /// Whether a value can go into a header line without changing the message's structure.
    static func isSafe(_ value: String) -> Bool {
        !value.contains(where: { $0 == "\r" || $0 == "\n" })
    }
}
