import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A TCP server on 127.0.0.1 with a port the kernel picks, serving one connection at a time on
/// its own thread; every socket read is bounded so a confused test fails instead of hanging.
final class LoopbackServer: @unchecked Sendable {
    let port: UInt16
    private let fd: Int32
    private let thread: Thread

    init(handler: @escaping @Sendable (LoopbackConnection) -> Void) throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw LoopbackError.system("socket") }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(fd, 8) == 0 else { close(fd); throw LoopbackError.system("bind") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        port = UInt16(bigEndian: address.sin_port)
        self.fd = fd
        thread = Thread {
            while true {
                let client = accept(fd, nil, nil)
                // A signal meant for another thread of the test process interrupts accept too.
                if client < 0 { if errno == EINTR { continue } else { return } }
                let connection = LoopbackConnection(fd: client)
                handler(connection)
                connection.close()
            }
        }
        thread.start()
    }

    /// Stops accepting; the accept loop ends.
    func stop() {
        shutdown(fd, Int32(SHUT_RDWR))
        close(fd)
    }
}

enum LoopbackError: Error { case system(String), closed }

/// One accepted connection: line and byte reads with a 60-second limit, writes.
///
/// The limit only keeps a confused test from hanging: on a loaded machine the whole test process
/// can be held back for tens of seconds, and a shorter limit then reads as the client hanging up.
final class LoopbackConnection: @unchecked Sendable {
    private let fd: Int32
    private var buffer: [UInt8] = []

    init(fd: Int32) {
        self.fd = fd
        var limit = timeval(tv_sec: 60, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
    }

    /// A line without its CRLF, or `nil` when the peer closed or went quiet.
    func readLine() -> String? {
        while true {
            if let end = buffer.firstIndex(of: 0x0A) {
                var line = Array(buffer[..<end])
                buffer.removeFirst(end + 1)
                if line.last == 0x0D { line.removeLast() }
                return String(decoding: line, as: UTF8.self)
            }
            guard fill() else { return nil }
        }
    }

    func read(count: Int) -> [UInt8]? {
        while buffer.count < count {
            guard fill() else { return nil }
        }
        defer { buffer.removeFirst(count) }
        return Array(buffer[..<count])
    }

    func write(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    func close() {
        Glibc.close(fd)
    }

    private func fill() -> Bool {
        var chunk = [UInt8](repeating: 0, count: 4096)
        var n: Int
        repeat {
            n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        } while n < 0 && errno == EINTR
        guard n > 0 else { return false }
        buffer += chunk[..<n]
        return true
    }
}

/// An HTTP/1.1 server answering each request with the next status of a script (then 200),
/// keeping what it received.
final class TestHTTPServer: @unchecked Sendable {
    struct Request { let method: String; let path: String; let headers: [String: String]; let body: Data }

    private let lock = NSLock()
    private var script: [Int]
    private var received: [Request] = []
    private var server: LoopbackServer?

    init(statuses: [Int] = []) throws {
        script = statuses
        server = try LoopbackServer { [unowned self] connection in self.serve(connection) }
    }

    var url: URL { URL(string: "http://127.0.0.1:\(server!.port)/hooks/alerts")! }
    var requests: [Request] { lock.withLock { received } }
    func stop() { server?.stop() }

    private func serve(_ connection: LoopbackConnection) {
        guard let requestLine = connection.readLine() else { return }
        var headers: [String: String] = [:]
        while let line = connection.readLine(), !line.isEmpty {
            let parts = line.split(separator: ":", maxSplits: 1)
            if parts.count == 2 {
                headers[parts[0].lowercased()] = parts[1].trimmingCharacters(in: .whitespaces)
            }
        }
        if headers["expect"]?.lowercased() == "100-continue" {
            connection.write("HTTP/1.1 100 Continue\r\n\r\n")
        }
        let length = Int(headers["content-length"] ?? "0") ?? 0
        let body = Data(connection.read(count: length) ?? [])
        let words = requestLine.split(separator: " ")
        let status: Int = lock.withLock {
            received.append(Request(method: String(words.first ?? ""),
                                    path: words.count > 1 ? String(words[1]) : "",
                                    headers: headers, body: body))
            return script.isEmpty ? 200 : script.removeFirst()
        }
        connection.write("HTTP/1.1 \(status) Status\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
    }
}

/// An SMTP server that accepts everything and keeps each message's envelope and data (with
/// dot-stuffing undone), optionally refusing EHLO or not announcing 8BITMIME.
final class TestSMTPServer: @unchecked Sendable {
    struct Message { let helo: String; let mailFrom: String; let recipients: [String]; let data: String }

    private let lock = NSLock()
    private var received: [Message] = []
    private var transcript: [String] = []
    private var server: LoopbackServer?
    private let refuseEHLO: Bool
    private let eightBitMIME: Bool

    init(refuseEHLO: Bool = false, eightBitMIME: Bool = true) throws {
        self.refuseEHLO = refuseEHLO
        self.eightBitMIME = eightBitMIME
        server = try LoopbackServer { [unowned self] connection in self.serve(connection) }
    }

    var port: UInt16 { server!.port }
    var messages: [Message] { lock.withLock { received } }
    /// Every command the client sent, in order (DATA contents excluded).
    var commands: [String] { lock.withLock { transcript } }
    func stop() { server?.stop() }

    private func serve(_ connection: LoopbackConnection) {
        connection.write("220 test.local ESMTP\r\n")
        var helo = "", from = "", recipients: [String] = []
        while let line = connection.readLine() {
            lock.withLock { transcript.append(line) }
            let verb = line.prefix(4).uppercased()
            switch verb {
            case "EHLO" where !refuseEHLO:
                helo = line
                connection.write(eightBitMIME ? "250-test.local\r\n250-8BITMIME\r\n250 SIZE 1000000\r\n"
                                              : "250-test.local\r\n250 SIZE 1000000\r\n")
            case "HELO":
                helo = line
                connection.write("250 test.local\r\n")
            case "MAIL":
                from = line
                connection.write("250 OK\r\n")
            case "RCPT":
                recipients.append(line)
                connection.write("250 OK\r\n")
            case "DATA":
                connection.write("354 go ahead\r\n")
                var lines: [String] = []
                while let dataLine = connection.readLine(), dataLine != "." {
                    lines.append(dataLine.hasPrefix(".") ? String(dataLine.dropFirst()) : dataLine)
                }
                lock.withLock {
                    received.append(Message(helo: helo, mailFrom: from, recipients: recipients,
                                            data: lines.joined(separator: "\n")))
                }
                connection.write("250 queued\r\n")
            case "QUIT":
                connection.write("221 bye\r\n")
                return
            default:
                connection.write("500 unrecognised\r\n")
            }
        }
    }
}
