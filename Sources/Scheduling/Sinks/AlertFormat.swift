import Domain
import Foundation

/// How alerts look outside the process: local timestamps with their offset, and the JSON shared
/// by the JSON Lines file and the webhook.
public struct AlertFormat: Sendable {
    public let centreTime: CentreTime

    public init(centreTime: CentreTime = .vietnam) {
        self.centreTime = centreTime
    }

    /// ISO 8601 in the centre's time: `2026-05-04T07:30:00+07:00`.
    public func iso8601(_ instant: Date) -> String {
        let date = centreTime.localDate(instant)
        let time = centreTime.localTime(instant)
        let second = Int(instant.timeIntervalSince1970.rounded(.down)) % 60
        let offset = centreTime.utcOffsetSeconds
        let sign = offset < 0 ? "-" : "+"
        let hours = abs(offset) / 3600, minutes = abs(offset) % 3600 / 60
        return "\(date)T\(time):\(pad((second + 60) % 60))\(sign)\(pad(hours)):\(pad(minutes))"
    }

    /// `dd/MM/yyyy HH:mm:ss`, as Vietnamese logs and mails write it.
    public func vietnamese(_ instant: Date) -> String {
        let second = (Int(instant.timeIntervalSince1970.rounded(.down)) % 60 + 60) % 60
        return "\(centreTime.localDate(instant).vietnamese) \(centreTime.localTime(instant)):\(pad(second))"
    }

    /// A JSON encoder writing dates as ``iso8601(_:)``, keys sorted.
    public func jsonEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let format = self
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(format.iso8601(date))
        }
        return encoder
    }

    private func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
