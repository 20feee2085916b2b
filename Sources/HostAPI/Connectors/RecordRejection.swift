import Domain
import Store

/// A record a connector yielded that was not imported, with where it came from and why:
/// `hoso.csv:row 14 (motcua/000.31.21.H56-260105-0003): finished_at: … is before receipt …`.
public struct RecordRejection: Error, Sendable, Hashable, CustomStringConvertible {
    /// Where the connector read it (`_origin`), else its position among the records yielded.
    public var origin: String
    /// Its identity, when its source and code could be read.
    public var key: DossierKey?
    /// The canonical field at fault, when one is.
    public var field: String?
    public var reason: String

    public init(origin: String, key: DossierKey?, field: String?, reason: String) {
        self.origin = origin
        self.key = key
        self.field = field
        self.reason = reason
    }

    public var description: String {
        origin + (key.map { " (\($0))" } ?? "") + ": " + (field.map { "\($0): " } ?? "") + reason
    }

    /// A record the store refused, as a rejection; `firstOrigin` names the record of the batch a
    /// conflicting duplicate repeats.
    init(_ error: StoreError, origin: String, key: DossierKey, firstOrigin: (Int) -> String?) {
        let reason: String
        switch error {
        case let .conflictingDuplicate(_, firstIndex):
            reason = "the same dossier appears earlier in this batch"
                + (firstOrigin(firstIndex).map { " (\($0))" } ?? "") + " with different values"
        case let .recordRejected(_, why):
            reason = "refused by the store: \(why)"
        default:
            reason = error.description
        }
        self.init(origin: origin, key: key, field: nil, reason: reason)
    }
}
