/// A Lua string: a sequence of bytes, often but not always UTF-8 text.
///
/// Lua strings may hold any bytes (a binary file read by `fs.read_file`, say). `LuaString` keeps
/// them exactly; ``utf8`` gives the text when it is valid UTF-8.
public struct LuaString: Hashable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The bytes, exactly as Lua holds them.
    public var bytes: [UInt8]

    public init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    public init(_ text: String) {
        self.bytes = Array(text.utf8)
    }

    public init(stringLiteral value: String) {
        self.init(value)
    }

    /// The text, or nil when the bytes are not valid UTF-8.
    public var utf8: String? {
        String(validating: bytes, as: UTF8.self)
    }

    /// The text, with invalid UTF-8 sequences replaced by U+FFFD.
    public var description: String {
        String(decoding: bytes, as: UTF8.self)
    }
}
