/// A dimension a centre's figures are broken down by.
public enum BreakdownDimension: String, Sendable, Hashable, Codable, CaseIterable {
    /// Lĩnh vực, e.g. "Hộ tịch".
    case field
    /// Thủ tục, keyed by procedure code.
    case procedure
    /// Phòng chuyên môn.
    case department
    /// Kênh: `online`, `in_person`, `postal`.
    case channel
    /// The source system, e.g. `motcua`, `dvcqg`.
    case source
    /// The receiving unit (``Dossier/centre``), `""` for none: a city's roll-up of its wards.
    case centre

    /// The row a dossier belongs to.
    public func key(of dossier: Dossier) -> String {
        switch self {
        case .field: dossier.procedure.field
        case .procedure: dossier.procedure.code
        case .department: dossier.department
        case .channel: dossier.channel.rawValue
        case .source: dossier.key.source
        case .centre: dossier.centre ?? ""
        }
    }
}

/// Figures per value of one dimension: the statutory statistics table has one row per field,
/// each a full set of figures, and a total row equal to the figures of the whole centre.
public struct Breakdown: Sendable, Hashable, Codable {
    public let dimension: BreakdownDimension
    public private(set) var rows: [String: PeriodFigures]
    /// Display names for keys that are codes: procedure names by code, channel names.
    public private(set) var labels: [String: String]

    public init(dimension: BreakdownDimension) {
        self.dimension = dimension
        rows = [:]
        labels = [:]
    }

    /// Counts a dossier in its row: one hash look-up when the row exists.
    public mutating func add(_ placement: PeriodPlacement, of dossier: Dossier) {
        let key = dimension.key(of: dossier)
        if let index = rows.index(forKey: key) {
            rows.values[index].add(placement, of: dossier)
            return
        }
        var row = PeriodFigures()
        row.add(placement, of: dossier)
        rows[key] = row
        switch dimension {
        case .procedure: labels[key] = dossier.procedure.name
        case .channel: labels[key] = dossier.channel.vietnameseName
        case .field, .department, .source, .centre: break
        }
    }

    /// The sum of every row.
    public var total: PeriodFigures { rows.values.reduce(PeriodFigures(), +) }

    /// Row keys, most received first, then by key.
    public var orderedKeys: [String] {
        rows.keys.sorted { a, b in
            let (ra, rb) = (rows[a]!.received, rows[b]!.received)
            return ra != rb ? ra > rb : a < b
        }
    }
}
