import CLua
import CLuaShim
import Domain
import LuaBridge

/// Parses JSON text straight onto the Lua stack: objects become tables with string keys, arrays
/// sequences, numbers integers when written without fraction or exponent (and in range), `null`
/// the `json.null` sentinel. Strings are made NFC. Errors name the line and column.
struct JSONDecoding {
    /// How deep arrays and objects may nest.
    static let maximumDepth = 200

    struct Failure: Error, CustomStringConvertible {
        var line: Int
        var column: Int
        var reason: String
        var description: String { "line \(line), column \(column): \(reason)" }
    }

    private let bytes: UnsafeRawBufferPointer
    private let state: OpaquePointer
    private var index = 0

    /// Decodes `bytes` and leaves exactly one value pushed on `stack`.
    static func decode(_ bytes: UnsafeRawBufferPointer, onto stack: LuaStack) throws(Failure) {
        var decoder = JSONDecoding(bytes: bytes, state: stack.state)
        decoder.skipSpace()
        try decoder.value(depth: 0)
        decoder.skipSpace()
        if decoder.index < bytes.count { throw decoder.failure("unexpected text after the JSON value") }
    }

    /// Decodes the string at `index` of `stack` (the caller has checked it is one) and leaves
    /// exactly one value pushed: `json.decode` and `HttpResponse:json`.
    static func decode(stringAt index: Int32, on stack: LuaStack) throws(Failure) {
        // `withBytes` rethrows untyped errors: carry the typed failure out by hand.
        var failure: Failure?
        _ = stack.withBytes(at: index) { bytes in
            do throws(Failure) {
                try decode(bytes, onto: stack)
            } catch {
                failure = error
            }
        }
        if let failure { throw failure }
    }

    private init(bytes: UnsafeRawBufferPointer, state: OpaquePointer) {
        self.bytes = bytes
        self.state = state
    }

    private var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func skipSpace() {
        while let b = peek, b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 { index += 1 }
    }

    private func failure(_ reason: String) -> Failure {
        var line = 1, column = 1
        var i = 0
        while i < min(index, bytes.count) {
            if bytes[i] == 0x0A {
                line += 1
                column = 1
            } else if bytes[i] & 0xC0 != 0x80 {
                column += 1
            }
            i += 1
        }
        return Failure(line: line, column: column, reason: reason)
    }

    private func describePeek() -> String {
        guard let b = peek else { return "the end of the text" }
        if b >= 0x20 && b < 0x7F { return "'\(Character(Unicode.Scalar(b)))'" }
        return "byte 0x" + String(b, radix: 16)
    }

    private mutating func value(depth: Int) throws(Failure) {
        guard depth < Self.maximumDepth else { throw failure("arrays and objects nested deeper than \(Self.maximumDepth)") }
        LuaStack(state).reserve(4)
        switch peek {
        case UInt8(ascii: "{"): try object(depth: depth)
        case UInt8(ascii: "["): try array(depth: depth)
        case UInt8(ascii: "\""): try string()
        case UInt8(ascii: "t"):
            try literal("true")
            lua_pushboolean(state, 1)
        case UInt8(ascii: "f"):
            try literal("false")
            lua_pushboolean(state, 0)
        case UInt8(ascii: "n"):
            try literal("null")
            lua_pushlightuserdata(state, nil)
        case let b? where b == UInt8(ascii: "-") || (0x30...0x39).contains(b): try number()
        default: throw failure("expected a value, found \(describePeek())")
        }
    }

    private mutating func literal(_ word: String) throws(Failure) {
        for expected in word.utf8 {
            guard peek == expected else { throw failure("expected \(word)") }
            index += 1
        }
    }

    private mutating func object(depth: Int) throws(Failure) {
        index += 1
        lua_createtable(state, 0, 4)
        skipSpace()
        if peek == UInt8(ascii: "}") {
            index += 1
            return
        }
        while true {
            skipSpace()
            guard peek == UInt8(ascii: "\"") else { throw failure("expected a key in double quotes, found \(describePeek())") }
            try string()
            skipSpace()
            guard peek == UInt8(ascii: ":") else { throw failure("expected ':' after the key, found \(describePeek())") }
            index += 1
            skipSpace()
            try value(depth: depth + 1)
            lua_rawset(state, -3)
            skipSpace()
            switch peek {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "}"):
                index += 1
                return
            default: throw failure("expected ',' or '}' in an object, found \(describePeek())")
            }
        }
    }

    private mutating func array(depth: Int) throws(Failure) {
        index += 1
        lua_createtable(state, 4, 0)
        skipSpace()
        if peek == UInt8(ascii: "]") {
            index += 1
            return
        }
        var count: lua_Integer = 0
        while true {
            skipSpace()
            try value(depth: depth + 1)
            count += 1
            lua_rawseti(state, -2, count)
            skipSpace()
            switch peek {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "]"):
                index += 1
                return
            default: throw failure("expected ',' or ']' in an array, found \(describePeek())")
            }
        }
    }

    private mutating func number() throws(Failure) {
        let start = index
        var isInteger = true
        if peek == UInt8(ascii: "-") { index += 1 }
        guard let first = peek, (0x30...0x39).contains(first) else { throw failure("expected a digit") }
        if first == 0x30 {
            index += 1
        } else {
            while let b = peek, (0x30...0x39).contains(b) { index += 1 }
        }
        if peek == UInt8(ascii: ".") {
            isInteger = false
            index += 1
            guard let b = peek, (0x30...0x39).contains(b) else { throw failure("expected a digit after the decimal point") }
            while let b = peek, (0x30...0x39).contains(b) { index += 1 }
        }
        if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
            isInteger = false
            index += 1
            if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { index += 1 }
            guard let b = peek, (0x30...0x39).contains(b) else { throw failure("expected a digit in the exponent") }
            while let b = peek, (0x30...0x39).contains(b) { index += 1 }
        }
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        if isInteger, let value = Int64(text) {
            lua_pushinteger(state, value)
        } else if let value = Double(text), value.isFinite {
            lua_pushnumber(state, value)
        } else {
            index = start
            throw failure("number \(text) is out of range")
        }
    }

    private mutating func string() throws(Failure) {
        index += 1
        var out: [UInt8] = []
        var ascii = true
        while true {
            guard let b = peek else { throw failure("the string is never closed") }
            switch b {
            case UInt8(ascii: "\""):
                index += 1
                if ascii {
                    out.withUnsafeBufferPointer { buffer in
                        buffer.withMemoryRebound(to: CChar.self) { _ = lua_pushlstring(state, $0.baseAddress, $0.count) }
                    }
                } else {
                    VietnameseText.nfc(String(decoding: out, as: UTF8.self)).push(onto: LuaStack(state))
                }
                return
            case UInt8(ascii: "\\"):
                index += 1
                guard let escape = peek else { throw failure("the string is never closed") }
                index += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escape)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try hex4()
                    if (0xD800...0xDBFF).contains(scalar) {
                        guard peek == UInt8(ascii: "\\"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "u") else {
                            throw failure("a \\u escape of a high surrogate must be followed by its low surrogate")
                        }
                        index += 2
                        let low = try hex4()
                        guard (0xDC00...0xDFFF).contains(low) else { throw failure("invalid low surrogate in a \\u escape") }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else if (0xDC00...0xDFFF).contains(scalar) {
                        throw failure("a low surrogate without its high surrogate")
                    }
                    guard let unicode = Unicode.Scalar(scalar) else { throw failure("invalid \\u escape") }
                    if scalar >= 0x80 { ascii = false }
                    out.append(contentsOf: Array(String(Character(unicode)).utf8))
                default:
                    index -= 1
                    throw failure("unknown escape \\\(Character(Unicode.Scalar(escape)))")
                }
            case 0x00..<0x20:
                throw failure("a control character inside a string must be escaped")
            default:
                if b >= 0x80 { ascii = false }
                out.append(b)
                index += 1
            }
        }
    }

    private mutating func hex4() throws(Failure) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let b = peek, let digit = Self.hexValue(b) else { throw failure("expected four hex digits after \\u") }
            value = value << 4 | digit
            index += 1
        }
        return value
    }

    private static func hexValue(_ b: UInt8) -> UInt32? {
        switch b {
        case 0x30...0x39: UInt32(b - 0x30)
        case 0x41...0x46: UInt32(b - 0x41 + 10)
        case 0x61...0x66: UInt32(b - 0x61 + 10)
        default: nil
        }
    }
}
