import Foundation

/// A rule of the domain was broken. Each case says what and where (the dossier or feedback, the
/// history entry, the field), so that an import can name the row and a script the line.
public enum DomainError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A status change the lifecycle does not allow. `entry` is the index the change has (or would
    /// have) in the dossier's history.
    case invalidTransition(dossier: DossierKey, from: DossierStatus, to: DossierStatus, entry: Int)
    /// A history entry older than the one before it (or than the receipt): history is append-only.
    case historyOutOfOrder(dossier: DossierKey, entry: Int, at: Date, previous: Date)
    /// A field whose value contradicts the rules, e.g. finished before it was received.
    case invalidField(dossier: DossierKey?, field: String, reason: String)
    /// A feedback (PAKN) status change its lifecycle does not allow.
    case invalidFeedbackTransition(feedback: DossierKey, from: FeedbackStatus, to: FeedbackStatus)
    /// A reporting period that ends before it starts.
    case invalidPeriod(from: LocalDate, to: LocalDate)

    public var description: String {
        switch self {
        case let .invalidTransition(key, from, to, entry):
            "dossier \(key), history entry \(entry): status cannot move from \(from.rawValue) to \(to.rawValue)"
        case let .historyOutOfOrder(key, entry, at, previous):
            "dossier \(key), history entry \(entry): \(CentreTime.vietnam.iso8601(at)) is earlier than "
                + "\(CentreTime.vietnam.iso8601(previous)) before it; history is append-only"
        case let .invalidField(key, field, reason):
            (key.map { "dossier \($0): " } ?? "") + "\(field): \(reason)"
        case let .invalidFeedbackTransition(key, from, to):
            "feedback \(key): status cannot move from \(from.rawValue) to \(to.rawValue)"
        case let .invalidPeriod(from, to):
            "reporting period: from \(from.vietnamese) is after to \(to.vietnamese)"
        }
    }
}
