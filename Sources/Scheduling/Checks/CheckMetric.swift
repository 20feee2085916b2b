import Foundation

/// One performance-data value of a check, e.g. the number of overdue dossiers.
///
/// Printed as `'label'=value[UOM];[warn];[crit];[min];[max]` after the `|` of the plugin output.
public struct CheckMetric: Sendable, Hashable, Codable {
    /// The metric's name; any text except `=` (quotes are escaped when printed).
    public let label: String
    public let value: Double
    /// Unit of measure. The Nagios guidelines list none, `s`, `ms`, `us`, `%`, `B`, `KB`, `MB`,
    /// `TB` and `c` (a counter); other units are passed through for collectors that accept them.
    public let unit: String?
    public let warn: ThresholdRange?
    public let crit: ThresholdRange?
    public let min: Double?
    public let max: Double?

    /// Validates a metric as a check reports it.
    ///
    /// - Throws: ``CheckResultError`` naming the metric when its label, unit or a number cannot be
    ///   written as perfdata.
    public init(label: String, value: Double, unit: String? = nil,
                warn: ThresholdRange? = nil, crit: ThresholdRange? = nil,
                min: Double? = nil, max: Double? = nil) throws {
        guard !label.isEmpty, !label.contains("=") else {
            throw CheckResultError.invalidMetricLabel(label)
        }
        for (field, number) in [("value", value), ("min", min), ("max", max)] {
            if let number, !number.isFinite {
                throw CheckResultError.nonFiniteValue(metric: label, field: field)
            }
        }
        if let unit, unit.contains(where: { $0.isNumber || $0.isWhitespace || "'\";=".contains($0) }) {
            throw CheckResultError.invalidUnit(metric: label, unit: unit)
        }
        self.label = label
        self.value = value
        self.unit = unit?.isEmpty == true ? nil : unit
        self.warn = warn
        self.crit = crit
        self.min = min
        self.max = max
    }

    /// The perfdata form of this metric.
    public var perfdata: String {
        let quoted = "'" + label.replacingOccurrences(of: "'", with: "''") + "'"
        var fields = [PerfNumber.format(value) + (unit ?? ""),
                      warn?.text ?? "", crit?.text ?? "",
                      min.map(PerfNumber.format) ?? "", max.map(PerfNumber.format) ?? ""]
        // The guidelines allow trailing empty fields to be dropped.
        while fields.count > 1, fields.last == "" { fields.removeLast() }
        return quoted + "=" + fields.joined(separator: ";")
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(label: c.decode(String.self, forKey: .label),
                      value: c.decode(Double.self, forKey: .value),
                      unit: c.decodeIfPresent(String.self, forKey: .unit),
                      warn: c.decodeIfPresent(ThresholdRange.self, forKey: .warn),
                      crit: c.decodeIfPresent(ThresholdRange.self, forKey: .crit),
                      min: c.decodeIfPresent(Double.self, forKey: .min),
                      max: c.decodeIfPresent(Double.self, forKey: .max))
    }
}
