import Foundation
import Testing

/// Every script in Fixtures/hostile runs through the real `hostrun` binary and must end with the
/// outcome its header declares, within its limits, and never by a signal.
///
/// Header lines: `-- expect: ok|error|memory|instructions|time|output|cpu`, optional `-- args: FLAGS`
/// (added after the defaults), `-- stderr: TEXT` / `-- stdout: TEXT` (must appear) and
/// `-- no-stdout` (nothing printed: the attack did not survive its kill).
@Suite("Hostile scripts end as declared, and hostrun never dies of a signal")
struct HostileCorpusTests {
    static let folder = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/hostile")

    static let scripts: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".lua") }.sorted()
    }()

    /// Small limits for every script, so each ends in about a second at most. No instruction
    /// limit, as by default: CPU time is enforced by a timer, with no hook until it fires.
    static let defaultFlags = ["--max-memory", "32MiB", "--max-cpu", "1", "--max-time", "5", "--max-output", "64KiB"]

    static let exitCodes = ["ok": 0, "error": 1, "memory": 3, "instructions": 4, "time": 5, "output": 6, "cpu": 7]

    @Test func theCorpusIsLargeEnough() {
        #expect(Self.scripts.count >= 30)
    }

    @Test(arguments: scripts)
    func hostileScript(_ name: String) throws {
        let path = Self.folder.appendingPathComponent(name).path
        let header = try Header(parsing: String(contentsOfFile: path, encoding: .utf8))
        let expected = try #require(Self.exitCodes[header.expect], "\(name): unknown expectation '\(header.expect)'")

        let started = ContinuousClock.now
        let result = try HostrunBinary.run(Self.defaultFlags + header.args + [path])
        let elapsed = ContinuousClock.now - started

        #expect(result.signal == nil, "\(name) killed hostrun with signal \(result.signal ?? 0)")
        #expect(result.status == expected, "\(name): exit \(result.status), expected \(expected) (\(header.expect))\n\(result.stderr)")
        #expect(elapsed < .seconds(8), "\(name) took \(elapsed)")
        if let text = header.stderr {
            #expect(result.stderr.contains(text), "\(name): stderr lacks '\(text)':\n\(result.stderr)")
        }
        if let text = header.stdout {
            #expect(result.stdout.contains(text), "\(name): stdout lacks '\(text)':\n\(result.stdout)")
        }
        if header.noStdout {
            #expect(result.stdout.isEmpty, "\(name) printed after its kill:\n\(result.stdout.prefix(200))")
        }
        #expect(!result.stderr.contains("Fatal error") && !result.stderr.contains("Swift runtime failure"),
                "\(name) showed a Swift crash:\n\(result.stderr)")
    }

    struct Header {
        var expect = ""
        var args: [String] = []
        var stderr: String?
        var stdout: String?
        var noStdout = false

        init(parsing source: String) throws {
            for line in source.split(separator: "\n") where line.hasPrefix("--") {
                let text = line.dropFirst(2).trimmingCharacters(in: .whitespaces)
                if text.hasPrefix("expect:") { expect = value(text) }
                else if text.hasPrefix("args:") { args = value(text).split(separator: " ").map(String.init) }
                else if text.hasPrefix("stderr:") { stderr = value(text) }
                else if text.hasPrefix("stdout:") { stdout = value(text) }
                else if text == "no-stdout" { noStdout = true }
            }
        }

        private func value(_ text: String) -> String {
            String(text[text.index(after: text.firstIndex(of: ":")!)...]).trimmingCharacters(in: .whitespaces)
        }
    }
}

/// The `hostrun` executable built next to the tests.
enum HostrunBinary {
    struct Result {
        var status: Int32
        var signal: Int32?
        var stdout: String
        var stderr: String
    }

    static let url: URL = {
        // The test resources sit in the build folder (.build/debug), next to the executable.
        Bundle.module.bundleURL.deletingLastPathComponent().appendingPathComponent("hostrun")
    }()

    /// - Parameter environment: variables added to this process's environment.
    static func run(_ arguments: [String], standardInput: String? = nil, environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let standardInput { input.fileHandleForWriting.write(Data(standardInput.utf8)) }
        try input.fileHandleForWriting.close()
        // Read both pipes while the process runs, so a flood cannot block it.
        let group = DispatchGroup()
        nonisolated(unsafe) var stdoutData = Data(), stderrData = Data()
        DispatchQueue.global().async(group: group) { stdoutData = out.fileHandleForReading.readDataToEndOfFile() }
        DispatchQueue.global().async(group: group) { stderrData = err.fileHandleForReading.readDataToEndOfFile() }
        process.waitUntilExit()
        group.wait()
        let signaled = process.terminationReason == .uncaughtSignal
        return Result(
            status: signaled ? -1 : process.terminationStatus,
            signal: signaled ? process.terminationStatus : nil,
            stdout: String(decoding: stdoutData, as: UTF8.self),
            stderr: String(decoding: stderrData, as: UTF8.self))
    }
}
