import Foundation

/// One application by a citizen or business for one procedure (hồ sơ thủ tục hành chính).
///
/// Instants are absolute `Date`s; the calendar compares them as local dates in the centre's
/// time zone (``CentreTime``).
public struct Dossier: Sendable, Hashable, Codable {
    public var key: DossierKey
    /// The receiving unit (the ward or commune centre) it belongs to, in a store shared by
    /// several centres; `nil` when none is named (a single-centre store). An empty name counts
    /// as none.
    public var centre: String?
    public var procedure: Procedure
    /// The ward office that processes it (phòng chuyên môn).
    public var department: String
    public var applicant: Applicant
    public var channel: Channel
    /// Trực tuyến toàn trình: the whole procedure was done online.
    public var fullyOnline: Bool
    public var receivedAt: Date
    /// The promised result date in force (after any supplement restarted the clock), but not
    /// moved by an apology: lateness is always judged against this date.
    public var dueAt: Date?
    /// The new appointment of an apology letter (phiếu xin lỗi và hẹn lại), if one was issued.
    public var apologyDueAt: Date?
    public var status: DossierStatus
    /// Append-only history of status changes, oldest first.
    public var history: [StatusChange]
    /// The result date (ngày trả kết quả) or the date it was refused or withdrawn.
    public var finishedAt: Date?
    /// Số hóa: its documents were digitised into the store.
    public var digitised: Bool
    /// Tái sử dụng dữ liệu: it reused data already held in the digital store.
    public var dataReused: Bool
    /// Whether a fee or charge is payable.
    public var feePayable: Bool
    public var paidOnline: Bool

    public var code: String { key.code }
    public var source: String { key.source }

    public init(key: DossierKey, procedure: Procedure, department: String,
                applicant: Applicant = Applicant(), channel: Channel, fullyOnline: Bool = false,
                receivedAt: Date, dueAt: Date?, apologyDueAt: Date? = nil,
                status: DossierStatus, history: [StatusChange] = [], finishedAt: Date? = nil,
                digitised: Bool = false, dataReused: Bool = false, feePayable: Bool = false,
                paidOnline: Bool = false, centre: String? = nil) {
        self.key = key
        self.centre = centre
        self.procedure = procedure
        self.department = department
        self.applicant = applicant
        self.channel = channel
        self.fullyOnline = fullyOnline
        self.receivedAt = receivedAt
        self.dueAt = dueAt
        self.apologyDueAt = apologyDueAt
        self.status = status
        self.history = history
        self.finishedAt = finishedAt
        self.digitised = digitised
        self.dataReused = dataReused
        self.feePayable = feePayable
        self.paidOnline = paidOnline
    }
}
