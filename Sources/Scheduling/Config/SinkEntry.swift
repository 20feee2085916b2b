import Foundation

/// One alert destination of the configuration, under its name in the `sinks` table:
/// `jsonl = { path = "/var/lib/hostrun/alerts.jsonl" }`,
/// `ops = { type = "webhook", url = "https://ops.example.vn/hooks/hostrun" }`.
public struct SinkEntry: Sendable {
    public enum Kind: Sendable, Hashable {
        /// Standard error, or a file opened for appending.
        case log(path: String?)
        case jsonLines(path: String)
        case webhook(url: URL, timeout: TimeInterval, headers: [String: String])
        case email(EmailSink.Configuration)
    }

    public let name: String
    public let kind: Kind
    /// Batches buffered before new ones are dropped (`buffer`).
    public let capacity: Int
    /// Attempts and back-off (`retries`, `retry_delay`).
    public let retry: RetryPolicy

    static let types = ["log", "jsonl", "webhook", "email"]

    init(name: String, _ value: ConfigValue, source: String) throws(ConfigError) {
        var reader = try ConfigReader(value, source: source, path: "sinks.\(name)")
        self.name = name
        let type = try reader.string("type") ?? name
        let remote = type == "webhook" || type == "email"
        switch type {
        case "log":
            kind = .log(path: try reader.string("path"))
        case "jsonl":
            kind = .jsonLines(path: try reader.requiredString("path"))
        case "webhook":
            let text = try reader.requiredString("url")
            guard let url = URL(string: text), ["http", "https"].contains(url.scheme?.lowercased()),
                  url.host != nil
            else { throw reader.error("url", "expected an http or https URL, found \"\(text)\"") }
            kind = .webhook(url: url, timeout: try reader.duration("timeout") ?? 10,
                            headers: try reader.stringTable("headers") ?? [:])
        case "email":
            let host = try reader.requiredString("smtp_host")
            let port = try reader.integer("smtp_port", in: 1...65_535) ?? 25
            let from = try reader.requiredString("from")
            let to = try reader.strings("to") ?? []
            guard !to.isEmpty else { throw reader.error("to", "needs at least one address") }
            for (field, address) in [("from", from)] + to.map({ ("to", $0) }) {
                guard address.contains("@"), MIMEHeader.isSafe(address),
                      !address.contains(where: { $0 == "<" || $0 == ">" || $0 == " " })
                else { throw reader.error(field, "\"\(address)\" is not a mail address") }
            }
            var configuration = EmailSink.Configuration(host: host, port: UInt16(port),
                                                        from: from, to: to)
            if let helo = try reader.string("helo") { configuration.clientName = helo }
            if let timeout = try reader.duration("timeout") { configuration.timeout = timeout }
            kind = .email(configuration)
        default:
            throw reader.error("type", "expected one of \(SinkEntry.types.joined(separator: ", ")), "
                                   + "found \"\(type)\"")
        }
        capacity = try reader.integer("buffer", in: 1...100_000) ?? 100
        retry = RetryPolicy(attempts: try reader.integer("retries", in: 1...100) ?? (remote ? 5 : 2),
                            initialDelay: try reader.duration("retry_delay") ?? 2)
        try reader.finish()
    }

    init(defaultLogNamed name: String) {
        self.name = name
        kind = .log(path: nil)
        capacity = 100
        retry = RetryPolicy(attempts: 2)
    }

    /// Opens the sink. Only a log file can fail here (it is created if missing).
    public func makeSink(format: AlertFormat) throws -> any AlertSink {
        switch kind {
        case .log(nil):
            return LogSink(format: format)
        case .log(let path?):
            if !FileManager.default.fileExists(atPath: path) {
                _ = FileManager.default.createFile(atPath: path, contents: nil)
            }
            guard let handle = FileHandle(forWritingAtPath: path) else {
                throw SinkError.system(operation: "open", target: path,
                                       message: "cannot open the log file for writing")
            }
            handle.seekToEndOfFile()
            return LogSink(fileHandle: handle, format: format)
        case .jsonLines(let path):
            return JSONLinesSink(path: path, format: format)
        case .webhook(let url, let timeout, let headers):
            return WebhookSink(url: url, timeout: timeout, headers: headers, format: format)
        case .email(let configuration):
            return EmailSink(configuration: configuration, format: format)
        }
    }
}
