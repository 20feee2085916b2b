import Domain
import Foundation
import LuaBridge

/// What a connector yields, as its entry module says with `M.records`: dossiers (the default)
/// or citizens' feedback (`M.records = "feedback"`).
public enum ConnectorRecords: String, Sendable, CaseIterable {
    case dossiers
    case feedback

    /// The fields a record may have: the canonical CSV's columns (docs/canonical-csv.md), then
    /// the optional ones, then `origin`.
    public var fields: [String] {
        switch self {
        case .dossiers: CanonicalRecord.dossierFields
        case .feedback: CanonicalRecord.feedbackFields
        }
    }
}

/// A value of a record as the connector gave it, before it is read as its field's type.
enum FieldValue {
    case text(String)
    case boolean(Bool)
    case integer(Int64)
    case number(Double)
    /// A string that is not valid UTF-8.
    case invalidText
    /// A table (`time_limit`, `history`).
    case table(LuaTable)

    var typeName: String {
        switch self {
        case .text: "text"
        case .invalidText: "text that is not valid UTF-8"
        case .boolean: "a boolean"
        case .integer, .number: "a number"
        case .table: "a table"
        }
    }
}

/// The fields of one record a connector yielded, by position in its kind's field list, with
/// readers that turn each into its type or a ``ConnectorRejection`` naming the field.
///
/// The rules are those of docs/canonical-csv.md: text is trimmed and NFC, and empty text means
/// unknown; booleans are `true`/`false`/`1`/`0`; times are text the centre's systems write (ISO
/// 8601 local, `dd/MM/yyyy HH:mm`, `yyyyMMddHHmmss`) or whole seconds since 1970.
struct RecordFields {
    let names: [String]
    var values: [FieldValue?]
    /// Where the record came from (`origin`), else its position among the records yielded.
    var origin: String
    /// Its identity once read, for every rejection after that.
    var key: DossierKey?
    let time: CentreTime

    init(names: [String], origin: String, time: CentreTime) {
        self.names = names
        values = Array(repeating: nil, count: names.count)
        self.origin = origin
        self.time = time
    }

    func reject(_ field: String?, _ reason: String) -> ConnectorRejection {
        ConnectorRejection(origin: origin, key: key, field: field, reason: reason)
    }

    /// Trimmed text (a whole number reads as its digits); nil when absent or empty.
    func text(_ index: Int, required: Bool = false) throws(ConnectorRejection) -> String? {
        let value: String?
        switch values[index] {
        case nil: value = nil
        case .text(let s): value = Self.trimmed(s)
        case .integer(let i): value = String(i)
        case let other?: throw reject(names[index], "expected text, got \(other.typeName)")
        }
        if required && value == nil { throw reject(names[index], "is required") }
        return value
    }

    /// A flag; unknown (absent or empty) is false, since the model has no third value.
    func flag(_ index: Int) throws(ConnectorRejection) -> Bool {
        switch values[index] {
        case nil: return false
        case .boolean(let b): return b
        case .integer(0): return false
        case .integer(1): return true
        case .text(let s):
            // The spellings as exports write them, before the cost of lower-casing.
            let word = Self.trimmed(s)
            switch word {
            case nil, "0", "false": return false
            case "1", "true": return true
            default: break
            }
            switch word?.lowercased() {
            case nil, "false", "0": return false
            case "true", "1": return true
            default: throw reject(names[index], "'\(s)' is not true, false, 1 or 0")
            }
        case let other?: throw reject(names[index], "expected a boolean, got \(other.typeName)")
        }
    }

    /// An instant; nil when unknown.
    func instant(_ index: Int, required: Bool = false) throws(ConnectorRejection) -> Date? {
        switch values[index] {
        case .integer(let seconds): return HostTime.instant(seconds)
        case .number(let seconds) where seconds.isFinite && seconds.rounded() == seconds:
            return HostTime.instant(Int64(seconds))
        case nil, .text:
            guard let value = try text(index, required: required) else { return nil }
            do throws(DateParseError) {
                return try time.instant(parsing: value)
            } catch {
                throw reject(names[index], error.description)
            }
        case let other?: throw reject(names[index], "expected a time, got \(other.typeName)")
        }
    }

    /// One of a closed list of words (a status, a channel).
    func word<T: RawRepresentable & CaseIterable>(_ index: Int, as type: T.Type) throws(ConnectorRejection) -> T
        where T.RawValue == String {
        let text = try text(index, required: true)!
        guard let value = T(rawValue: text) else {
            throw reject(names[index], "'\(text)' is not one of " + T.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return value
    }

    /// A rule of the domain the record breaks, naming the canonical field (`finished_at`, not
    /// the model's `finishedAt`).
    func reject(_ error: DomainError) -> ConnectorRejection {
        guard case let .invalidField(_, field, reason) = error else { return reject(nil, error.description) }
        return reject(Self.canonicalName(field), reason)
    }

    /// `finishedAt` → `finished_at`, `procedure.code` → `procedure_code`.
    static func canonicalName(_ property: String) -> String {
        var out = ""
        for character in property {
            if character == "." {
                out.append("_")
            } else if character.isUppercase {
                out += "_" + character.lowercased()
            } else {
                out.append(character)
            }
        }
        return out
    }

    /// `s` without spaces, tabs, line breaks and no-break spaces (as Excel leaves them) at either
    /// end; nil when nothing is left. Byte-wise: Foundation's trimming costs more than the rest
    /// of reading a record.
    static func trimmed(_ s: String) -> String? {
        var copy = s
        return copy.withUTF8 { bytes -> String? in
            var start = 0, end = bytes.count
            func isSpace(_ i: Int) -> Int {
                switch bytes[i] {
                case 0x20, 0x09, 0x0A, 0x0D: return 1
                case 0xC2 where i + 1 < bytes.count && bytes[i + 1] == 0xA0: return 2
                default: return 0
                }
            }
            while start < end, case let n = isSpace(start), n > 0 { start += n }
            while end > start {
                if bytes[end - 1] == 0xA0, end - 2 >= start, bytes[end - 2] == 0xC2 { end -= 2; continue }
                guard [0x20, 0x09, 0x0A, 0x0D].contains(bytes[end - 1]) else { break }
                end -= 1
            }
            if start == end { return nil }
            if start == 0 && end == bytes.count { return s }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }
    }
}
