import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

/// `hostrun test`, run as the real binary on the harness's own specs, on the deliberately
/// failing fixture and on small projects made on the fly.
@Suite struct TestCommandTests {
    /// The package's root folder (specs are named relative to it, as busted names them).
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    struct Run {
        var status: Int32
        var output: String
        var error: String
        var lines: [String] { output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
        /// The last non-empty line.
        var lastLine: String { lines.last { !$0.isEmpty } ?? "" }
    }

    /// `hostrun test ARGUMENTS` run in `folder` (through `-C`).
    func hostrun(_ arguments: [String], in folder: URL = root) throws -> Run {
        let result = try HostrunBinary.run(["test", "-C", folder.path] + arguments)
        #expect(result.signal == nil, "hostrun test died of signal \(result.signal ?? 0)")
        return Run(status: result.status, output: result.stdout, error: result.stderr)
    }

    /// A folder with the given files (path → contents), removed by the caller.
    func project(_ files: [String: String]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hostrun-test-\(UUID().uuidString)")
        for (path, contents) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try contents.write(to: url, atomically: true, encoding: .utf8)
        }
        return folder
    }

    func matches(_ text: String, _ pattern: String) -> Bool {
        text.range(of: pattern, options: .regularExpression) != nil
    }

    // MARK: The harness's own specs

    @Test func greenSpecsPassAndEndWithTheSummaryLine() throws {
        let run = try hostrun(["Tests/TestHarness/specs"])
        #expect(run.status == 0, "\(run.output)\(run.error)")
        #expect(matches(run.lastLine, #"^[1-9][0-9]* passed, 0 failed, 2 skipped$"#), "\(run.lastLine)")
    }

    @Test func harnessOnlySpecsPassInTheSandbox() throws {
        let run = try hostrun(["Tests/TestHarness/internal"])
        #expect(run.status == 0, "\(run.output)\(run.error)")
        #expect(matches(run.lastLine, #"^[1-9][0-9]* passed, 0 failed$"#), "\(run.lastLine)")
    }

    // MARK: The failing fixture

    @Test func failingFixtureShowsFileLineAndDiffAndExitsNonZero() throws {
        let run = try hostrun(["Tests/TestHarness/failing"])
        #expect(run.status == 1)
        let text = run.output
        #expect(text.contains("Failure -> Tests/TestHarness/failing/failing_spec.lua @ 16"))
        #expect(text.contains("Tests/TestHarness/failing/failing_spec.lua:18: Expected objects to be the same."))
        #expect(text.contains("Difference (- expected, + actual):\n  {\n-   late = 2,\n-   on_time = 1,"))
        #expect(text.contains("+   late = 1,\n+   on_time = 2,\n  }"))
        #expect(text.contains("Error -> Tests/TestHarness/failing/failing_spec.lua @ 42\na hook that errors before_each"))
        #expect(text.contains("Tests/TestHarness/specs/helpers/dossiers.lua:23: HS-9 took 40 days"))
        #expect(text.contains("(from Tests/TestHarness/failing/helper_fail_spec.lua:3)"))
        #expect(run.lastLine == "1 passed, 8 failed, 1 skipped")
    }

    @Test func tapListsEveryOutcomeThenThePlanThenTheSummary() throws {
        let run = try hostrun(["-o", "tap", "Tests/TestHarness/failing/failing_spec.lua"])
        #expect(run.status == 1)
        let outcomes = run.lines.filter { matches($0, #"^(not )?ok [0-9]+ - "#) }
        #expect(outcomes.first == "not ok 1 - monthly summary counts dossiers on time and late")
        #expect(outcomes.contains("ok 2 - monthly summary passes"))
        #expect(outcomes.contains("ok 6 - # SKIP monthly summary waits for the calendar"))
        #expect(outcomes.count == 9)
        let lines = run.lines.filter { !$0.isEmpty }
        #expect(lines.suffix(2) == ["1..9", "1 passed, 7 failed, 1 skipped"])
        #expect(run.output.contains("# Tests/TestHarness/failing/failing_spec.lua @ 16\n# Failure message: Tests/TestHarness/failing/failing_spec.lua:18:"))
    }

    @Test func verboseAddsTheTracebackFromTheHost() throws {
        let run = try hostrun(["-v", "-o", "tap", "Tests/TestHarness/failing/helper_fail_spec.lua"])
        #expect(run.output.contains("# stack traceback:\n# \tTests/TestHarness/specs/helpers/dossiers.lua:23: in field 'assert_on_time'"))
    }

    @Test func junitGoesToTheOutputFile() throws {
        let folder = try project([:])
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = folder.appendingPathComponent("report.xml").path
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let run = try hostrun(["-o", "junit", "-O", report, "Tests/TestHarness/failing/failing_spec.lua"])
        #expect(run.status == 1)
        #expect(!run.output.contains("<testsuites"))
        let xml = try String(contentsOfFile: report, encoding: .utf8)
        #expect(xml.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"))
        #expect(xml.contains(#"<testsuites name="hostrun test" tests="9" failures="2" errors="5" skipped="1""#))
        #expect(xml.contains(#"<failure message="Tests/TestHarness/failing/failing_spec.lua:18: Expected objects to be the same.">"#))
        #expect(XMLParser(data: Data(xml.utf8)).parse(), "the report is well-formed XML")
    }

    @Test func jsonHasBustedsShape() throws {
        let run = try hostrun(["-o", "json", "Tests/TestHarness/failing/failing_spec.lua"])
        let object = try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any]
        #expect((object?["successes"] as? [Any])?.count == 1)
        #expect((object?["failures"] as? [Any])?.count == 2)
        #expect((object?["errors"] as? [Any])?.count == 5)
        #expect((object?["pendings"] as? [Any])?.count == 1)
        let failure = (object?["failures"] as? [[String: Any]])?.first
        #expect(failure?["name"] as? String == "monthly summary counts dossiers on time and late")
        #expect((failure?["diff"] as? String)?.hasPrefix("Difference (- expected, + actual):") == true)
    }

    // MARK: Options

    @Test func listNamesEveryTestWithItsLine() throws {
        let run = try hostrun(["--list", "Tests/TestHarness/specs/env_spec.lua"])
        #expect(run.status == 0)
        #expect(run.lines.first == "Tests/TestHarness/specs/env_spec.lua:5: globals in a describe are seen by its tests")
        #expect(run.lines.contains("Tests/TestHarness/specs/env_spec.lua:65: #tagged tests carry tags in their names #fast"))
    }

    @Test func tagsAndFiltersSelectTests() throws {
        let tagged = try hostrun(["--tags", "fast", "--list", "Tests/TestHarness/specs"])
        #expect(tagged.lines.filter { !$0.isEmpty } == ["Tests/TestHarness/specs/env_spec.lua:65: #tagged tests carry tags in their names #fast"])
        let excluded = try hostrun(["--exclude-tags", "slow,db", "--list", "Tests/TestHarness/specs/env_spec.lua"])
        #expect(!excluded.output.contains("#slow"))
        let filtered = try hostrun(["--filter", "^stub", "--list", "Tests/TestHarness/specs"])
        #expect(filtered.lines.filter { !$0.isEmpty }.allSatisfy { $0.contains(": stub ") })
    }

    @Test func shuffleWithASeedIsRepeatable() throws {
        let first = try hostrun(["--shuffle", "--seed", "42", "--list", "Tests/TestHarness/specs"])
        let again = try hostrun(["--shuffle", "--seed", "42", "--list", "Tests/TestHarness/specs"])
        let sorted = try hostrun(["--list", "Tests/TestHarness/specs"])
        #expect(first.output == again.output)
        #expect(first.output != sorted.output)
        #expect(Set(first.lines) == Set(sorted.lines))
        let failing = try hostrun(["--shuffle", "--seed", "42", "Tests/TestHarness/failing/failing_spec.lua"])
        #expect(failing.output.contains("Random seed: 42"))
    }

    @Test func bustedFileIsReadAndTheCommandLineWins() throws {
        let folder = try project([
            ".busted": """
                return {
                  default = { ROOT = { "checks" }, output = "TAP", ["exclude-tags"] = "slow" },
                  ci = { ROOT = { "checks" }, output = "json" },
                }
                """,
            "checks/a_spec.lua": """
                it("fast", function() assert.are.equal(2, 1 + 1) end)
                it("slow #slow", function() error("excluded by .busted") end)
                """,
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let fromFile = try hostrun([], in: folder)
        #expect(fromFile.status == 0)
        #expect(fromFile.lines.filter { !$0.isEmpty } == ["ok 1 - fast", "1..1", "1 passed, 0 failed"])
        let overridden = try hostrun(["-o", "terminal"], in: folder)
        #expect(overridden.lastLine == "1 passed, 0 failed")
        let task = try hostrun(["--run", "ci"], in: folder)
        #expect(task.status == 1)
        #expect(task.output.hasPrefix("{"))
    }

    @Test func filesRunInTheirOwnSandboxesAndTheirOutputStaysInOrder() throws {
        var files: [String: String] = [:]
        for index in 1...6 {
            files["spec/f\(index)_spec.lua"] = """
                shared = (shared or 0) + 1
                print("file \(index) sees shared = " .. shared)
                it("runs", function() assert.is_nil(io) ; assert.is_nil(debug) end)
                """
        }
        let folder = try project(files)
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try hostrun(["-o", "tap"], in: folder)
        #expect(run.status == 0, "\(run.output)\(run.error)")
        let printed = run.lines.filter { $0.hasPrefix("file ") }
        #expect(printed == (1...6).map { "file \($0) sees shared = 1" })
    }

    @Test func badOptionsAndMissingPathsAreReported() throws {
        let badOutput = try hostrun(["-o", "xml", "Tests/TestHarness/specs"])
        #expect(badOutput.status == 2)
        #expect(badOutput.error == "hostrun test: unknown output 'xml' (use terminal, tap, junit or json)\n")
        let missing = try hostrun(["no/such/folder"])
        #expect(missing.status == 1)
        #expect(missing.error == "hostrun test: Cannot find file or directory: no/such/folder\n")
        let none = try hostrun(["-p", "_nomatch", "Tests/TestHarness/specs"])
        #expect(none.error == "hostrun test: No test files found matching Lua pattern: _nomatch\n")
    }

    @Test func aFileThatDoesNotCompileIsAnError() throws {
        let folder = try project(["spec/broken_spec.lua": "describe('x', function(\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try hostrun([], in: folder)
        #expect(run.status == 1)
        #expect(run.output.contains("Error -> spec/broken_spec.lua @ 2\nspec/broken_spec.lua\nspec/broken_spec.lua:2: "))
        #expect(run.lastLine == "0 passed, 1 failed")
    }

    // MARK: Against Debian's busted

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/usr/bin/busted"), "needs Debian's lua-busted"))
    func sameOutcomesAsDebianBusted() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [Self.root.appendingPathComponent("Tests/TestHarness/compare-with-busted.sh").path,
                             "--hostrun", HostrunBinary.url.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(text.hasSuffix("harness and busted agree\n"))
    }
}
