/// The figures of a reporting period: section I.1 of a centre's report, and one row of its
/// statistics table.
///
/// Built one dossier at a time (``add(_:of:)``) in constant memory, and mergeable (``+``), so a
/// million dossiers can stream through and per-field rows sum to the whole. `received`,
/// `finished` and `inProgress` are counted on their own, not summed from their lines, so the
/// identities of the domain reference (``identityViolations``) are real checks, of this code and
/// of any store that computes the same counts its own way.
public struct PeriodFigures: Sendable, Hashable, Codable {
    public internal(set) var received = 0
    public internal(set) var carriedOver = 0
    public internal(set) var newOnline = 0
    public internal(set) var newInPerson = 0
    public internal(set) var newPostal = 0

    public internal(set) var finished = 0
    public internal(set) var early = 0
    public internal(set) var onTime = 0
    public internal(set) var late = 0
    public internal(set) var refused = 0
    public internal(set) var withdrawn = 0

    public internal(set) var inProgress = 0
    public internal(set) var withinLimit = 0
    public internal(set) var overdue = 0
    public internal(set) var supplementRequested = 0
    public internal(set) var awaitingPayment = 0

    public internal(set) var newOnlineDigitised = 0
    public internal(set) var newOnlineDataReused = 0
    public internal(set) var newOnlineFullyOnline = 0
    public internal(set) var newOnlineFeePayable = 0
    /// New online dossiers with a fee payable that was paid online.
    public internal(set) var newOnlinePaidOnline = 0

    public internal(set) var newDigitised = 0
    public internal(set) var newDataReused = 0
    public internal(set) var newFeePayable = 0
    /// New dossiers with a fee payable that was paid online.
    public internal(set) var newPaidOnline = 0

    public internal(set) var apologised = 0

    /// All zero.
    public init() {}

    /// New dossiers of every channel.
    public var new: Int { newOnline + newInPerson + newPostal }
    /// Open dossiers whose clock is stopped.
    public var clockStopped: Int { supplementRequested + awaitingPayment }

    // MARK: Accumulating

    /// Counts one dossier in its cell.
    public mutating func add(_ placement: PeriodPlacement, of dossier: Dossier) {
        received += 1
        switch placement.intake {
        case .carriedOver: carriedOver += 1
        case .online: newOnline += 1
        case .inPerson: newInPerson += 1
        case .postal: newPostal += 1
        }
        if placement.intake != .carriedOver {
            let paid = dossier.feePayable && dossier.paidOnline ? 1 : 0
            newDigitised += dossier.digitised ? 1 : 0
            newDataReused += dossier.dataReused ? 1 : 0
            newFeePayable += dossier.feePayable ? 1 : 0
            newPaidOnline += paid
            if placement.intake == .online {
                newOnlineDigitised += dossier.digitised ? 1 : 0
                newOnlineDataReused += dossier.dataReused ? 1 : 0
                newOnlineFullyOnline += dossier.fullyOnline ? 1 : 0
                newOnlineFeePayable += dossier.feePayable ? 1 : 0
                newOnlinePaidOnline += paid
            }
        }
        if dossier.apologyDueAt != nil { apologised += 1 }
        switch placement.outcome {
        case .early: early += 1
        case .onTime: onTime += 1
        case .late: late += 1
        case .refused: refused += 1
        case .withdrawn: withdrawn += 1
        case .withinLimit: withinLimit += 1
        case .overdue: overdue += 1
        case .supplementRequested: supplementRequested += 1
        case .awaitingPayment: awaitingPayment += 1
        }
        if placement.outcome.isFinished { finished += 1 } else { inProgress += 1 }
    }

    /// Adds another set of figures, count by count.
    public mutating func add(_ other: PeriodFigures) {
        for counter in FigureCounter.stored { set(counter, self[counter] + other[counter]) }
    }

    public static func + (a: PeriodFigures, b: PeriodFigures) -> PeriodFigures {
        var sum = a
        sum.add(b)
        return sum
    }

    // MARK: By name

    /// A count by name.
    public subscript(counter: FigureCounter) -> Int {
        switch counter {
        case .received: received
        case .carriedOver: carriedOver
        case .newOnline: newOnline
        case .newInPerson: newInPerson
        case .newPostal: newPostal
        case .finished: finished
        case .early: early
        case .onTime: onTime
        case .late: late
        case .refused: refused
        case .withdrawn: withdrawn
        case .inProgress: inProgress
        case .withinLimit: withinLimit
        case .overdue: overdue
        case .supplementRequested: supplementRequested
        case .awaitingPayment: awaitingPayment
        case .newOnlineDigitised: newOnlineDigitised
        case .newOnlineDataReused: newOnlineDataReused
        case .newOnlineFullyOnline: newOnlineFullyOnline
        case .newOnlineFeePayable: newOnlineFeePayable
        case .newOnlinePaidOnline: newOnlinePaidOnline
        case .newDigitised: newDigitised
        case .newDataReused: newDataReused
        case .newFeePayable: newFeePayable
        case .newPaidOnline: newPaidOnline
        case .apologised: apologised
        case .new: new
        case .clockStopped: clockStopped
        }
    }

    /// Figures from counts by name, e.g. a store's SQL aggregation; stored counters that are
    /// missing are zero, and sums (`new`, `clock_stopped`) are ignored.
    public init(counts: [FigureCounter: Int]) {
        for (counter, value) in counts { set(counter, value) }
    }

    private mutating func set(_ counter: FigureCounter, _ value: Int) {
        switch counter {
        case .received: received = value
        case .carriedOver: carriedOver = value
        case .newOnline: newOnline = value
        case .newInPerson: newInPerson = value
        case .newPostal: newPostal = value
        case .finished: finished = value
        case .early: early = value
        case .onTime: onTime = value
        case .late: late = value
        case .refused: refused = value
        case .withdrawn: withdrawn = value
        case .inProgress: inProgress = value
        case .withinLimit: withinLimit = value
        case .overdue: overdue = value
        case .supplementRequested: supplementRequested = value
        case .awaitingPayment: awaitingPayment = value
        case .newOnlineDigitised: newOnlineDigitised = value
        case .newOnlineDataReused: newOnlineDataReused = value
        case .newOnlineFullyOnline: newOnlineFullyOnline = value
        case .newOnlineFeePayable: newOnlineFeePayable = value
        case .newOnlinePaidOnline: newOnlinePaidOnline = value
        case .newDigitised: newDigitised = value
        case .newDataReused: newDataReused = value
        case .newFeePayable: newFeePayable = value
        case .newPaidOnline: newPaidOnline = value
        case .apologised: apologised = value
        case .new, .clockStopped: break
        }
    }

    // MARK: Identities

    /// The identities of the domain reference that do not hold, each written out with its
    /// numbers; empty when all hold:
    /// received = carried over + new by channel; received = finished + in progress;
    /// finished = early + on time + late + refused + withdrawn;
    /// in progress = within limit + overdue + each clock-stopped state.
    public var identityViolations: [String] {
        var broken: [String] = []
        if received != carriedOver + new {
            broken.append("received \(received) ≠ carried over \(carriedOver) + online \(newOnline) "
                              + "+ in person \(newInPerson) + postal \(newPostal)")
        }
        if received != finished + inProgress {
            broken.append("received \(received) ≠ finished \(finished) + in progress \(inProgress)")
        }
        if finished != early + onTime + late + refused + withdrawn {
            broken.append("finished \(finished) ≠ early \(early) + on time \(onTime) + late \(late) "
                              + "+ refused \(refused) + withdrawn \(withdrawn)")
        }
        if inProgress != withinLimit + overdue + supplementRequested + awaitingPayment {
            broken.append("in progress \(inProgress) ≠ within limit \(withinLimit) + overdue "
                              + "\(overdue) + supplement requested \(supplementRequested) "
                              + "+ awaiting payment \(awaitingPayment)")
        }
        return broken
    }

    public var identitiesHold: Bool { identityViolations.isEmpty }

    // MARK: Codable, by counter name

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        for counter in FigureCounter.stored {
            set(counter, try c.decodeIfPresent(Int.self, forKey: Key(stringValue: counter.rawValue)) ?? 0)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        for counter in FigureCounter.stored {
            try c.encode(self[counter], forKey: Key(stringValue: counter.rawValue))
        }
    }
}
