/// The feedback (phản ánh, kiến nghị) figures of a period.
public struct FeedbackFigures: Sendable, Hashable, Codable {
    /// Received before the period, not finished before it.
    public internal(set) var carriedOver = 0
    /// Received in the period.
    public internal(set) var received = 0
    /// Answered by the end of the period.
    public internal(set) var handled = 0
    /// Answered on or before the due date (a subset of `handled`).
    public internal(set) var handledOnTime = 0
    /// Not accepted for handling.
    public internal(set) var rejected = 0
    /// Still open at the end of the period.
    public internal(set) var open = 0

    public init() {}

    public mutating func add(_ placement: FeedbackPlacement) {
        if placement.carriedOver { carriedOver += 1 } else { received += 1 }
        switch placement.outcome {
        case .handledOnTime:
            handled += 1
            handledOnTime += 1
        case .handledLate: handled += 1
        case .rejected: rejected += 1
        case .open: open += 1
        }
    }

    public mutating func add(_ other: FeedbackFigures) {
        carriedOver += other.carriedOver
        received += other.received
        handled += other.handled
        handledOnTime += other.handledOnTime
        rejected += other.rejected
        open += other.open
    }

    /// carried over + received = handled + rejected + open, and on time ≤ handled.
    public var identitiesHold: Bool {
        carriedOver + received == handled + rejected + open && handledOnTime <= handled
    }
}
