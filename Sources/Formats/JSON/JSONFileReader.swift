import Foundation

/// Reads a JSON file whole (JSON cannot be streamed by Foundation) under a size limit, with
/// errors that name the file and, where the parser says, the line and column.
public struct JSONFileReader: Sendable {
    /// The largest file read, in bytes.
    public var maxBytes: UInt64

    public init(maxBytes: UInt64 = 256 << 20) {
        self.maxBytes = maxBytes
    }

    /// The file as a `JSONValue` tree.
    public func read(_ url: URL) throws(FormatError) -> JSONValue {
        try decode(JSONValue.self, from: url)
    }

    /// The file decoded as `T`; a mismatch names the path of keys where it happened.
    public func decode<T: Decodable>(_ type: T.Type, from url: URL) throws(FormatError) -> T {
        let file = url.lastPathComponent
        let data = try load(url)
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch let error as DecodingError {
            if case .dataCorrupted(let context) = error, context.codingPath.isEmpty,
               let syntax = Self.syntaxError(in: data) {
                throw FormatError(file: file, location: syntax.location, reason: .invalidJSON(syntax.message))
            }
            throw FormatError(file: file, reason: .invalidJSON(Self.describe(error)))
        } catch {
            throw FormatError(file: file, reason: .invalidJSON("\(error)"))
        }
    }

    private func load(_ url: URL) throws(FormatError) -> Data {
        let file = url.lastPathComponent
        let size: UInt64
        do {
            size = (try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.uint64Value ?? 0
        } catch {
            throw FormatError(file: file, reason: .io("cannot read the file"))
        }
        if size > maxBytes { throw FormatError(file: file, reason: .fileTooLarge(bytes: size, limit: maxBytes)) }
        do {
            return try Data(contentsOf: url)
        } catch {
            throw FormatError(file: file, reason: .io("cannot read the file: \(error.localizedDescription)"))
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return keys.isEmpty ? "" : " at \(keys)"
        }
        switch error {
        case .dataCorrupted(let context):
            let underlying = (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
            return (underlying ?? context.debugDescription) + path(context)
        case .keyNotFound(let key, let context):
            return "no key \"\(key.stringValue)\"\(path(context))"
        case .typeMismatch(let type, let context):
            return "expected \(type)\(path(context)): \(context.debugDescription)"
        case .valueNotFound(let type, let context):
            return "expected \(type), found null\(path(context))"
        @unknown default:
            return "\(error)"
        }
    }

    /// JSONDecoder on Linux says only "not valid JSON"; JSONSerialization says where ("around
    /// character 94"), which becomes a line and column here.
    private static func syntaxError(in data: Data) -> (message: String, location: SourceLocation?)? {
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            return nil
        } catch {
            let message = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
            guard let range = message.range(of: "character "),
                  let offset = Int(message[range.upperBound...].prefix { $0.isNumber }), offset <= data.count else {
                return (message, nil)
            }
            let prefix = data.prefix(offset)
            let line = prefix.reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
            let lineStart = prefix.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
            let column = String(decoding: data[lineStart..<offset], as: UTF8.self).count + 1
            return (message, SourceLocation(line: line, column: column, byteOffset: offset))
        }
    }
}
