import Domain

/// The procedures of a ward's one-stop centre after the July 2025 reorganisation: civil status,
/// certification, land, construction, household business and social protection, with time limits
/// from the laws that set them and plausible volumes.
///
/// The codes follow the national procedure catalogue's format (`1.001193`) and the well-known
/// ones are the catalogue's, but a demo is not a reference: check a code against the catalogue
/// before relying on it.
public enum WardCatalogue {
    public static let civilStatus = "Văn phòng HĐND và UBND"
    public static let economy = "Phòng Kinh tế, Hạ tầng và Đô thị"
    public static let social = "Phòng Văn hóa - Xã hội"

    /// "Giải quyết trong ngày; sau 15 giờ trả trong ngày làm việc tiếp theo" (Luật Hộ tịch and
    /// Nghị định 23/2015 on certification): three working hours from receipt with a 15:00
    /// cut-off is due the same day for anything received by 14:00.
    static let sameDay = TimeLimit.workingHours(3)
    static let threePM = LocalTime(hour: 15)

    static func entry(_ code: String, _ name: String, _ field: String, _ limit: TimeLimit,
                      _ department: String, _ sources: KeyValuePairs<String, Double>, weight: Double,
                      online: Double, fullyOnline: Double, fee: Double) -> DemoProcedure {
        DemoProcedure(
            procedure: Procedure(code: code, name: name, field: field, timeLimit: limit,
                                 afternoonCutoff: limit == sameDay ? threePM : nil),
            department: department, sources: sources.map { SourceShare($0.key, $0.value) }, weight: weight, onlineShare: online,
            fullyOnlineShare: fullyOnline, feeShare: fee)
    }

    /// The ward's procedures.
    public static let procedures: [DemoProcedure] = [
        // Hộ tịch: the civil-status system, some through the national portal.
        entry("1.001193", "Đăng ký khai sinh", "Hộ tịch", sameDay, civilStatus,
              ["hotich": 0.85, "dvcqg": 0.15], weight: 8, online: 0.97, fullyOnline: 0.8, fee: 0),
        entry("1.000894", "Đăng ký kết hôn", "Hộ tịch", sameDay, civilStatus,
              ["hotich": 1], weight: 2.5, online: 0.9, fullyOnline: 0, fee: 0),
        entry("1.000656", "Đăng ký khai tử", "Hộ tịch", sameDay, civilStatus,
              ["hotich": 0.7, "dvcqg": 0.3], weight: 2, online: 0.95, fullyOnline: 0.7, fee: 0),
        entry("1.004873", "Cấp Giấy xác nhận tình trạng hôn nhân", "Hộ tịch", .workingDays(3),
              civilStatus, ["hotich": 1], weight: 9, online: 0.99, fullyOnline: 0.9, fee: 0.5),
        entry("2.000635", "Cấp bản sao trích lục hộ tịch", "Hộ tịch", sameDay, civilStatus,
              ["hotich": 1], weight: 5, online: 0.99, fullyOnline: 0.95, fee: 1),
        entry("1.004859", "Đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch", "Hộ tịch",
              .workingDays(3), civilStatus, ["hotich": 1], weight: 1.5, online: 0.95,
              fullyOnline: 0.6, fee: 1),
        entry("1.001022", "Đăng ký nhận cha, mẹ, con", "Hộ tịch", .workingDays(3), civilStatus,
              ["hotich": 1], weight: 0.4, online: 0.85, fullyOnline: 0.3, fee: 0.5),
        // Chứng thực: the provincial one-stop system.
        entry("2.000815", "Chứng thực bản sao từ bản chính giấy tờ, văn bản", "Chứng thực",
              sameDay, civilStatus, ["motcua": 0.8, "dvcqg": 0.2], weight: 18, online: 0.98,
              fullyOnline: 0.9, fee: 1),
        entry("2.000884", "Chứng thực chữ ký trong các giấy tờ, văn bản", "Chứng thực", sameDay,
              civilStatus, ["motcua": 1], weight: 5, online: 0.9, fullyOnline: 0.2, fee: 1),
        entry("2.001035", "Chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản",
              "Chứng thực", .workingDays(2), civilStatus, ["motcua": 1], weight: 2, online: 0.8,
              fullyOnline: 0, fee: 1),
        entry("2.001019", "Chứng thực hợp đồng, giao dịch liên quan đến quyền sử dụng đất, nhà ở",
              "Chứng thực", .workingDays(2), civilStatus, ["motcua": 1], weight: 3, online: 0.85,
              fullyOnline: 0, fee: 1),
        // Đất đai and Xây dựng.
        entry("1.012790", "Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất",
              "Đất đai", .workingDays(10), economy, ["motcua": 1], weight: 4, online: 0.97,
              fullyOnline: 0.3, fee: 1),
        entry("1.012781", "Đăng ký đất đai, tài sản gắn liền với đất, cấp Giấy chứng nhận lần đầu",
              "Đất đai", .workingDays(20), economy, ["motcua": 1], weight: 1.2, online: 0.95,
              fullyOnline: 0.1, fee: 1),
        entry("1.012803", "Đính chính Giấy chứng nhận đã cấp", "Đất đai", .workingDays(10), economy,
              ["motcua": 1], weight: 0.4, online: 0.9, fullyOnline: 0.2, fee: 0),
        entry("1.009994", "Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ", "Xây dựng",
              .workingDays(15), economy, ["motcua": 1], weight: 2.5, online: 0.98,
              fullyOnline: 0.4, fee: 1),
        entry("1.009996", "Cấp giấy phép sửa chữa, cải tạo đối với nhà ở riêng lẻ", "Xây dựng",
              .workingDays(15), economy, ["motcua": 1], weight: 0.5, online: 0.95,
              fullyOnline: 0.4, fee: 1),
        // Hộ kinh doanh: the national business-registration system (Nghị định 168/2025).
        entry("2.000575", "Đăng ký thành lập hộ kinh doanh", "Thành lập và hoạt động của hộ kinh doanh",
              .workingDays(3), economy, ["dkkd": 1], weight: 5, online: 1, fullyOnline: 0.95, fee: 0.3),
        entry("2.000720", "Đăng ký thay đổi nội dung đăng ký hộ kinh doanh",
              "Thành lập và hoạt động của hộ kinh doanh", .workingDays(3), economy, ["dkkd": 1],
              weight: 2.5, online: 1, fullyOnline: 0.95, fee: 0.3),
        entry("2.000619", "Tạm ngừng kinh doanh, tiếp tục kinh doanh trước thời hạn của hộ kinh doanh",
              "Thành lập và hoạt động của hộ kinh doanh", .workingDays(3), economy, ["dkkd": 1],
              weight: 1, online: 1, fullyOnline: 0.95, fee: 0),
        entry("2.000576", "Chấm dứt hoạt động hộ kinh doanh", "Thành lập và hoạt động của hộ kinh doanh",
              .workingDays(3), economy, ["dkkd": 1], weight: 1, online: 1, fullyOnline: 0.95, fee: 0),
        // Bảo trợ xã hội.
        entry("1.001776", "Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hằng tháng",
              "Bảo trợ xã hội", .workingDays(15), social, ["dvcqg": 0.6, "motcua": 0.4], weight: 1.5,
              online: 0.9, fullyOnline: 0.5, fee: 0),
        entry("1.001758", "Hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội", "Bảo trợ xã hội",
              .workingDays(3), social, ["dvcqg": 0.6, "motcua": 0.4], weight: 0.6, online: 0.85,
              fullyOnline: 0.5, fee: 0),
        entry("1.010940", "Xác nhận hộ gia đình làm nông nghiệp, lâm nghiệp, ngư nghiệp có mức sống trung bình",
              "Bảo trợ xã hội", .workingDays(10), social, ["motcua": 1], weight: 0.8, online: 0.9,
              fullyOnline: 0.6, fee: 0),
    ]
}
