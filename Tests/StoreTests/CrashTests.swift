import Foundation
import GRDB
import Testing
@testable import Store

/// A process killed with SIGKILL in the middle of a batch leaves the store whole: the batch is
/// entirely absent (or, if the kill came after the commit, entirely present), never in part.
@Suite struct CrashTests {
    static let batchSize = 20_000

    /// The helper executable, built beside this test binary.
    static var helper: URL {
        get throws {
            var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            for _ in 0..<4 {
                let candidate = folder.appendingPathComponent("store-crash-helper")
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
                folder.deleteLastPathComponent()
            }
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "store-crash-helper"])
        }
    }

    /// Runs the helper; when `killAfter` progress lines arrive, kills it with SIGKILL. Returns
    /// whether it ran to completion.
    static func run(_ store: String, first: Int, count: Int, killAfter: Int?) throws -> Bool {
        let process = try start(store, first: first, count: count)
        return try finish(process, killAfter: killAfter)
    }

    /// Starts the helper on `store` (see its usage in `store-crash-helper/main.swift`).
    static func start(_ store: String, first: Int, count: Int, batchSize: Int? = nil,
                      source: String = "motcua") throws -> (Process, Pipe) {
        let process = Process()
        process.executableURL = try helper
        process.arguments = [store, String(first), String(count), String(batchSize ?? count), source]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        return (process, output)
    }

    /// Reads the helper's progress until it ends, killing it with SIGKILL after `killAfter`
    /// progress lines; returns whether it ran to completion.
    static func finish(_ started: (Process, Pipe), killAfter: Int?) throws -> Bool {
        let (process, output) = started
        var lines = 0
        var buffer = Data()
        while let chunk = try output.fileHandleForReading.read(upToCount: 64), !chunk.isEmpty {
            buffer.append(chunk)
            while let newline = buffer.firstIndex(of: 0x0A) {
                let line = String(decoding: buffer[..<newline], as: UTF8.self)
                buffer.removeSubrange(...newline)
                if line.hasPrefix("progress") { lines += 1 }
                if let killAfter, lines == killAfter { kill(process.processIdentifier, SIGKILL) }
            }
        }
        process.waitUntilExit()
        return process.terminationReason == .exit && process.terminationStatus == 0
    }

    @Test(arguments: StoreBackend.all, [1, 10, 20])
    func aBatchKilledMidwayLeavesNothingHalfWritten(_ backend: StoreBackend, killAfterThousands: Int) throws {
        let t = try TemporaryStore(backend)
        let committed = try Self.run(t.path, first: 0, count: 2000, killAfter: nil)
        #expect(committed)

        let lastProgress = Self.batchSize / 1000
        let completed = try Self.run(t.path, first: 10_000, count: Self.batchSize, killAfter: killAfterThousands)
        // The last progress line comes before the commit, so a kill then may land either side.
        #expect(!completed || killAfterThousands == lastProgress, "the helper was not killed")

        let store = t.store
        if backend == .sqlite {
            #expect(try t.sqlite.pool.read { try String.fetchOne($0, sql: "PRAGMA integrity_check") } == "ok")
        }
        let dossiers = try store.count(DossierQuery(scope: .all))
        let history = try t.rows("SELECT COUNT(*) FROM status_history").first.flatMap { Int($0[0]) }
        let imports = try store.imports(limit: 10)
        #expect(dossiers == 2000 || dossiers == 2000 + Self.batchSize)
        #expect(dossiers == 2000 || killAfterThousands == lastProgress)
        #expect(history == 2 * dossiers)
        #expect(imports.map(\.inserted).reduce(0, +) == dossiers)
        // And the store takes the batch again, whole.
        #expect(try Self.run(t.path, first: 10_000, count: Self.batchSize, killAfter: nil))
        #expect(try store.count(DossierQuery(scope: .all)) == 2000 + Self.batchSize)
    }
}
