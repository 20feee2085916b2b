import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A small HTTP/1.1 server on 127.0.0.1 for connector specs: it answers from a table of routes
/// and records every request, so a spec can check what a connector asked for without a network.
///
/// It listens on a random port from ``start(routes:lifetime:)`` until ``stop()`` or the end of
/// its lifetime, whichever comes first; the test harness stops it when the spec file ends. One
/// thread accepts connections and answers them one at a time, each with `Connection: close`.
final class FakeHTTPServer: @unchecked Sendable {
    /// What a route answers; a route with several answers gives them in turn, then the last again.
    struct Response: Sendable {
        var status: Int
        var headers: [(String, String)]
        var body: [UInt8]
        /// Seconds to wait before answering (a slow server), at most ``FakeHTTPServer/maximumDelay``.
        var delay: Double
    }

    /// A request as it arrived.
    struct Request: Sendable {
        var method: String
        /// Path and query, as sent (`/api/hoso?page=1`).
        var target: String
        /// Header names in lower case.
        var headers: [(String, String)]
        var body: [UInt8]

        var path: String { String(target.prefix { $0 != "?" }) }
        var query: String? { target.firstIndex(of: "?").map { String(target[target.index(after: $0)...]) } }
    }

    /// The port it listens on.
    let port: UInt16
    var url: String { "http://127.0.0.1:\(port)" }

    // `routes`, `served`, `recorded` and `stopped` are guarded by `lock`.
    private let lock = NSLock()
    private var routes: [String: [Response]]
    private var served: [String: Int] = [:]
    private var recorded: [Request] = []
    private var stopped = false
    private let socket: Int32
    private let deadline: Date
    private let finished = DispatchSemaphore(value: 0)

    /// Longest request accepted, headers and body together.
    static let maximumRequest = 8 << 20
    /// Longest wait before an answer: long enough to pass any client timeout a spec sets, short
    /// enough that one slow route cannot hold the spec file's end (which waits for the answer).
    static let maximumDelay = 10.0

    /// Listens on a random port of 127.0.0.1 and starts answering.
    ///
    /// - Parameters:
    ///   - routes: answers by `"METHOD /path?query"`, `"/path?query"`, `"METHOD /path"` or
    ///     `"/path"`, tried in that order; anything else gets a 404 naming the request.
    ///   - lifetime: seconds after which it stops by itself.
    init(routes: [String: [Response]], lifetime: Double) throws {
        self.routes = routes
        deadline = Date().addingTimeInterval(lifetime)
        socket = try Self.listen()
        port = try Self.port(of: socket)
        let thread = Thread { [self] in
            serve()
            finished.signal()
        }
        thread.name = "hostrun fake_http \(port)"
        thread.start()
    }

    /// Adds or replaces a route.
    func setRoute(_ key: String, _ responses: [Response]) {
        lock.withLock {
            routes[key] = responses
            served[key] = 0
        }
    }

    /// The requests received so far, oldest first.
    var requests: [Request] { lock.withLock { recorded } }

    /// Stops listening and waits for the serving thread to end (at most one request's time).
    func stop() {
        let first = lock.withLock { () -> Bool in
            defer { stopped = true }
            return !stopped
        }
        if first { finished.wait() }
    }

    // MARK: Serving

    private var isStopped: Bool { lock.withLock { stopped } }

    private func serve() {
        defer { close(socket) }
        while !isStopped && Date() < deadline {
            var entry = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            guard poll(&entry, 1, 50) > 0 else { continue }
            let client = accept(socket, nil, nil)
            guard client >= 0 else { continue }
            answer(client)
            close(client)
        }
    }

    private func answer(_ client: Int32) {
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        guard let request = read(client) else {
            write(client, Response(status: 400, headers: [], body: Array("fake_http: unreadable request\n".utf8), delay: 0))
            return
        }
        let response = lock.withLock { () -> Response in
            recorded.append(request)
            let keys = [request.method + " " + request.target, request.target, request.method + " " + request.path, request.path]
            guard let key = keys.first(where: { routes[$0] != nil }), let answers = routes[key], !answers.isEmpty else {
                return Response(status: 404, headers: [("Content-Type", "text/plain")],
                                body: Array("fake_http: no route for \(request.method) \(request.target)\n".utf8), delay: 0)
            }
            let index = served[key, default: 0]
            served[key] = index + 1
            return answers[min(index, answers.count - 1)]
        }
        if response.delay > 0 { Thread.sleep(forTimeInterval: min(response.delay, Self.maximumDelay)) }
        write(client, response)
    }

    /// Reads one request: the head up to the blank line, then `Content-Length` bytes of body.
    private func read(_ client: Int32) -> Request? {
        var data: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 16 << 10)
        let separator: [UInt8] = Array("\r\n\r\n".utf8)
        var headEnd: Int?
        var bodyLength = 0
        while data.count < Self.maximumRequest {
            if headEnd == nil, let end = Self.find(separator, in: data) {
                headEnd = end
                bodyLength = Self.contentLength(String(decoding: data[..<end], as: UTF8.self)) ?? 0
            }
            if let headEnd, data.count >= headEnd + 4 + bodyLength { break }
            let count = recv(client, &buffer, buffer.count, 0)
            // A signal meant for another thread of the process (a test's SIGTERM) is no hang-up.
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { return nil }
            data.append(contentsOf: buffer[..<count])
        }
        guard let headEnd else { return nil }
        let lines = String(decoding: data[..<headEnd], as: UTF8.self).components(separatedBy: "\r\n")
        let parts = lines[0].split(separator: " ")
        guard parts.count == 3, parts[2].hasPrefix("HTTP/1.") else { return nil }
        let headers = lines.dropFirst().compactMap { line -> (String, String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (line[..<colon].lowercased(), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        let body = Array(data[(headEnd + 4)...].prefix(bodyLength))
        return Request(method: String(parts[0]), target: String(parts[1]), headers: headers, body: body)
    }

    private func write(_ client: Int32, _ response: Response) {
        var head = "HTTP/1.1 \(response.status) \(Self.reason(response.status))\r\n"
        for (name, value) in response.headers { head += "\(name): \(value)\r\n" }
        head += "Content-Length: \(response.body.count)\r\nConnection: close\r\n\r\n"
        var bytes = Array(head.utf8) + response.body
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeMutableBytes { send(client, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL)) }
            if sent < 0 && errno == EINTR { continue }
            if sent <= 0 { return }
            offset += sent
        }
    }

    // MARK: Helpers

    private static func listen() throws -> Int32 {
        #if canImport(Glibc)
        let fd = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = Darwin.socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw SpecWorldError("fake_http: cannot open a socket (errno \(errno))") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        #if canImport(Glibc)
        let listening = bound == 0 ? Glibc.listen(fd, 16) : -1
        #else
        let listening = bound == 0 ? Darwin.listen(fd, 16) : -1
        #endif
        guard listening == 0 else {
            close(fd)
            throw SpecWorldError("fake_http: cannot listen on 127.0.0.1 (errno \(errno))")
        }
        return fd
    }

    private static func port(of fd: Int32) throws -> UInt16 {
        var address = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let status = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard status == 0 else {
            close(fd)
            throw SpecWorldError("fake_http: cannot read the port (errno \(errno))")
        }
        return UInt16(bigEndian: address.sin_port)
    }

    private static func find(_ needle: [UInt8], in data: [UInt8]) -> Int? {
        guard data.count >= needle.count else { return nil }
        for start in 0...(data.count - needle.count) where data[start..<(start + needle.count)].elementsEqual(needle) {
            return start
        }
        return nil
    }

    private static func contentLength(_ head: String) -> Int? {
        for line in head.components(separatedBy: "\r\n").dropFirst() {
            let parts = line.split(separator: ":", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == "content-length" {
                return Int(parts[1].trimmingCharacters(in: .whitespaces))
            }
        }
        return nil
    }

    private static func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 201: "Created"
        case 204: "No Content"
        case 301: "Moved Permanently"
        case 302: "Found"
        case 304: "Not Modified"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        default: "Status"
        }
    }
}
