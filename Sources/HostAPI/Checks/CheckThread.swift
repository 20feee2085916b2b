import Foundation

/// Runs a check on a thread of its own.
///
/// A check is Lua code that blocks its thread until it returns or its wall-time limit stops
/// it. Run on one of Swift concurrency's few cooperative threads (two on a two-core server), a
/// slow check would hold up every timer and every other check; on its own thread it delays
/// nobody, and the scheduler awaits it like any other task.
enum CheckThread {
    /// Room for Lua's C recursion (200 levels of nested calls through host functions) with
    /// plenty to spare.
    static let stackSize = 16 << 20

    static func run<T: Sendable>(named name: String, _ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            let thread = Thread { continuation.resume(returning: body()) }
            thread.name = "hostrun check " + name
            thread.stackSize = stackSize
            thread.start()
        }
    }
}
