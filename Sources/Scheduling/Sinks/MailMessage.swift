import Domain
import Foundation

/// A plain-text UTF-8 mail, rendered for SMTP's DATA command.
struct MailMessage: Sendable {
    let from: String
    let to: [String]
    let subject: String
    /// Lines; any line breaks inside them become CRLF line ends.
    let body: [String]
    let date: Date
    let messageID: String

    /// The message with CRLF line endings, dot-stuffed, without the terminating `.` line.
    ///
    /// The body goes as 8-bit UTF-8 when the server announced 8BITMIME and no line exceeds
    /// SMTP's 998-octet limit, otherwise as base64.
    func rendered(eightBit: Bool, centreTime: CentreTime) -> String {
        let body = self.body.flatMap {
            $0.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
        }
        let useEightBit = eightBit && body.allSatisfy { $0.utf8.count <= 998 }
        var lines = [
            "Date: " + MailMessage.rfc5322Date(date, centreTime),
            "From: <\(from)>",
            "To: " + to.map { "<\($0)>" }.joined(separator: ", "),
            "Subject: " + MIMEHeader.encode(subject),
            "Message-ID: <\(messageID)>",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=UTF-8",
            "Content-Transfer-Encoding: " + (useEightBit ? "8bit" : "base64"),
            "",
        ]
        if useEightBit {
            lines += body
        } else {
            let encoded = Data(body.joined(separator: "\r\n").utf8)
                .base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn,
                                               .endLineWithLineFeed])
            lines += encoded.components(separatedBy: "\r\n")
        }
        // Dot-stuffing (RFC 5321 §4.5.2): a line starting with "." gets another one, so that
        // no body line can end the DATA section early.
        return lines.map { $0.hasPrefix(".") ? "." + $0 : $0 }.joined(separator: "\r\n") + "\r\n"
    }

    /// `Mon, 04 May 2026 07:30:00 +0700`.
    static func rfc5322Date(_ instant: Date, _ centreTime: CentreTime) -> String {
        let date = centreTime.localDate(instant)
        let time = centreTime.localTime(instant)
        let second = (Int(instant.timeIntervalSince1970.rounded(.down)) % 60 + 60) % 60
        let days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
                      "Nov", "Dec"]
        let offset = centreTime.utcOffsetSeconds
        let zone = (offset < 0 ? "-" : "+") + pad(abs(offset) / 3600) + pad(abs(offset) % 3600 / 60)
        return "\(days[date.isoWeekday - 1]), \(pad(date.day)) \(months[date.month - 1]) "
            + "\(date.year) \(time):\(pad(second)) \(zone)"
    }

    private static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
