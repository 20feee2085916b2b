import Foundation
import HostAPI
import LuaBridge
import Sandbox
@testable import TestHarness
import Testing

/// The `http` module through real scripts against a real server on 127.0.0.1: present only
/// when hosts are granted, usable only for them, bounded, and clear when it fails.
@Suite struct HttpModuleTests {
    typealias Response = FakeHTTPServer.Response

    static func ok(_ body: String, headers: [(String, String)] = [("Content-Type", "application/json")]) -> Response {
        Response(status: 200, headers: headers, body: Array(body.utf8), delay: 0)
    }

    /// A world whose scripts may reach `server` (host and port).
    static func granted(_ world: ScriptWorld, _ server: FakeHTTPServer, limits: HttpLimits = .default) -> HostEnvironment {
        HostEnvironment(clock: world.clock, log: HostLog(level: .debug, sink: world.log),
                        capabilities: Capabilities(networkHosts: ["127.0.0.1:\(server.port)"]), httpLimits: limits)
    }

    @Test func theModuleExistsOnlyWhenAHostIsGranted() throws {
        let world = try ScriptWorld()
        #expect(world.failure("return http")?.message.contains("undefined global 'http'") == true)
        let environment = world.environment(capabilities: Capabilities(networkHosts: ["api.example.vn"]))
        #expect(try world.run("print(type(http.get), type(http.request))", environment: environment) == "function\tfunction\n")
    }

    @Test func aHostNotGrantedIsRefusedByNameBeforeAnyConnection() throws {
        let world = try ScriptWorld()
        let environment = world.environment(capabilities: Capabilities(networkHosts: ["api.example.vn"]))
        let error = world.failure("local x = 1\nhttp.get('https://evil.example.org/x')", environment: environment)
        #expect(error?.message.hasPrefix("script.lua:2: http.get: host 'evil.example.org' is not granted (granted: api.example.vn;") == true)
        // Exact host[:port]: another port, a sub-domain or another scheme's URL are not the grant.
        for url in ["https://api.example.vn:8443/x", "https://www.api.example.vn/x"] {
            let refused = world.failure("http.get('\(url)')", environment: environment)
            #expect(refused?.message.contains("is not granted") == true, "\(url)")
        }
        let scheme = world.failure("http.get('ftp://api.example.vn/x')", environment: environment)
        #expect(scheme?.message.contains("bad argument #1 to 'http.get' ('ftp://api.example.vn/x' is not an http:// or https:// URL)") == true)
    }

    @Test func argumentsAreCheckedByNameAndFunction() throws {
        let world = try ScriptWorld()
        let environment = world.environment(capabilities: Capabilities(networkHosts: ["api.example.vn"]))
        let cases: [(String, String)] = [
            ("http.get(42)", "bad argument #1 to 'http.get' (string expected, got number)"),
            ("http.get('https://api.example.vn', {heders = {}})", "bad argument #2 to 'http.get' (unknown field 'heders')"),
            ("http.get('https://api.example.vn', {timeout = -1})", "(field 'timeout': must be a positive number of seconds)"),
            ("http.get('https://api.example.vn', {query = {page = {}}})", "(field 'query': the value of 'page' must be a string, number or boolean)"),
            ("http.get('https://api.example.vn', {headers = {['a b'] = 'x'}})", "(field 'headers': 'a b' is not a header name (letters, digits and -))"),
            ("http.get('https://api.example.vn', {headers = {X = 'a\\r\\nHost: evil'}})", "(field 'headers': the value of 'X' holds a line break)"),
            ("http.get('https://api.example.vn', {max_bytes = 0})", "(field 'max_bytes': must be from 1 to 67108864)"),
            ("http.request('https://api.example.vn')", "bad argument #1 to 'http.request' (table expected, got string)"),
            ("http.request{method = 'GET'}", "bad argument #1 to 'http.request' (field 'url': a URL is required)"),
            ("http.request{url = 'https://api.example.vn', method = 'get'}", "(field 'method': 'get' is not a method such as GET or POST (upper case))"),
            ("http.request{url = 'https://u:p@api.example.vn'}", "(field 'url': a URL with a user name or password is refused"),
        ]
        for (script, message) in cases {
            let error = world.failure(script, environment: environment)
            #expect(error?.message.contains(message) == true, "\(script): \(error?.message ?? "no error")")
        }
    }

    @Test func aResponseIsATableWithStatusHeadersBodyAndJSON() throws {
        let world = try ScriptWorld()
        let server = try FakeHTTPServer(routes: [
            "/hoso?ma=H%C6%B0ng%20%C4%90%E1%BA%A1o&page=2": [Self.ok(#"{"data": [1, 2], "ten": "Hưng Đạo"}"#)],
            "/missing": [Response(status: 404, headers: [("X-Reason", "gone")], body: Array("không có".utf8), delay: 0)],
            "POST /echo": [Self.ok("created")],
        ], lifetime: 30)
        defer { server.stop() }
        let output = try world.run("""
            local res = http.get("\(server.url)/hoso", { query = { page = 2, ma = "Hưng Đạo" }, headers = { Authorization = "Bearer t" } })
            print(res.status, res.ok, res.headers["content-type"], #res:json().data, res:json().ten)
            local missing = http.get("\(server.url)/missing")
            print(missing.status, missing.ok, missing.headers["x-reason"], missing.body)
            local posted = http.request{ method = "POST", url = "\(server.url)/echo", body = "{}", headers = { ["Content-Type"] = "application/json" } }
            print(posted.status, posted.body)
            local ok, err = pcall(missing.json, missing)
            print(err)
            """, environment: Self.granted(world, server))
        let lines = output.split(separator: "\n").map(String.init)
        #expect(lines[0] == "200\ttrue\tapplication/json\t2\tHưng Đạo")
        #expect(lines[1] == "404\tfalse\tgone\tkhông có")
        #expect(lines[2] == "200\tcreated")
        #expect(lines[3].contains("HttpResponse:json: GET \(server.url)/missing: not JSON: line 1, column 1"))
        let requests = server.requests
        #expect(requests[0].headers.contains { $0 == ("authorization", "Bearer t") })
        #expect(requests[2].method == "POST" && requests[2].body == Array("{}".utf8))
    }

    @Test func redirectsAreFollowedOnlyToGrantedHosts() throws {
        let world = try ScriptWorld()
        let server = try FakeHTTPServer(routes: [:], lifetime: 30)
        defer { server.stop() }
        server.setRoute("/moved", [Response(status: 302, headers: [("Location", "\(server.url)/here")], body: [], delay: 0)])
        server.setRoute("/here", [Self.ok("arrived")])
        let elsewhere = "http://localhost:\(server.port)/here"
        server.setRoute("/away", [Response(status: 302, headers: [("Location", elsewhere)], body: [], delay: 0)])
        let environment = Self.granted(world, server)
        #expect(try world.run("print(http.get('\(server.url)/moved').body)", environment: environment) == "arrived\n")
        let error = world.failure("http.get('\(server.url)/away')", environment: environment)
        #expect(error?.message == "script.lua:1: http.get: GET \(server.url)/away: redirected to \(elsewhere), but host 'localhost:\(server.port)' is not granted")
        #expect(!server.requests.contains { $0.headers.contains { $0.0 == "host" && $0.1.hasPrefix("localhost") } })
    }

    @Test func bodiesAreCappedAndEveryByteIsCounted() throws {
        let world = try ScriptWorld()
        let big = String(repeating: "x", count: 10_000)
        let server = try FakeHTTPServer(routes: ["/big": [Self.ok(big)], "/small": [Self.ok("12345")]], lifetime: 30)
        defer { server.stop() }
        let environment = Self.granted(world, server, limits: HttpLimits(responseBytes: 8_000))
        let capped = world.failure("http.get('\(server.url)/big')", environment: environment)
        #expect(capped?.message == "script.lua:1: http.get: GET \(server.url)/big: the response is larger than 8000 bytes (one response's limit)")
        let asked = world.failure("http.get('\(server.url)/small', {max_bytes = 4})", environment: environment)
        #expect(asked?.message.hasSuffix("the response is larger than 4 bytes (max_bytes)") == true)

        let counted = Self.granted(world, server, limits: HttpLimits(totalBytes: 10_010))
        #expect(try world.run("print(#http.get('\(server.url)/small').body)", environment: counted) == "5\n")
        #expect(counted.httpUsage.received == 5 && counted.httpUsage.requests == 1)
        // 10 010 - 5 bytes are left for the run: 15 sent and 10 000 received pass it.
        let budget = world.failure("http.request{method = 'POST', url = '\(server.url)/big', body = string.rep('y', 15)}", environment: counted)
        #expect(budget?.message.hasSuffix("the response is larger than 9990 bytes (the run's network limit of 10010 bytes)") == true,
                "\(budget?.message ?? "")")
        // A refused answer still cost its request: the 15 bytes sent count against the run.
        #expect(counted.httpUsage.sent == 15 && counted.httpUsage.requests == 2)
    }

    @Test func aSlowServerEndsInATimeoutNamingTheURLWithinTheScriptsTimeLimit() throws {
        let world = try ScriptWorld()
        let server = try FakeHTTPServer(routes: ["/slow": [Response(status: 200, headers: [], body: [], delay: 3)]], lifetime: 30)
        defer { server.stop() }
        let environment = Self.granted(world, server)
        let timedOut = world.failure("http.get('\(server.url)/slow', {timeout = 0.2})", environment: environment)
        #expect(timedOut?.message == "script.lua:1: http.get: GET \(server.url)/slow: no answer within 0.2 s (timeout)")
        // The script's own limit is shorter than the default 30 s: the request waits no longer.
        let sandbox = try environment.makeSandbox(limits: Limits(wallTime: 1), output: CapturedOutput())
        let started = Date()
        #expect(throws: LuaError.self) {
            try sandbox.run(source: Array("http.get('\(server.url)/slow')".utf8), name: "=limit", scriptName: "limit")
        }
        #expect(Date().timeIntervalSince(started) < 2.5)
    }

    @Test func aNetworkFailureNamesTheURL() throws {
        let world = try ScriptWorld()
        let server = try FakeHTTPServer(routes: [:], lifetime: 30)
        let url = server.url
        server.stop()   // nothing listens on that port any more
        let environment = Self.granted(world, server)
        let error = world.failure("http.get('\(url)/x')", environment: environment)
        #expect(error?.message.hasPrefix("script.lua:1: http.get: GET \(url)/x: ") == true, "\(error?.message ?? "")")
    }
}
