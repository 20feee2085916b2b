/// A named rate over a period's figures, printed in reports with its definition: the sum of some
/// counters divided by the sum of others.
///
/// Provinces define their rates differently, so an indicator is data: a centre can change the
/// defaults' terms or add its own, from a file (`Codable`) or a script.
public struct ServiceIndicator: Sendable, Hashable, Codable, Identifiable {
    /// A stable name, e.g. `digitisation`.
    public var id: String
    public var nameVi: String
    public var nameEn: String
    public var definitionVi: String
    public var definitionEn: String
    public var numerator: [FigureCounter]
    public var denominator: [FigureCounter]

    public init(id: String, nameVi: String, nameEn: String, definitionVi: String,
                definitionEn: String, numerator: [FigureCounter], denominator: [FigureCounter]) {
        self.id = id
        self.nameVi = nameVi
        self.nameEn = nameEn
        self.definitionVi = definitionVi
        self.definitionEn = definitionEn
        self.numerator = numerator
        self.denominator = denominator
    }

    /// The indicator's value over some figures.
    public func evaluate(_ figures: PeriodFigures) -> IndicatorValue {
        IndicatorValue(id: id, numerator: numerator.reduce(0) { $0 + figures[$1] },
                       denominator: denominator.reduce(0) { $0 + figures[$1] })
    }

    // MARK: Defaults

    /// The seed's rates fit new online dossiers as the denominator (98.7% = 4,098 ÷ 4,152), so the
    /// default rates are taken over new online dossiers.
    public static let defaults: [ServiceIndicator] = [
        digitisation, dataReuse, onlinePayment, online, fullyOnline, onTime,
    ]

    public static let digitisation = ServiceIndicator(
        id: "digitisation",
        nameVi: "Tỷ lệ số hóa hồ sơ", nameEn: "Digitisation rate",
        definitionVi: "Số hồ sơ trực tuyến tiếp nhận trong kỳ được số hóa ÷ số hồ sơ trực tuyến tiếp nhận trong kỳ",
        definitionEn: "New online dossiers digitised ÷ new online dossiers",
        numerator: [.newOnlineDigitised], denominator: [.newOnline])

    public static let dataReuse = ServiceIndicator(
        id: "data_reuse",
        nameVi: "Tỷ lệ tái sử dụng dữ liệu lưu kho", nameEn: "Data-reuse rate",
        definitionVi: "Số hồ sơ trực tuyến tiếp nhận trong kỳ tái sử dụng dữ liệu đã số hóa ÷ số hồ sơ trực tuyến tiếp nhận trong kỳ",
        definitionEn: "New online dossiers that reused stored data ÷ new online dossiers",
        numerator: [.newOnlineDataReused], denominator: [.newOnline])

    public static let onlinePayment = ServiceIndicator(
        id: "online_payment",
        nameVi: "Tỷ lệ thanh toán trực tuyến", nameEn: "Online payment rate",
        definitionVi: "Số hồ sơ trực tuyến có phí, lệ phí được thanh toán trực tuyến ÷ số hồ sơ trực tuyến phải nộp phí, lệ phí",
        definitionEn: "New online dossiers with a fee paid online ÷ new online dossiers with a fee payable",
        numerator: [.newOnlinePaidOnline], denominator: [.newOnlineFeePayable])

    public static let online = ServiceIndicator(
        id: "online",
        nameVi: "Tỷ lệ hồ sơ trực tuyến", nameEn: "Online rate",
        definitionVi: "Số hồ sơ tiếp nhận trực tuyến trong kỳ ÷ số hồ sơ tiếp nhận mới trong kỳ",
        definitionEn: "New online dossiers ÷ new dossiers",
        numerator: [.newOnline], denominator: [.newOnline, .newInPerson, .newPostal])

    public static let fullyOnline = ServiceIndicator(
        id: "fully_online",
        nameVi: "Tỷ lệ hồ sơ trực tuyến toàn trình", nameEn: "Fully online rate",
        definitionVi: "Số hồ sơ trực tuyến toàn trình ÷ số hồ sơ trực tuyến tiếp nhận trong kỳ",
        definitionEn: "New fully online dossiers ÷ new online dossiers",
        numerator: [.newOnlineFullyOnline], denominator: [.newOnline])

    public static let onTime = ServiceIndicator(
        id: "on_time",
        nameVi: "Tỷ lệ giải quyết đúng hạn", nameEn: "On-time rate",
        definitionVi: "(Số hồ sơ giải quyết trước hạn + đúng hạn) ÷ (trước hạn + đúng hạn + quá hạn)",
        definitionEn: "(Early + on time) ÷ (early + on time + late)",
        numerator: [.early, .onTime], denominator: [.early, .onTime, .late])
}
