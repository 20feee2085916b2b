import Foundation

extension FeedbackStatus {
    /// The states feedback may move to: `received → processing → handled | rejected`, and
    /// `received → handled | rejected` directly. A finished one never moves again.
    public var allowedNext: Set<FeedbackStatus> {
        switch self {
        case .received: [.processing, .handled, .rejected]
        case .processing: [.handled, .rejected]
        case .handled, .rejected: []
        }
    }

    public func canMove(to next: FeedbackStatus) -> Bool { allowedNext.contains(next) }
}

extension Feedback {
    /// Checks the rules one feedback record must satisfy: a key, dates not before receipt, and
    /// `handledAt` set exactly when the status is finished.
    public func validate() throws(DomainError) {
        let time = CentreTime.vietnam
        func fail(_ field: String, _ reason: String) -> DomainError {
            .invalidField(dossier: key, field: field, reason: reason)
        }
        if key.source.isEmpty { throw fail("source", "is empty") }
        if key.code.isEmpty { throw fail("code", "is empty") }
        if let dueAt, dueAt < receivedAt {
            throw fail("dueAt", "\(time.iso8601(dueAt)) is before receipt \(time.iso8601(receivedAt))")
        }
        switch (status.isFinished, handledAt) {
        case (true, nil):
            throw fail("handledAt", "is missing although the status is \(status.rawValue)")
        case (false, let handledAt?):
            throw fail("handledAt", "is \(time.iso8601(handledAt)) although the status "
                           + "\(status.rawValue) is not finished")
        case (true, let handledAt?) where handledAt < receivedAt:
            throw fail("handledAt", "\(time.iso8601(handledAt)) is before receipt "
                           + "\(time.iso8601(receivedAt))")
        default: break
        }
    }

    /// This feedback moved to `next` at `instant`; finishing it records `handledAt`.
    public func moving(to next: FeedbackStatus, at instant: Date) throws(DomainError) -> Feedback {
        guard status.canMove(to: next) else {
            throw .invalidFeedbackTransition(feedback: key, from: status, to: next)
        }
        let earliest = handledAt ?? receivedAt
        if instant < earliest {
            throw .invalidField(dossier: key, field: "status",
                                reason: "change at \(CentreTime.vietnam.iso8601(instant)) is before "
                                    + "\(CentreTime.vietnam.iso8601(earliest))")
        }
        var copy = self
        copy.status = next
        if next.isFinished { copy.handledAt = instant }
        return copy
    }
}
