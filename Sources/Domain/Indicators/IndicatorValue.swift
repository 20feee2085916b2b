/// The value of a ``ServiceIndicator`` over some figures.
public struct IndicatorValue: Sendable, Hashable, Codable {
    public var id: String
    public var numerator: Int
    public var denominator: Int

    public init(id: String, numerator: Int, denominator: Int) {
        self.id = id
        self.numerator = numerator
        self.denominator = denominator
    }

    /// The rate in hundredths of a percent, rounded half up (98.70% → 9870), exactly, in integer
    /// arithmetic; `nil` when the denominator is zero (nothing to rate).
    public var basisPoints: Int? {
        guard denominator > 0 else { return nil }
        return (numerator * 20_000 + denominator) / (2 * denominator)
    }

    /// The rate as a percentage rounded to two decimals (98.7), or `nil` without a denominator.
    public var percent: Double? { basisPoints.map { Double($0) / 100 } }
}
