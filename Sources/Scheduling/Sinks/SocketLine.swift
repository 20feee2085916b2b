import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A connected TCP socket that speaks CRLF-terminated lines, with send and receive timeouts.
final class SocketLine {
    /// An SMTP reply: its code and every line's text after the code.
    struct Reply {
        let code: Int
        let lines: [String]
        var text: String { "\(code) " + lines.joined(separator: " / ") }
    }

    private let fd: Int32
    private let target: String
    private var buffer: [UInt8] = []

    private init(fd: Int32, target: String) {
        self.fd = fd
        self.target = target
    }

    /// Connects to the first address of `host` that accepts.
    static func connect(host: String, port: UInt16, timeout: TimeInterval) throws -> SocketLine {
        let target = "\(host):\(port)"
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &list)
        guard status == 0, let first = list else {
            throw SinkError.system(operation: "resolve", target: target,
                                   message: String(cString: gai_strerror(status)))
        }
        defer { freeaddrinfo(list) }
        var lastError = "no address"
        var cursor: UnsafeMutablePointer<addrinfo>? = first
        while let info = cursor {
            cursor = info.pointee.ai_next
            let fd = socket(info.pointee.ai_family, info.pointee.ai_socktype | Int32(SOCK_CLOEXEC.rawValue),
                            info.pointee.ai_protocol)
            guard fd >= 0 else { lastError = String(cString: strerror(errno)); continue }
            var limit = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - timeout.rounded(.down)) * 1e6))
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
            // Linux also bounds connect() by the send timeout.
            setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
            if Glibc.connect(fd, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0 {
                return SocketLine(fd: fd, target: target)
            }
            lastError = String(cString: strerror(errno))
            Glibc.close(fd)
        }
        throw SinkError.system(operation: "connect", target: target, message: lastError)
    }

    func send(_ line: String) throws {
        try sendRaw(line + "\r\n")
    }

    func sendRaw(_ text: String) throws {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if n < 0 {
                if errno == EINTR { continue }
                throw failure("send")
            }
            offset += n
        }
    }

    /// Reads one reply: lines `ddd-text` continue it, `ddd text` ends it.
    func readReply() throws -> Reply {
        var lines: [String] = []
        while true {
            let line = try readLine()
            guard line.count >= 3, let code = Int(line.prefix(3)) else {
                throw SinkError.smtp(command: "reply", reply: line)
            }
            lines.append(String(line.dropFirst(4)))
            if line.count == 3 || line[line.index(line.startIndex, offsetBy: 3)] == " " {
                return Reply(code: code, lines: lines)
            }
        }
    }

    private func readLine() throws -> String {
        while true {
            if let end = buffer.firstIndex(of: 0x0A) {
                var line = Array(buffer[..<end])
                buffer.removeFirst(end + 1)
                if line.last == 0x0D { line.removeLast() }
                return String(decoding: line, as: UTF8.self)
            }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n < 0, errno == EINTR { continue }
            if n < 0 { throw failure("receive") }
            if n == 0 { throw SinkError.system(operation: "receive", target: target,
                                                message: "connection closed by the server") }
            buffer += chunk[..<n]
        }
    }

    func close() {
        Glibc.close(fd)
    }

    private func failure(_ operation: String) -> SinkError {
        let message = errno == EAGAIN || errno == EWOULDBLOCK ? "timed out"
            : String(cString: strerror(errno))
        return .system(operation: operation, target: target, message: message)
    }
}
