import Foundation

/// How much one run may take from the network through the `http` module. Each request's
/// timeout is also cut to the time the sandbox has left, so a slow server ends in a clear
/// `http` error rather than in the wall-time kill.
public struct HttpLimits: Sendable, Equatable {
    /// Largest response body of one request, in bytes (a request's `max_bytes` may lower it).
    public var responseBytes: Int
    /// Bytes of all request and response bodies of the run together.
    public var totalBytes: Int
    /// Seconds a request waits for its whole answer unless it says otherwise (`timeout`).
    public var timeout: Double

    public init(responseBytes: Int = 64 << 20, totalBytes: Int = 1 << 30, timeout: Double = 30) {
        self.responseBytes = responseBytes
        self.totalBytes = totalBytes
        self.timeout = timeout
    }

    /// 64 MiB a response, 1 GiB a run, 30 s a request.
    public static let `default` = HttpLimits()
}

/// The bytes a run's `http` requests sent and received so far, counted against
/// ``HttpLimits/totalBytes``. Thread-safe; one per ``HostEnvironment``.
public final class HttpUsage: @unchecked Sendable {
    // Both guarded by `lock`.
    private let lock = NSLock()
    private var sentBytes = 0
    private var receivedBytes = 0
    private var requestCount = 0

    public init() {}

    /// Request bodies sent.
    public var sent: Int { lock.withLock { sentBytes } }
    /// Response bodies received, including those refused for passing a cap.
    public var received: Int { lock.withLock { receivedBytes } }
    /// Requests sent, answered or not.
    public var requests: Int { lock.withLock { requestCount } }
    /// Sent and received together.
    public var total: Int { lock.withLock { sentBytes + receivedBytes } }

    func add(sent: Int, received: Int) {
        lock.withLock {
            sentBytes += sent
            receivedBytes += received
            requestCount += 1
        }
    }
}
