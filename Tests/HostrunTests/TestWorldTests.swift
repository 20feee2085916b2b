import Foundation
import Testing

/// The host's world in spec files (store, fixtures through connectors, the clock, plugins, the
/// fake HTTP server, coverage), run as the real binary on the specs of Tests/TestHarness/world.
@Suite struct TestWorldTests {
    /// The package's root folder: specs are named relative to it.
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    struct Run {
        var status: Int32
        var output: String
        var error: String
        var lastLine: String { output.split(separator: "\n").last.map(String.init) ?? "" }
    }

    /// `hostrun test ARGUMENTS` in the package's root, with the harness's fixture plugins
    /// (`tiny-csv`) on HOSTRUN_PLUGINS and `temporary` (when given) as TMPDIR.
    func hostrun(_ arguments: [String], temporary: URL? = nil) throws -> Run {
        let process = Process()
        process.executableURL = HostrunBinary.url
        process.arguments = ["test", "-C", Self.root.path] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["HOSTRUN_PLUGINS"] = "Tests/TestHarness/fixtures-plugins"
        if let temporary { environment["TMPDIR"] = temporary.path }
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let group = DispatchGroup()
        nonisolated(unsafe) var stdoutData = Data(), stderrData = Data()
        DispatchQueue.global().async(group: group) { stdoutData = out.fileHandleForReading.readDataToEndOfFile() }
        DispatchQueue.global().async(group: group) { stderrData = err.fileHandleForReading.readDataToEndOfFile() }
        process.waitUntilExit()
        group.wait()
        #expect(process.terminationReason == .exit, "hostrun test died of a signal")
        return Run(status: process.terminationStatus, output: String(decoding: stdoutData, as: UTF8.self),
                   error: String(decoding: stderrData, as: UTF8.self))
    }

    @Test func storeFixturesAndFreshStoresPerTest() throws {
        let run = try hostrun(["Tests/TestHarness/world/store_spec.lua"])
        #expect(run.status == 0, "\(run.output)\(run.error)")
        #expect(run.lastLine == "12 passed, 0 failed")
    }

    @Test func theClockDrivesDeadlines() throws {
        let run = try hostrun(["Tests/TestHarness/world/clock_spec.lua"])
        #expect(run.status == 0, "\(run.output)\(run.error)")
        #expect(run.lastLine == "6 passed, 0 failed")
    }

    @Test func fixturePathsAreRelativeToTheSpec() throws {
        let run = try hostrun(["Tests/TestHarness/world/paths_spec.lua"])
        #expect(run.status == 0, "\(run.output)\(run.error)")
        #expect(run.lastLine == "2 passed, 0 failed")
    }

    @Test func pluginsRunWithTheirGrantsOverTheSpecsWorld() throws {
        let run = try hostrun(["Tests/TestHarness/world/plugin_spec.lua"])
        #expect(run.status == 0, "\(run.output)\(run.error)")
        #expect(run.lastLine == "7 passed, 0 failed")
    }

    @Test func aPluginSpecLoadsThePluginHoldingIt() throws {
        let run = try hostrun(["Tests/TestHarness/fixtures-plugins"])
        #expect(run.status == 0, "\(run.output)\(run.error)")
        #expect(run.lastLine == "4 passed, 0 failed")
    }

    @Test func storesAreDeletedAfterTheRun() throws {
        let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("hostrun-world-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: temporary) }
        let run = try hostrun(["Tests/TestHarness/world/store_spec.lua", "Tests/TestHarness/world/clock_spec.lua"],
                              temporary: temporary)
        #expect(run.status == 0, "\(run.output)\(run.error)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary.path) == [])
    }
}
