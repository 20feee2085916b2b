/// What became of the alerts handed to one sink.
public struct SinkStatistics: Sendable, Hashable {
    /// Alerts the sink accepted.
    public var delivered = 0
    /// Alerts whose every attempt failed.
    public var failed = 0
    /// Alerts never attempted: the sink's buffer was full, or shutdown ended before their turn.
    public var dropped = 0
    /// Batches waiting or being delivered now.
    public var queued = 0

    public init() {}
}
