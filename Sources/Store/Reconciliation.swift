import Domain
import Foundation

/// That dossiers of one source must also be held by another: e.g. a household-business dossier
/// registered in the business-registration system (`dkkd`) must also have been received by the
/// centre's one-stop software (`motcua`) under the same code.
public struct Expectation: Sendable, Hashable, Codable {
    /// What the rule is about, as reports print it.
    public var name: String
    /// The source whose dossiers are checked.
    public var source: String
    /// The source that must hold each of them too (same code).
    public var expectedIn: String
    /// Only dossiers of these fields (lĩnh vực); empty: every field.
    public var fields: [String]
    /// Only dossiers of these procedure codes; empty: every procedure.
    public var procedureCodes: [String]
    /// Only dossiers received on or after this day (the rule's start); nil: all.
    public var receivedFrom: LocalDate?

    public init(name: String, source: String, expectedIn: String, fields: [String] = [],
                procedureCodes: [String] = [], receivedFrom: LocalDate? = nil) {
        self.name = name
        self.source = source
        self.expectedIn = expectedIn
        self.fields = fields
        self.procedureCodes = procedureCodes
        self.receivedFrom = receivedFrom
    }
}

/// A dossier an ``Expectation`` says another source should hold, which it does not.
public struct MissingCounterpart: Sendable, Hashable {
    public var expectation: Expectation
    public var key: DossierKey
    public var procedureCode: String
    public var procedureName: String
    public var receivedAt: Date
    public var status: DossierStatus

    public init(expectation: Expectation, key: DossierKey, procedureCode: String, procedureName: String,
                receivedAt: Date, status: DossierStatus) {
        self.expectation = expectation
        self.key = key
        self.procedureCode = procedureCode
        self.procedureName = procedureName
        self.receivedAt = receivedAt
        self.status = status
    }
}

/// A dossier an earlier import of its source listed that the source's latest import no longer
/// lists, although it was received within the span of days that import covers.
public struct VanishedDossier: Sendable, Hashable {
    public var key: DossierKey
    public var receivedAt: Date
    /// Its status as last imported.
    public var status: DossierStatus
    /// The last import that listed it.
    public var lastSeen: ImportMark
    /// The source's latest import, which did not.
    public var latest: ImportMark

    public init(key: DossierKey, receivedAt: Date, status: DossierStatus, lastSeen: ImportMark, latest: ImportMark) {
        self.key = key
        self.receivedAt = receivedAt
        self.status = status
        self.lastSeen = lastSeen
        self.latest = latest
    }
}

/// An import, as reconciliation names it.
public struct ImportMark: Sendable, Hashable {
    /// The row of the `imports` table.
    public var id: Int64
    public var connector: String
    public var startedAt: Date

    public init(id: Int64, connector: String, startedAt: Date) {
        self.id = id
        self.connector = connector
        self.startedAt = startedAt
    }
}

/// A field that sources may disagree on for the same dossier code. Instants are compared as the
/// centre's calendar days: systems record times with different precision, never different days.
public enum ComparedField: String, Sendable, Hashable, CaseIterable, Codable {
    case procedureCode = "procedure_code"
    case department
    case channel
    case receivedAt = "received_at"
    case dueAt = "due_at"
    case finishedAt = "finished_at"
    case status
}

/// Sources holding the same dossier code with different values of one field.
public struct SourceConflict: Sendable, Hashable {
    public var code: String
    public var field: ComparedField
    /// Each source's value, by source name; dates as `dd/MM/yyyy`, unknown values left out
    /// (an unknown value never conflicts).
    public var values: [(source: String, value: String)]

    public init(code: String, field: ComparedField, values: [(source: String, value: String)]) {
        self.code = code
        self.field = field
        self.values = values
    }

    public static func == (a: SourceConflict, b: SourceConflict) -> Bool {
        a.code == b.code && a.field == b.field && a.values.elementsEqual(b.values, by: { $0 == $1 })
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(code)
        hasher.combine(field)
        for value in values {
            hasher.combine(value.source)
            hasher.combine(value.value)
        }
    }
}

/// What `hostrun reconcile` asks of a store: where sources disagree about which dossiers exist
/// and what they say of them, so that nothing is silently missed.
public protocol ReconciliationStore: DossierStore {
    /// The dossiers of `expectation.source` that `expectation.expectedIn` does not hold, by receipt.
    func missingCounterparts(_ expectation: Expectation) throws -> [MissingCounterpart]

    /// Every dossier that vanished from its source (see ``VanishedDossier``), by source and receipt.
    func vanishedDossiers() throws -> [VanishedDossier]

    /// Every dossier code whose sources disagree on one of `fields`, by code and field.
    func conflicts(comparing fields: [ComparedField]) throws -> [SourceConflict]
}
