/// How a counted dossier entered the period's figures (tiếp nhận).
public enum Intake: String, Sendable, Hashable, Codable, CaseIterable {
    /// Kỳ trước chuyển sang: received before the period and not finished before it.
    case carriedOver = "carried_over"
    /// New in the period, by channel.
    case online
    case inPerson = "in_person"
    case postal

    public init(channel: Channel) {
        switch channel {
        case .online: self = .online
        case .inPerson: self = .inPerson
        case .postal: self = .postal
        }
    }
}

/// Where a counted dossier stands at the end of the period: one finished line or one in-progress
/// line of the figures. Clock-stopped states each have their own line.
public enum Outcome: String, Sendable, Hashable, Codable, CaseIterable {
    /// Trước hạn: result date before the due date.
    case early
    /// Đúng hạn: result date on the due date (or no due date).
    case onTime = "on_time"
    /// Quá hạn: result date after the original due date.
    case late
    /// Từ chối.
    case refused
    /// Rút hồ sơ.
    case withdrawn
    /// Trong hạn: open, clock running, due on or after the period's end.
    case withinLimit = "within_limit"
    /// Quá hạn: open, clock running, due before the period's end.
    case overdue
    /// Yêu cầu bổ sung: open, waiting for the applicant's supplement.
    case supplementRequested = "supplement_requested"
    /// Open, waiting for the applicant's payment.
    case awaitingPayment = "awaiting_payment"

    /// Finished in the period (đã trả kết quả), as opposed to in progress at its end.
    public var isFinished: Bool {
        switch self {
        case .early, .onTime, .late, .refused, .withdrawn: true
        case .withinLimit, .overdue, .supplementRequested, .awaitingPayment: false
        }
    }

    /// The line of an open dossier whose clock is stopped by `status`, if it stops the clock.
    public init?(clockStoppedBy status: DossierStatus) {
        switch status {
        case .supplementRequested: self = .supplementRequested
        case .awaitingPayment: self = .awaitingPayment
        default: return nil
        }
    }
}

/// The one cell a counted dossier falls in: one intake line and one outcome line.
public struct PeriodPlacement: Sendable, Hashable, Codable {
    public var intake: Intake
    public var outcome: Outcome

    public init(intake: Intake, outcome: Outcome) {
        self.intake = intake
        self.outcome = outcome
    }
}
