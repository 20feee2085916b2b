import Foundation

/// Where a citizen's feedback (phản ánh, kiến nghị, PAKN) stands.
public enum FeedbackStatus: String, Sendable, Hashable, CaseIterable, Codable {
    case received
    case processing
    /// Answered in writing; finished.
    case handled
    /// Not accepted for handling (out of scope, anonymous, duplicate); finished.
    case rejected

    public var isFinished: Bool { self == .handled || self == .rejected }
}

/// A citizen's complaint or suggestion about procedures.
public struct Feedback: Sendable, Hashable, Codable {
    public var key: DossierKey
    public var subject: String
    public var receivedAt: Date
    public var dueAt: Date?
    public var status: FeedbackStatus
    public var handledAt: Date?

    public init(key: DossierKey, subject: String, receivedAt: Date, dueAt: Date?,
                status: FeedbackStatus, handledAt: Date? = nil) {
        self.key = key
        self.subject = subject
        self.receivedAt = receivedAt
        self.dueAt = dueAt
        self.status = status
        self.handledAt = handledAt
    }
}
