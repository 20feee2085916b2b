import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
@testable import TestHarness
import Testing

/// The host's world in spec files (store, fixtures through connectors, the clock, plugins, the
/// fake HTTP server, coverage), run as the real binary on the specs of Tests/TestHarness/world.
@Suite struct TestWorldTests {
    typealias Run = TestCommandTests.Run

    /// `hostrun test ARGUMENTS` in the package's root, with the harness's fixture plugins
    /// (`tiny-csv`) on HOSTRUN_PLUGINS and `temporary` (when given) as TMPDIR.
    func hostrun(_ arguments: [String], temporary: URL? = nil) throws -> Run {
        var environment = ["HOSTRUN_PLUGINS": "Tests/TestHarness/fixtures-plugins"]
        if let temporary { environment["TMPDIR"] = temporary.path }
        let result = try HostrunBinary.run(["test", "-C", TestCommandTests.root.path] + arguments, environment: environment)
        #expect(result.signal == nil, "hostrun test died of signal \(result.signal ?? 0)")
        return Run(status: result.status, output: result.stdout, error: result.stderr)
    }

    @Test func storeFixturesAndFreshStoresPerTest() throws {
        let run = try hostrun(["Tests/TestHarness/world/store_spec.lua"])
        #expect(run.status == 0, "\(run.output)\(run.error)")
        #expect(run.lastLine == "13 passed, 0 failed")
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
        #expect(run.lastLine == "5 passed, 0 failed")
    }

    @Test func rowsGoThroughTheHostsChecksIntoTheStore() throws {
        let run = try hostrun(["Tests/TestHarness/world/rows_spec.lua"])
        #expect(run.status == 0, "\(run.output)\(run.error)")
        #expect(run.lastLine == "5 passed, 0 failed")
    }

    @Test func checksRunAsHostrunCheckRunsThem() throws {
        let run = try hostrun(["Tests/TestHarness/world/check_spec.lua"])
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

    // MARK: The fake HTTP server

    /// GET or POST `url` with a minimal client (URLSession): status, body and headers.
    func fetch(_ url: String, method: String = "GET", body: String? = nil) throws -> (Int, String, [String: String]) {
        var request = URLRequest(url: URL(string: url)!)
        request.httpMethod = method
        request.httpBody = body.map { Data($0.utf8) }
        nonisolated(unsafe) var outcome: (Int, String, [String: String])?
        nonisolated(unsafe) var failure: (any Error)?
        let done = DispatchSemaphore(value: 0)
        URLSession.shared.dataTask(with: request) { data, response, error in
            if let error { failure = error }
            if let http = response as? HTTPURLResponse {
                let headers = Dictionary(uniqueKeysWithValues: http.allHeaderFields.map { ("\($0.key)".lowercased(), "\($0.value)") })
                outcome = (http.statusCode, String(decoding: data ?? Data(), as: UTF8.self), headers)
            }
            done.signal()
        }.resume()
        done.wait()
        if let failure { throw failure }
        return try #require(outcome)
    }

    func response(_ status: Int, _ body: String, headers: [(String, String)] = [], delay: Double = 0) -> FakeHTTPServer.Response {
        FakeHTTPServer.Response(status: status, headers: headers, body: Array(body.utf8), delay: delay)
    }

    @Test func fakeServerAnswersByRouteAndRecordsRequests() throws {
        let server = try FakeHTTPServer(routes: [
            "/api/hoso?page=1": [response(200, #"{"items":[1,2]}"#, headers: [("Content-Type", "application/json")])],
            "/api/hoso": [response(200, "any page")],
            "POST /api/token": [response(201, "tok")],
            "/flaky": [response(503, "busy"), response(200, "ok")],
        ], lifetime: 30)
        defer { server.stop() }
        #expect(server.url.hasPrefix("http://127.0.0.1:") && server.port > 0)

        let (status, body, headers) = try fetch(server.url + "/api/hoso?page=1")
        #expect(status == 200 && body == #"{"items":[1,2]}"#)
        #expect(headers["content-type"] == "application/json")
        #expect(try fetch(server.url + "/api/hoso?page=7").1 == "any page")
        #expect(try fetch(server.url + "/api/token", method: "POST", body: "user=lan").0 == 201)
        #expect(try fetch(server.url + "/api/token").0 == 404)
        let missing = try fetch(server.url + "/nowhere?x=1")
        #expect(missing.0 == 404 && missing.1 == "fake_http: no route for GET /nowhere?x=1\n")
        #expect(try [fetch(server.url + "/flaky"), fetch(server.url + "/flaky"), fetch(server.url + "/flaky")].map(\.0) == [503, 200, 200])

        let requests = server.requests
        #expect(requests.map(\.target) == ["/api/hoso?page=1", "/api/hoso?page=7", "/api/token", "/api/token",
                                           "/nowhere?x=1", "/flaky", "/flaky", "/flaky"])
        #expect(requests[2].method == "POST" && String(decoding: requests[2].body, as: UTF8.self) == "user=lan")
        #expect(requests[1].path == "/api/hoso" && requests[1].query == "page=7")
        #expect(requests[0].headers.contains { $0.0 == "host" && $0.1 == "127.0.0.1:\(server.port)" })
    }

    @Test func fakeServerStopsAndItsLifetimeEnds() throws {
        let stopped = try FakeHTTPServer(routes: ["/": [response(200, "hi")]], lifetime: 30)
        #expect(try fetch(stopped.url + "/").1 == "hi")
        stopped.stop()
        #expect(throws: (any Error).self) { try fetch(stopped.url + "/") }

        let brief = try FakeHTTPServer(routes: ["/": [response(200, "hi")]], lifetime: 0.2)
        Thread.sleep(forTimeInterval: 0.5)
        #expect(throws: (any Error).self) { try fetch(brief.url + "/") }
        brief.stop()
    }

    @Test func specsStartServersAndCheckTheirRoutes() throws {
        let run = try hostrun(["Tests/TestHarness/world/fake_http_spec.lua"])
        #expect(run.status == 0, "\(run.output)\(run.error)")
        #expect(run.lastLine == "4 passed, 0 failed")
    }

    // MARK: Coverage

    @Test func coverageIsWrittenAsLCOVLineByLine() throws {
        let lcov = FileManager.default.temporaryDirectory.appendingPathComponent("hostrun-lcov-\(UUID().uuidString).info")
        defer { try? FileManager.default.removeItem(at: lcov) }
        let run = try hostrun(["--coverage", "--coverage-file", lcov.path, "Tests/TestHarness/coverage"])
        #expect(run.status == 0, "\(run.output)\(run.error)")
        // Hits as lua5.4's own line hook counts them, on debug.getinfo's active lines.
        let expected = """
            TN:
            SF:Tests/TestHarness/coverage/tally.lua
            DA:2,1
            DA:4,1
            DA:5,2
            DA:6,1
            DA:7,1
            DA:8,1
            DA:10,0
            DA:11,1
            DA:13,1
            DA:14,1
            DA:15,4
            DA:16,3
            DA:17,1
            DA:18,1
            DA:19,1
            DA:21,1
            DA:22,0
            DA:23,0
            DA:24,1
            DA:26,1
            LF:20
            LH:17
            end_of_record

            """
        #expect(try String(contentsOf: lcov, encoding: .utf8) == expected)
        #expect(run.output.hasSuffix("""
            Coverage (LCOV in \(lcov.path)):
            Tests/TestHarness/coverage/tally.lua: 17/20 lines (85.0%)
            Total: 17/20 lines (85.0%)

            """))
    }

    @Test func coverageNamesPluginFilesByTheirPathsAndLeavesOutSpecsAndTheHarness() throws {
        let lcov = FileManager.default.temporaryDirectory.appendingPathComponent("hostrun-lcov-\(UUID().uuidString).info")
        defer { try? FileManager.default.removeItem(at: lcov) }
        let run = try hostrun(["--coverage", "--coverage-file", lcov.path, "Tests/TestHarness/world/plugin_spec.lua"])
        #expect(run.status == 0, "\(run.output)\(run.error)")
        let files = try String(contentsOf: lcov, encoding: .utf8).split(separator: "\n").filter { $0.hasPrefix("SF:") }
        #expect(files == ["SF:Tests/TestHarness/fixtures-plugins/tiny-check/init.lua",
                          "SF:Tests/TestHarness/fixtures-plugins/tiny-csv/init.lua"])
    }

    @Test func coverageCountsTheFilesAPluginRequires() throws {
        let lcov = FileManager.default.temporaryDirectory.appendingPathComponent("hostrun-lcov-\(UUID().uuidString).info")
        defer { try? FileManager.default.removeItem(at: lcov) }
        let run = try hostrun(["--coverage", "--coverage-file", lcov.path, "Plugins/connectors/dkkd"])
        #expect(run.status == 0, "\(run.output)\(run.error)")
        let files = try String(contentsOf: lcov, encoding: .utf8).split(separator: "\n").filter { $0.hasPrefix("SF:") }
        // dkkd's entry file requires columns.lua and the others: each is named under its plugin.
        #expect(files.contains("SF:Plugins/connectors/dkkd/init.lua"))
        #expect(files.contains("SF:Plugins/connectors/dkkd/columns.lua"), "\(files)")
    }
}
