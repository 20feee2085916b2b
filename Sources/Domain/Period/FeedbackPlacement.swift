/// The cell a feedback record (PAKN) falls in for a period.
public struct FeedbackPlacement: Sendable, Hashable, Codable {
    public enum Outcome: String, Sendable, Hashable, Codable, CaseIterable {
        /// Answered on or before its due date (or without one).
        case handledOnTime = "handled_on_time"
        case handledLate = "handled_late"
        /// Not accepted for handling.
        case rejected
        /// Still open at the end of the period.
        case open
    }

    /// Received before the period and not finished before it.
    public var carriedOver: Bool
    public var outcome: Outcome

    public init(carriedOver: Bool, outcome: Outcome) {
        self.carriedOver = carriedOver
        self.outcome = outcome
    }
}
