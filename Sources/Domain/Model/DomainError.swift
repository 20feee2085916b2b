/// A rule of the domain was broken. Each case says what and where, so that an import can name
/// the row and a script the line.
public enum DomainError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A status change the lifecycle does not allow.
    case invalidTransition(dossier: DossierKey, from: DossierStatus, to: DossierStatus)
    /// A history entry older than the last one: history is append-only.
    case historyOutOfOrder(dossier: DossierKey)
    /// A field whose value contradicts the rules, e.g. finished before it was received.
    case invalidField(dossier: DossierKey?, field: String, reason: String)

    public var description: String {
        switch self {
        case let .invalidTransition(key, from, to):
            "dossier \(key): status cannot move from \(from.rawValue) to \(to.rawValue)"
        case let .historyOutOfOrder(key):
            "dossier \(key): a status change is older than the last one; history is append-only"
        case let .invalidField(key, field, reason):
            (key.map { "dossier \($0): " } ?? "") + "\(field): \(reason)"
        }
    }
}
