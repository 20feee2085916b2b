import Dispatch

/// Runs blocking system calls (file writes and fsync, socket conversations) on a dedicated
/// serial queue, so that a slow disk or mail server never holds one of Swift concurrency's few
/// cooperative threads, which the scheduler's own tasks need.
final class BlockingIO: Sendable {
    private let queue: DispatchQueue

    init(label: String) {
        queue = DispatchQueue(label: "hostrun.scheduling." + label)
    }

    func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try work() }) }
        }
    }
}
