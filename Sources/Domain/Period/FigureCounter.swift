/// Every count of ``PeriodFigures`` by name: the vocabulary in which service indicators are
/// written (as data or from a script), figures are encoded, and a store's SQL aggregation is
/// compared with the domain's own.
public enum FigureCounter: String, Sendable, Hashable, Codable, CaseIterable {
    // Received for processing (tiếp nhận).
    case received
    case carriedOver = "carried_over"
    case newOnline = "new_online"
    case newInPerson = "new_in_person"
    case newPostal = "new_postal"
    // Finished in the period (đã trả kết quả).
    case finished
    case early
    case onTime = "on_time"
    case late
    case refused
    case withdrawn
    // In progress at the end (đang giải quyết).
    case inProgress = "in_progress"
    case withinLimit = "within_limit"
    case overdue
    case supplementRequested = "supplement_requested"
    case awaitingPayment = "awaiting_payment"
    // Service quality of new online dossiers (the default indicators' terms).
    case newOnlineDigitised = "new_online_digitised"
    case newOnlineDataReused = "new_online_data_reused"
    case newOnlineFullyOnline = "new_online_fully_online"
    case newOnlineFeePayable = "new_online_fee_payable"
    case newOnlinePaidOnline = "new_online_paid_online"
    // The same over all new dossiers, for centres that define their rates that way.
    case newDigitised = "new_digitised"
    case newDataReused = "new_data_reused"
    case newFeePayable = "new_fee_payable"
    case newPaidOnline = "new_paid_online"
    /// Counted dossiers that received an apology letter (phiếu xin lỗi và hẹn lại).
    case apologised
    // Sums, never stored.
    /// New dossiers of every channel.
    case new
    /// Open dossiers whose clock is stopped (supplement, payment).
    case clockStopped = "clock_stopped"

    /// Counters kept by the accumulator; the others are sums of these.
    public static let stored: [FigureCounter] = allCases.filter { $0 != .new && $0 != .clockStopped }

    /// The Vietnamese line a report prints for this count.
    public var vietnameseName: String {
        switch self {
        case .received: "Tổng số hồ sơ tiếp nhận"
        case .carriedOver: "Từ kỳ trước chuyển sang"
        case .newOnline: "Tiếp nhận trực tuyến trong kỳ"
        case .newInPerson: "Tiếp nhận trực tiếp trong kỳ"
        case .newPostal: "Tiếp nhận qua bưu chính công ích trong kỳ"
        case .finished: "Đã trả kết quả"
        case .early: "Giải quyết trước hạn"
        case .onTime: "Giải quyết đúng hạn"
        case .late: "Giải quyết quá hạn"
        case .refused: "Từ chối"
        case .withdrawn: "Rút hồ sơ"
        case .inProgress: "Đang giải quyết"
        case .withinLimit: "Trong hạn"
        case .overdue: "Quá hạn"
        case .supplementRequested: "Yêu cầu bổ sung"
        case .awaitingPayment: "Chờ thực hiện nghĩa vụ tài chính"
        case .newOnlineDigitised: "Hồ sơ trực tuyến được số hóa"
        case .newOnlineDataReused: "Hồ sơ trực tuyến tái sử dụng dữ liệu"
        case .newOnlineFullyOnline: "Hồ sơ trực tuyến toàn trình"
        case .newOnlineFeePayable: "Hồ sơ trực tuyến phải nộp phí, lệ phí"
        case .newOnlinePaidOnline: "Hồ sơ trực tuyến thanh toán trực tuyến"
        case .newDigitised: "Hồ sơ mới được số hóa"
        case .newDataReused: "Hồ sơ mới tái sử dụng dữ liệu"
        case .newFeePayable: "Hồ sơ mới phải nộp phí, lệ phí"
        case .newPaidOnline: "Hồ sơ mới thanh toán trực tuyến"
        case .apologised: "Hồ sơ có phiếu xin lỗi và hẹn lại"
        case .new: "Tiếp nhận mới trong kỳ"
        case .clockStopped: "Tạm dừng tính thời hạn"
        }
    }
}
