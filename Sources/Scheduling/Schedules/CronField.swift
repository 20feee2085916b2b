/// The allowed values of one cron field as a bit set (bit *n* set: value *n* allowed).
///
/// Every field fits in 64 bits (minutes 0–59 is the widest), so matching and "next allowed
/// value" are a shift and a trailing-zero count rather than a scan.
struct CronField: Sendable, Hashable {
    let bits: UInt64
    /// Whether the field text did not start with `*`: the Vixie-cron test that decides how
    /// day-of-month and day-of-week combine.
    let restricted: Bool

    func contains(_ value: Int) -> Bool {
        value >= 0 && value < 64 && bits & (1 << UInt64(value)) != 0
    }

    /// The smallest allowed value ≥ `value`, if any.
    func next(atOrAfter value: Int) -> Int? {
        guard value < 64 else { return nil }
        let shifted = bits >> UInt64(max(value, 0))
        return shifted == 0 ? nil : max(value, 0) + shifted.trailingZeroBitCount
    }

    /// The smallest allowed value.
    var first: Int? { next(atOrAfter: 0) }
}
