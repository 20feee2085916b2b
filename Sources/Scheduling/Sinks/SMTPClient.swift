import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A minimal SMTP client over a blocking POSIX socket, for a local relay (a Postfix or Exim on
/// the same host or network): EHLO (HELO if refused), MAIL FROM, RCPT TO, DATA, QUIT.
///
/// No TLS and no AUTH: the relay is trusted by address, and it does the encrypted,
/// authenticated hop to the outside world. Every socket operation is bounded by `timeout`.
struct SMTPClient {
    let host: String
    let port: UInt16
    /// The name given in EHLO/HELO.
    let clientName: String
    let timeout: TimeInterval

    /// Sends one message; blocking. Throws ``SinkError`` naming the step that failed.
    func send(_ message: MailMessage, render: (_ eightBit: Bool) -> String) throws {
        let connection = try SocketLine.connect(host: host, port: port, timeout: timeout)
        defer { connection.close() }
        try expect(connection.readReply(), 220, after: "greeting")
        try connection.send("EHLO \(clientName)")
        var reply = try connection.readReply()
        if reply.code != 250 {
            try connection.send("HELO \(clientName)")
            reply = try connection.readReply()
            try expect(reply, 250, after: "HELO")
        }
        let eightBit = reply.lines.dropFirst().contains { $0.uppercased().hasPrefix("8BITMIME") }
        try connection.send("MAIL FROM:<\(message.from)>" + (eightBit ? " BODY=8BITMIME" : ""))
        try expect(connection.readReply(), 250, after: "MAIL FROM")
        for recipient in message.to {
            try connection.send("RCPT TO:<\(recipient)>")
            let rcpt = try connection.readReply()
            guard rcpt.code == 250 || rcpt.code == 251 else {
                throw SinkError.smtp(command: "RCPT TO:<\(recipient)>", reply: rcpt.text)
            }
        }
        try connection.send("DATA")
        try expect(connection.readReply(), 354, after: "DATA")
        try connection.sendRaw(render(eightBit) + ".\r\n")
        try expect(connection.readReply(), 250, after: "end of DATA")
        // The message is accepted; a failed QUIT changes nothing.
        try? connection.send("QUIT")
        _ = try? connection.readReply()
    }

    private func expect(_ reply: SocketLine.Reply, _ code: Int, after step: String) throws {
        guard reply.code == code else { throw SinkError.smtp(command: step, reply: reply.text) }
    }
}
