import Domain
import Foundation

/// Mails each batch through an SMTP relay given in the configuration: one message per run,
/// listing its alerts, with a UTF-8 subject such as
/// `[hostrun] overdue: 2 hồ sơ quá hạn (1 firing, 1 resolved)`.
///
/// Talks plain SMTP without TLS or AUTH (see ``SMTPClient``); point it at a local relay.
public struct EmailSink: AlertSink {
    public struct Configuration: Sendable, Hashable {
        public var host: String
        public var port: UInt16
        public var from: String
        public var to: [String]
        /// The name this host gives in EHLO.
        public var clientName: String
        /// Seconds allowed for each socket operation.
        public var timeout: TimeInterval

        public init(host: String, port: UInt16 = 25, from: String, to: [String],
                    clientName: String = ProcessInfo.processInfo.hostName,
                    timeout: TimeInterval = 30) {
            self.host = host
            self.port = port
            self.from = from
            self.to = to
            self.clientName = clientName
            self.timeout = timeout
        }
    }

    public let configuration: Configuration
    private let format: AlertFormat
    private let io = BlockingIO(label: "smtp")

    public init(configuration: Configuration, format: AlertFormat = AlertFormat()) {
        self.configuration = configuration
        self.format = format
    }

    public func deliver(_ batch: AlertBatch) async throws {
        let message = self.message(for: batch)
        let config = configuration
        let centreTime = format.centreTime
        let client = SMTPClient(host: config.host, port: config.port,
                                clientName: config.clientName, timeout: config.timeout)
        try await io.run {
            try client.send(message) { message.rendered(eightBit: $0, centreTime: centreTime) }
        }
    }

    func message(for batch: AlertBatch) -> MailMessage {
        let counts = Dictionary(grouping: batch.alerts, by: \.kind)
            .sorted { $0.key.rawValue < $1.key.rawValue }
            .map { "\($0.value.count) \($0.key.rawValue)" }
            .joined(separator: ", ")
        let body = [batch.summary, "", "\(batch.check) — \(format.vietnamese(batch.at))", ""]
            + batch.alerts.map(\.line)
        return MailMessage(
            from: configuration.from, to: configuration.to,
            subject: "[hostrun] \(batch.check): \(batch.summary) (\(counts))", body: body,
            date: batch.at,
            messageID: "\(UUID().uuidString.lowercased())@\(configuration.clientName)")
    }
}
