/// Where a dossier stands in its lifecycle.
///
/// The allowed moves are
/// `received → processing → (supplementRequested ↔ processing) → (awaitingPayment) → resolved →
/// returned`, with `refused` and `withdrawn` reachable from any open state. A finished dossier
/// never moves again.
public enum DossierStatus: String, Sendable, Hashable, CaseIterable, Codable {
    case received
    case processing
    /// Yêu cầu bổ sung: returned to the applicant for missing documents; the clock stops.
    case supplementRequested = "supplement_requested"
    /// Waiting for the applicant to pay a fee; the clock stops.
    case awaitingPayment = "awaiting_payment"
    case resolved
    /// Trả kết quả: the result was handed to the applicant.
    case returned
    /// Từ chối: refused with a written reason.
    case refused
    /// Rút hồ sơ: the applicant withdrew it.
    case withdrawn

    /// Finished means resolved, result returned, refused or withdrawn.
    public var isFinished: Bool {
        switch self {
        case .resolved, .returned, .refused, .withdrawn: true
        case .received, .processing, .supplementRequested, .awaitingPayment: false
        }
    }

    /// States in which the processing clock does not run.
    public var stopsClock: Bool {
        self == .supplementRequested || self == .awaitingPayment
    }

    /// The states a dossier may move to from this one.
    public var allowedNext: Set<DossierStatus> {
        switch self {
        case .received: [.processing, .supplementRequested, .refused, .withdrawn]
        case .processing: [.supplementRequested, .awaitingPayment, .resolved, .refused, .withdrawn]
        case .supplementRequested: [.processing, .refused, .withdrawn]
        case .awaitingPayment: [.processing, .resolved, .refused, .withdrawn]
        case .resolved: [.returned]
        case .returned, .refused, .withdrawn: []
        }
    }

    /// Whether a dossier in this state may move to `next` (the same rule as ``allowedNext``,
    /// without building a set: imports check every history entry).
    public func canMove(to next: DossierStatus) -> Bool {
        switch (self, next) {
        case (.received, .processing), (.received, .supplementRequested),
             (.processing, .supplementRequested), (.processing, .awaitingPayment), (.processing, .resolved),
             (.supplementRequested, .processing),
             (.awaitingPayment, .processing), (.awaitingPayment, .resolved),
             (.resolved, .returned):
            true
        case (.received, .refused), (.received, .withdrawn), (.processing, .refused),
             (.processing, .withdrawn), (.supplementRequested, .refused),
             (.supplementRequested, .withdrawn), (.awaitingPayment, .refused),
             (.awaitingPayment, .withdrawn):
            true
        default:
            false
        }
    }
}
