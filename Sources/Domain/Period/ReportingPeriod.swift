/// A reporting period (kỳ báo cáo): from and to, both dates inclusive, in the centre's zone.
public struct ReportingPeriod: Sendable, Hashable, Codable, CustomStringConvertible {
    public let from: LocalDate
    public let to: LocalDate

    /// A period; `from` must not be after `to`.
    public init(from: LocalDate, to: LocalDate) throws(DomainError) {
        guard from <= to else { throw .invalidPeriod(from: from, to: to) }
        self.from = from
        self.to = to
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let from = try c.decode(LocalDate.self, forKey: .from)
        let to = try c.decode(LocalDate.self, forKey: .to)
        do { try self.init(from: from, to: to) } catch {
            throw DecodingError.dataCorruptedError(forKey: .to, in: c, debugDescription: error.description)
        }
    }

    public func contains(_ date: LocalDate) -> Bool { date >= from && date <= to }

    /// Calendar days in the period.
    public var dayCount: Int { from.days(to: to) + 1 }

    /// `01/01/2026–25/05/2026`.
    public var description: String { "\(from.vietnamese)–\(to.vietnamese)" }
}
