import Domain
import Foundation

/// A value of a record as the connector gave it, before it is read as its field's type.
enum FieldValue: Sendable, Equatable {
    case text(String)
    case boolean(Bool)
    case integer(Int64)
    case number(Double)
    /// A string that is not valid UTF-8.
    case invalidText

    var typeName: String {
        switch self {
        case .text: "text"
        case .invalidText: "text that is not valid UTF-8"
        case .boolean: "a boolean"
        case .integer, .number: "a number"
        }
    }
}

/// The fields of one record a connector yielded, by position in its kind's field list, with
/// readers that turn each into its type or a ``RecordRejection`` naming the field.
///
/// The rules are those of docs/canonical-csv.md: text is trimmed and an empty value means
/// unknown; booleans are `true`/`false`/`1`/`0`; times are text the centre's systems write
/// (ISO 8601 local, `dd/MM/yyyy HH:mm`, …) or whole seconds since 1970.
struct RecordFields {
    var values: [FieldValue?]
    /// Where the record came from, for every message about it.
    var origin: String
    let names: [String]
    let time: CentreTime

    init(names: [String], origin: String, time: CentreTime) {
        values = Array(repeating: nil, count: names.count)
        self.names = names
        self.origin = origin
        self.time = time
    }

    /// Identity of the record once known, for rejections.
    var key: DossierKey?

    func reject(_ index: Int, _ reason: String) -> RecordRejection {
        RecordRejection(origin: origin, key: key, field: names[index], reason: reason)
    }

    /// Trimmed text; nil when absent or empty.
    func text(_ index: Int) throws(RecordRejection) -> String? {
        switch values[index] {
        case nil: return nil
        case .text(let s):
            let trimmed = s.trimmingCharacters(in: .whitespacesAndNewlines)
            return trimmed.isEmpty ? nil : trimmed
        case let other?: throw reject(index, "expected text, got \(other.typeName)")
        }
    }

    /// Text that must be there.
    func requiredText(_ index: Int) throws(RecordRejection) -> String {
        guard let text = try text(index) else { throw reject(index, "is missing") }
        return text
    }

    /// A flag; unknown (absent or empty) is false, since the model has no third value.
    func flag(_ index: Int) throws(RecordRejection) -> Bool {
        switch values[index] {
        case nil: return false
        case .boolean(let b): return b
        case .integer(0): return false
        case .integer(1): return true
        case .text(let s):
            switch s.trimmingCharacters(in: .whitespaces).lowercased() {
            case "", "false", "0": return false
            case "true", "1": return true
            default: throw reject(index, "“\(s)” is not true, false, 1 or 0")
            }
        case let other?: throw reject(index, "\(other) is not true, false, 1 or 0")
        }
    }

    /// An instant; nil when unknown.
    func instant(_ index: Int) throws(RecordRejection) -> Date? {
        switch values[index] {
        case nil: return nil
        case .integer(let seconds): return Date(timeIntervalSince1970: TimeInterval(seconds))
        case .number(let seconds) where seconds.rounded() == seconds && seconds.isFinite:
            return Date(timeIntervalSince1970: seconds)
        case .text(let s):
            if s.allSatisfy(\.isWhitespace) { return nil }
            do {
                return try time.instant(parsing: s)
            } catch {
                throw reject(index, error.description)
            }
        case let other?: throw reject(index, "expected a time (text or seconds since 1970), got \(other.typeName)")
        }
    }

    /// One of a closed list of words (a status, a channel).
    func word<T: RawRepresentable & CaseIterable>(_ index: Int, as type: T.Type) throws(RecordRejection) -> T
        where T.RawValue == String {
        let text = try requiredText(index)
        guard let value = T(rawValue: text) else {
            let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
            throw reject(index, "“\(text)” is not one of \(allowed)")
        }
        return value
    }

    /// A rule of the domain the record breaks, as a rejection naming the canonical field.
    func reject(_ error: DomainError) -> RecordRejection {
        guard case let .invalidField(_, field, reason) = error else {
            return RecordRejection(origin: origin, key: key, field: nil, reason: error.description)
        }
        return RecordRejection(origin: origin, key: key, field: Self.canonicalName(field), reason: reason)
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
}
