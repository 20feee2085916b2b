import Domain
import Foundation
@testable import Scheduling
import Testing

/// A batch like the overdue check's: one new finding and one cleared.
func sampleBatch(summary: String = "2 hồ sơ quá hạn") -> AlertBatch {
    let at = local(2026, 5, 4, 7, 30)
    return AlertBatch(check: "overdue", at: at, summary: summary, alerts: [
        Alert(kind: .firing, check: "overdue", key: "HS-002", status: .critical,
              department: "Phòng Kinh tế", daysLeft: -1, message: "quá hạn 1 ngày",
              firstSeen: at, at: at),
        Alert(kind: .resolved, check: "overdue", key: "HS-001", status: .critical,
              department: "Phòng Tư pháp", daysLeft: -3, message: "quá hạn 3 ngày",
              firstSeen: local(2026, 4, 30, 7, 30), at: at),
    ])
}

/// A text stream that keeps what it is given.
final class StringStream: TextOutputStream, @unchecked Sendable {
    private let lock = NSLock()
    private var text = ""
    func write(_ string: String) { lock.withLock { text += string } }
    var contents: String { lock.withLock { text } }
}

/// Decodes an RFC 2047 header value (possibly folded) back to text.
func decodeHeader(_ value: String) -> String {
    value.split(whereSeparator: \.isWhitespace).map { word in
        guard word.hasPrefix("=?UTF-8?B?"), word.hasSuffix("?=") else { return String(word) }
        let payload = word.dropFirst(10).dropLast(2)
        return String(decoding: Data(base64Encoded: String(payload)) ?? Data(), as: UTF8.self)
    }.joined()
}

/// The headers (unfolded) and body of a received message.
func parseMessage(_ data: String) -> (headers: [String: String], body: String) {
    let parts = data.components(separatedBy: "\n\n")
    var headers: [String: String] = [:]
    var last = ""
    for line in parts[0].split(separator: "\n") {
        if line.hasPrefix(" ") {
            headers[last, default: ""] += "\n" + line
        } else if let colon = line.firstIndex(of: ":") {
            last = String(line[..<colon])
            headers[last] = String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
        }
    }
    return (headers, parts.dropFirst().joined(separator: "\n\n"))
}

@Suite("Sinks: log, JSON Lines, webhook and e-mail against local servers",
       .timeLimit(.minutes(1)))
struct SinkTests {
    @Test("log: one line per alert, Vietnamese date, in the centre's time")
    func log() async throws {
        let stream = StringStream()
        try await LogSink(stream: stream).deliver(sampleBatch())
        #expect(stream.contents == """
            [04/05/2026 07:30:00] FIRING CRITICAL overdue HS-002 (Phòng Kinh tế): quá hạn 1 ngày
            [04/05/2026 07:30:00] RESOLVED CRITICAL overdue HS-001 (Phòng Tư pháp): quá hạn 3 ngày

            """)
    }

    @Test("JSON Lines: appended across batches, one object per alert, times with +07:00")
    func jsonLines() async throws {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("alerts-\(UUID().uuidString).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let sink = JSONLinesSink(path: path)
        try await sink.deliver(sampleBatch())
        try await sink.deliver(sampleBatch(summary: "again"))
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 4)
        #expect(lines[0] == #"{"at":"2026-05-04T07:30:00+07:00","check":"overdue","days_left":-1,"department":"Phòng Kinh tế","first_seen":"2026-05-04T07:30:00+07:00","key":"HS-002","kind":"firing","message":"quá hạn 1 ngày","status":"critical","summary":"2 hồ sơ quá hạn"}"#)
        let last = try JSONSerialization.jsonObject(with: Data(lines[3].utf8)) as? [String: Any]
        #expect(last?["summary"] as? String == "again")
        #expect(last?["kind"] as? String == "resolved")
    }

    @Test("JSON Lines: an unwritable path is an error naming it")
    func jsonLinesError() async throws {
        let sink = JSONLinesSink(path: "/nonexistent-dir/alerts.jsonl")
        await #expect(throws: SinkError.system(operation: "open", target: "/nonexistent-dir/alerts.jsonl",
                                               message: "No such file or directory")) {
            try await sink.deliver(sampleBatch())
        }
    }

    @Test("webhook: POST of the batch as JSON to a real local HTTP server")
    func webhook() async throws {
        let server = try TestHTTPServer()
        defer { server.stop() }
        try await WebhookSink(url: server.url, headers: ["Authorization": "Bearer t0ken"])
            .deliver(sampleBatch())
        let request = try #require(server.requests.first)
        #expect(request.method == "POST")
        #expect(request.path == "/hooks/alerts")
        #expect(request.headers["content-type"] == "application/json; charset=utf-8")
        #expect(request.headers["authorization"] == "Bearer t0ken")
        let json = try #require(try JSONSerialization.jsonObject(with: request.body) as? [String: Any])
        #expect(json["check"] as? String == "overdue")
        #expect(json["at"] as? String == "2026-05-04T07:30:00+07:00")
        #expect(json["summary"] as? String == "2 hồ sơ quá hạn")
        let alerts = try #require(json["alerts"] as? [[String: Any]])
        #expect(alerts.map { $0["key"] as? String } == ["HS-002", "HS-001"])
    }

    @Test("webhook: errors and timeouts are failures the dispatcher retries with back-off")
    func webhookRetried() async throws {
        let server = try TestHTTPServer(statuses: [500, 503])
        defer { server.stop() }
        let problems = Recorder<String>()
        let dispatcher = AlertDispatcher(
            sinks: [.init(name: "hook", sink: WebhookSink(url: server.url),
                          retry: RetryPolicy(attempts: 4, initialDelay: 0.01))],
            onProblem: { problems.append($0) })
        dispatcher.submit(sampleBatch(), to: ["hook"])
        await dispatcher.flush()
        #expect(server.requests.count == 3)
        #expect(dispatcher.statistics()["hook"] == {
            var s = SinkStatistics(); s.delivered = 2; return s
        }())
        #expect(problems.all == [
            "sink 'hook': attempt 1 of 4 for 'overdue' failed: POST \(server.url): HTTP 500",
            "sink 'hook': attempt 2 of 4 for 'overdue' failed: POST \(server.url): HTTP 503",
        ])
    }

    @Test("webhook: a server that never answers fails at the timeout")
    func webhookTimeout() async throws {
        let silent = try LoopbackServer { connection in
            _ = connection.readLine()
            // Far longer than the timeout: only the sink's own timeout can end the wait early.
            Thread.sleep(forTimeInterval: 240)
        }
        defer { silent.stop() }
        let url = URL(string: "http://127.0.0.1:\(silent.port)/")!
        let started = Date()
        let error = await #expect(throws: SinkError.self) {
            try await WebhookSink(url: url, timeout: 0.5).deliver(sampleBatch())
        }
        // The failure is the sink's timeout, not the server hanging up; the bound leaves room for
        // the seconds a loaded machine's test run can hold every task back, far short of 240 s.
        #expect("\(error.map { "\($0)" } ?? "")".contains("no answer within 0.5 s (timeout)"))
        #expect(Date().timeIntervalSince(started) < 120)
    }

    @Test("back-off doubles from the initial delay up to the cap")
    func backOff() {
        let policy = RetryPolicy(attempts: 8, initialDelay: 2, maxDelay: 30)
        #expect((1...6).map(policy.delay(afterFailure:)) == [2, 4, 8, 16, 30, 30])
    }

    @Test("a stuck sink never blocks: its buffer is bounded and overflow is counted")
    func boundedBuffer() async throws {
        let entered = Recorder<Bool>()
        let gate = Gate()
        struct StuckSink: AlertSink {
            let entered: Recorder<Bool>
            let gate: Gate
            func deliver(_ batch: AlertBatch) async throws {
                entered.append(true)
                await gate.wait()
            }
        }
        let dispatcher = AlertDispatcher(sinks: [
            .init(name: "stuck", sink: StuckSink(entered: entered, gate: gate), capacity: 2),
        ])
        dispatcher.submit(sampleBatch(), to: ["stuck"])
        while entered.all.isEmpty { await Task.yield() }
        for _ in 0..<4 { dispatcher.submit(sampleBatch(), to: ["stuck"]) }
        var stats = try #require(dispatcher.statistics()["stuck"])
        #expect(stats.queued == 3)
        #expect(stats.dropped == 4) // two batches of two alerts
        await gate.open()
        await dispatcher.flush()
        stats = try #require(dispatcher.statistics()["stuck"])
        #expect(stats.delivered == 6)
        #expect(stats.queued == 0)
    }

    @Test("drain gives up at its deadline and counts what is left as dropped")
    func drainDeadline() async throws {
        struct DownSink: AlertSink {
            func deliver(_ batch: AlertBatch) async throws {
                throw SinkError.http(url: "http://down", message: "refused")
            }
        }
        let dispatcher = AlertDispatcher(sinks: [
            .init(name: "down", sink: DownSink(), retry: RetryPolicy(attempts: 10, initialDelay: 10)),
        ])
        for _ in 0..<3 { dispatcher.submit(sampleBatch(), to: ["down"]) }
        let started = Date()
        await dispatcher.drain(deadline: Date().addingTimeInterval(0.2))
        // Retries alone would take minutes (10 attempts from 10 s); the bound leaves room for a
        // loaded machine's test run holding every task back for a while.
        #expect(Date().timeIntervalSince(started) < 60)
        let stats = try #require(dispatcher.statistics()["down"])
        #expect(stats.failed == 2)
        #expect(stats.dropped == 4)
        #expect(stats.queued == 0)
    }

    @Test("e-mail: EHLO, MAIL, RCPT, DATA with dot-stuffing, QUIT; UTF-8 subject as RFC 2047")
    func email() async throws {
        let server = try TestSMTPServer()
        defer { server.stop() }
        let sink = EmailSink(configuration: .init(
            host: "127.0.0.1", port: server.port, from: "hostrun@ubnd.example.vn",
            to: ["lanhdao@ubnd.example.vn", "it@ubnd.example.vn"], clientName: "hostrun.local",
            timeout: 5))
        try await sink.deliver(sampleBatch(summary: "2 hồ sơ quá hạn\n.\n.env đã bị xoá"))
        #expect(server.commands == [
            "EHLO hostrun.local", "MAIL FROM:<hostrun@ubnd.example.vn> BODY=8BITMIME",
            "RCPT TO:<lanhdao@ubnd.example.vn>", "RCPT TO:<it@ubnd.example.vn>", "DATA", "QUIT",
        ])
        let message = try #require(server.messages.first)
        let (headers, body) = parseMessage(message.data)
        #expect(decodeHeader(headers["Subject"] ?? "")
            == "[hostrun] overdue: 2 hồ sơ quá hạn . .env đã bị xoá (1 firing, 1 resolved)")
        #expect(headers["Subject"]?.split(separator: "\n").allSatisfy { $0.count <= 76 } == true)
        #expect(headers["Date"] == "Mon, 04 May 2026 07:30:00 +0700")
        #expect(headers["Content-Transfer-Encoding"] == "8bit")
        #expect(body == """
            2 hồ sơ quá hạn
            .
            .env đã bị xoá

            overdue — 04/05/2026 07:30:00

            FIRING CRITICAL overdue HS-002 (Phòng Kinh tế): quá hạn 1 ngày
            RESOLVED CRITICAL overdue HS-001 (Phòng Tư pháp): quá hạn 3 ngày
            """)
    }

    @Test("e-mail: HELO when EHLO is refused, base64 body without 8BITMIME")
    func emailFallbacks() async throws {
        let server = try TestSMTPServer(refuseEHLO: true)
        defer { server.stop() }
        let sink = EmailSink(configuration: .init(
            host: "127.0.0.1", port: server.port, from: "a@b.vn", to: ["c@d.vn"],
            clientName: "h", timeout: 5))
        try await sink.deliver(sampleBatch())
        #expect(server.commands.prefix(3) == ["EHLO h", "HELO h", "MAIL FROM:<a@b.vn>"])
        let (headers, body) = parseMessage(try #require(server.messages.first).data)
        #expect(headers["Content-Transfer-Encoding"] == "base64")
        let decoded = String(decoding: Data(base64Encoded: body.replacingOccurrences(of: "\n", with: ""))!,
                             as: UTF8.self)
        #expect(decoded.hasPrefix("2 hồ sơ quá hạn\r\n\r\noverdue — 04/05/2026 07:30:00"))
    }

    @Test("e-mail: a refused connection is an error naming the server")
    func emailRefused() async throws {
        let closed = try LoopbackServer { _ in }
        let port = closed.port
        closed.stop()
        let sink = EmailSink(configuration: .init(host: "127.0.0.1", port: port, from: "a@b.vn",
                                                  to: ["c@d.vn"], timeout: 2))
        await #expect(throws: SinkError.system(operation: "connect", target: "127.0.0.1:\(port)",
                                               message: "Connection refused")) {
            try await sink.deliver(sampleBatch())
        }
    }

    @Test("RFC 2047: long Vietnamese subjects split between characters into short words")
    func encodedWords() {
        let subject = String(repeating: "Hồ sơ quá hạn của Phòng Tư pháp ", count: 4)
        let encoded = MIMEHeader.encode(subject)
        let words = encoded.components(separatedBy: "\r\n ")
        #expect(words.count > 1)
        #expect(words.allSatisfy { $0.count <= 75 })
        #expect(decodeHeader(encoded) == subject)
        #expect(MIMEHeader.encode("plain ASCII") == "plain ASCII")
        #expect(MIMEHeader.encode("two\r\nlines") == "two lines")
    }
}

/// A one-shot barrier a test opens.
actor Gate {
    private var isOpen = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    func wait() async {
        if isOpen { return }
        await withCheckedContinuation { waiters.append($0) }
    }

    func open() {
        isOpen = true
        waiters.forEach { $0.resume() }
        waiters = []
    }
}
