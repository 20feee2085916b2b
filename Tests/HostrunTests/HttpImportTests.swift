import Foundation
@testable import TestHarness
import Testing

/// `hostrun import dvcqg URL`, the real binary against a real HTTP server on 127.0.0.1 serving
/// the connector's recorded pages: the paged sync lands every dossier once with the token,
/// again changes nothing, a failing page or a refused host writes nothing and says why.
@Suite struct HttpImportTests {
    typealias Response = FakeHTTPServer.Response
    static let path = "/dongbo/hoso"
    static let token = "bi-mat-0123"

    static func page(_ number: Int) throws -> Response {
        let file = ImportCommandTests.fixture("dvcqg/api/trang-\(number).json")
        return Response(status: 200, headers: [("Content-Type", "application/json")],
                        body: [UInt8](try Data(contentsOf: URL(fileURLWithPath: file))), delay: 0)
    }

    /// A server answering the three recorded pages, with `changes` (by page) instead of some.
    static func server(_ changes: [Int: Response] = [:]) throws -> FakeHTTPServer {
        var routes: [String: [Response]] = [:]
        for number in 1...3 {
            routes["\(path)?page=\(number)&size=100"] = [try changes[number] ?? page(number)]
        }
        return try FakeHTTPServer(routes: routes, lifetime: 60)
    }

    static func importing(_ workspace: ImportCommandTests.Workspace, _ source: String, connector: String = "dvcqg",
                          _ flags: [String] = []) throws -> HostrunBinary.Result {
        try HostrunBinary.run(["import", connector, source, "--db", workspace.store,
                               "--plugin-path", ImportCommandTests.connectors] + flags,
                              environment: ["DVCQG_TOKEN": token])
    }

    @Test func aPagedSyncLandsEveryDossierOnceWithTheTokenAndAgainChangesNothing() throws {
        let server = try Self.server()
        defer { server.stop() }
        let workspace = try ImportCommandTests.Workspace()
        let url = server.url + Self.path
        let first = try Self.importing(workspace, url, ["--json"])
        #expect(first.status == 0, "\(first.stderr)")
        let result = try #require(JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any])
        #expect(result["inserted"] as? Int == 7 && result["rejected"] as? Int == 0)
        #expect(try workspace.written().records == 7)
        #expect(server.requests.map(\.target) == (1...3).map { "\(Self.path)?page=\($0)&size=100" })
        #expect(server.requests.allSatisfy { $0.headers.contains { $0 == ("authorization", "Bearer \(Self.token)") } })

        let again = try Self.importing(workspace, url)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("inserted 0, updated 0, unchanged 7, rejected 0"), "\(again.stdout)")
        #expect(try workspace.written().records == 7)
    }

    /// A page that fails, and what the error must say after the page's URL.
    static let failures: [(page: Int, response: Response, flags: [String], message: String)] = [
        (3, Response(status: 500, headers: [], body: Array("Lỗi hệ thống".utf8), delay: 0), [], " (page 3): HTTP 500 Lỗi hệ thống"),
        (1, Response(status: 401, headers: [], body: [], delay: 0), [],
         " (page 1): HTTP 401: the portal refused the token (is DVCQG_TOKEN set, granted and valid?)"),
        (3, Response(status: 200, headers: [], body: Array(#"{"TongSoTrang": 3, "data": [ {"MaHoSo": "#.utf8), delay: 0), [],
         " (page 3): json.decode: line 1, column 41: expected a value, found the end of the text"),
        (2, Response(status: 200, headers: [], body: [], delay: 5), ["--option", "timeout=2"], ": no answer within 2 s (timeout)"),
    ]

    @Test(arguments: failures.indices)
    func aFailingPageWritesNothingAndNamesThePage(_ index: Int) throws {
        let failure = Self.failures[index]
        let server = try Self.server([failure.page: failure.response])
        defer { server.stop() }
        let workspace = try ImportCommandTests.Workspace()
        let result = try Self.importing(workspace, server.url + Self.path, failure.flags)
        #expect(result.status == 1)
        let url = "\(server.url)\(Self.path)?page=\(failure.page)&size=100"
        #expect(result.stderr.contains(url + failure.message), "\(result.stderr)")
        #expect(result.stderr.contains("nothing was written"))
        #expect(try workspace.written().records == 0)
    }

    @Test func aHostNotGrantedIsRefusedBeforeAnyRequest() throws {
        let server = try Self.server()
        defer { server.stop() }
        let workspace = try ImportCommandTests.Workspace()
        let url = server.url + Self.path
        let files = try Self.importing(workspace, url, connector: "canonical")
        #expect(files.status == 1)
        #expect(files.stderr.contains("\(url): connector 'canonical' reads files, not URLs (its manifest grants no hosts)"), "\(files.stderr)")

        let policy = workspace.folder + "/policy.lua"
        try Data("return { deny = { hosts = { \"127.0.0.1\" } } }".utf8).write(to: URL(fileURLWithPath: policy))
        let denied = try Self.importing(workspace, url, ["--policy", policy])
        #expect(denied.status == 1)
        #expect(denied.stderr.contains("\(url): host '127.0.0.1:\(server.port)' is denied to 'dvcqg' by the operator's policy"), "\(denied.stderr)")

        let scheme = try Self.importing(workspace, "ftp://127.0.0.1/x")
        #expect(scheme.status == 1)
        #expect(server.requests.isEmpty)
        #expect(try workspace.written().records == 0)
    }

    @Test func aTokenThePolicyWithholdsIsSaidSoBeforeAnyRequest() throws {
        let server = try Self.server()
        defer { server.stop() }
        let workspace = try ImportCommandTests.Workspace()
        let policy = workspace.folder + "/policy.lua"
        try Data("return { plugins = { dvcqg = { deny = { env = true } } } }".utf8).write(to: URL(fileURLWithPath: policy))
        let result = try Self.importing(workspace, server.url + Self.path, ["--policy", policy])
        #expect(result.status == 1)
        #expect(result.stderr.contains("dvcqg: the operator's policy withholds DVCQG_TOKEN, the API's token"), "\(result.stderr)")
        #expect(server.requests.isEmpty)
    }

    @Test func aRedirectToAnotherHostIsRefused() throws {
        let server = try Self.server()
        defer { server.stop() }
        let elsewhere = "http://localhost:\(server.port)\(Self.path)?page=1&size=100"
        server.setRoute("\(Self.path)?page=1&size=100", [Response(status: 302, headers: [("Location", elsewhere)], body: [], delay: 0)])
        let workspace = try ImportCommandTests.Workspace()
        let result = try Self.importing(workspace, server.url + Self.path)
        #expect(result.status == 1)
        #expect(result.stderr.contains("redirected to \(elsewhere), but host 'localhost:\(server.port)' is not granted"), "\(result.stderr)")
        #expect(server.requests.count == 1)
        #expect(try workspace.written().records == 0)
    }
}
