import Domain
import Foundation

/// A deterministic stream of realistic dossiers for the benchmarks: two years of a busy centre
/// up to 30/06/2026, mostly online, mostly finished early, with supplements, refusals,
/// withdrawals, apologies and one record in twenty seen again by a second source (a link).
/// Generated one at a time, so a million never sit in memory.
struct BenchDossiers: Sequence {
    let count: Int
    let seed: UInt64

    static let time = CentreTime.vietnam
    static let first = time.startOfDay(LocalDate(year: 2024, month: 7, day: 1)!).timeIntervalSince1970
    static let now = time.startOfDay(LocalDate(year: 2026, month: 7, day: 1)!).timeIntervalSince1970 - 6 * 3600

    static let procedures: [Procedure] = [
        ("1.001193", "Đăng ký khai sinh", "Hộ tịch", 1), ("1.001022", "Đăng ký kết hôn", "Hộ tịch", 3),
        ("1.000656", "Đăng ký khai tử", "Hộ tịch", 1), ("1.004746", "Cấp bản sao trích lục hộ tịch", "Hộ tịch", 1),
        ("2.000908", "Chứng thực bản sao từ bản chính", "Chứng thực", 1),
        ("2.000884", "Chứng thực chữ ký trong giấy tờ", "Chứng thực", 1),
        ("2.001035", "Chứng thực hợp đồng, giao dịch", "Chứng thực", 2),
        ("1.004227", "Đăng ký biến động quyền sử dụng đất", "Đất đai", 10),
        ("1.003003", "Xác nhận tình trạng sử dụng đất", "Đất đai", 5),
        ("2.000720", "Đăng ký thành lập hộ kinh doanh", "Hộ kinh doanh", 3),
        ("2.000575", "Đăng ký thay đổi nội dung đăng ký hộ kinh doanh", "Hộ kinh doanh", 3),
        ("1.009994", "Cấp giấy phép xây dựng nhà ở riêng lẻ", "Xây dựng", 15),
        ("1.010007", "Xác nhận hộ gia đình làm nông nghiệp", "Nông nghiệp", 5),
        ("1.001776", "Đăng ký thường trú", "Công an", 7),
    ].map { Procedure(code: $0.0, name: $0.1, field: $0.2, timeLimit: .workingDays($0.3),
                      afternoonCutoff: $0.3 == 1 ? LocalTime(hour: 15) : nil) }
    static let departments = ["Phòng Văn hóa - Xã hội", "Phòng Kinh tế", "Phòng Quản lý đô thị",
                              "Bộ phận Tư pháp - Hộ tịch", "Bộ phận Địa chính"]
    static let families = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng",
                           "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"]
    static let middles = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Thu", "Ngọc", "Quang", "Thanh", "Xuân"]
    static let givens = ["An", "Bình", "Cường", "Dũng", "Đức", "Giang", "Hà", "Hải", "Hạnh", "Hòa", "Hùng",
                         "Hương", "Khánh", "Lan", "Linh", "Long", "Mai", "Nam", "Nga", "Phúc", "Phương",
                         "Quân", "Sơn", "Tâm", "Thảo", "Thắng", "Trang", "Tuấn", "Việt", "Yến"]

    func makeIterator() -> Iterator { Iterator(count: count, random: SplitMix64(seed: seed)) }

    struct Iterator: IteratorProtocol {
        let count: Int
        var random: SplitMix64
        var index = 0
        var previousCode = ""

        mutating func next() -> Dossier? {
            guard index < count else { return nil }
            defer { index += 1 }
            return make(index)
        }

        private mutating func make(_ i: Int) -> Dossier {
            func pick<T>(_ values: [T]) -> T { values[random.below(values.count)] }
            let span = BenchDossiers.now - BenchDossiers.first
            let received = BenchDossiers.first + span * Double(i) / Double(count) + Double(random.below(3600))
            // One record in twenty is the previous dossier again, as the national portal saw it.
            let linked = i % 20 == 19
            let code = linked ? previousCode : "HS-\(i)"
            previousCode = code
            let procedure = pick(BenchDossiers.procedures)
            let limitDays = if case let .workingDays(n)? = procedure.timeLimit { n } else { 1 }
            let due = received + Double(limitDays) * 1.4 * 86_400 + 86_400
            let channel: Channel = random.below(100) < 97 ? .online : random.below(5) == 0 ? .postal : .inPerson
            let fee = random.below(3) == 0
            let name = pick(BenchDossiers.families) + " " + pick(BenchDossiers.middles) + " " + pick(BenchDossiers.givens)

            var history = [StatusChange(status: .received, at: date(received), source: linked ? "dvcqg" : "motcua"),
                           StatusChange(status: .processing, at: date(received + 600), actor: "cán bộ tiếp nhận")]
            var at = received + 600
            if random.below(12) == 0 {
                at += Double(random.below(3 * 86_400))
                history.append(StatusChange(status: .supplementRequested, at: date(at), note: "bổ sung giấy tờ"))
                if at + 2 * 86_400 < BenchDossiers.now {
                    at += Double(random.below(4 * 86_400))
                    history.append(StatusChange(status: .processing, at: date(at)))
                }
            }
            // 99% finish before the due date, the rest up to five days after it.
            let roll = random.below(1000)
            let finishAt = roll < 990 ? at + Double(random.below(Swift.max(1, Int(due - at) - 3600)))
                : due + Double(random.below(5 * 86_400))
            var status = history.last!.status
            var finished: Date?
            if status == .processing && finishAt < BenchDossiers.now && roll >= 3 {
                status = roll < 25 ? .refused : roll < 45 ? .withdrawn : .resolved
                finished = date(finishAt)
                history.append(StatusChange(status: status, at: finished!, actor: "lãnh đạo"))
                if status == .resolved && finishAt + 86_400 < BenchDossiers.now {
                    status = .returned
                    history.append(StatusChange(status: .returned, at: date(finishAt + 86_400)))
                }
            }
            return Dossier(
                key: DossierKey(source: linked ? "dvcqg" : "motcua", code: code), procedure: procedure,
                department: pick(BenchDossiers.departments),
                applicant: Applicant(name: name, identityNumber: String(100_000_000_000 + random.below(900_000_000_000)),
                                     phone: "09" + String(10_000_000 + random.below(89_999_999))),
                channel: channel, fullyOnline: channel == .online && random.below(2) == 0,
                receivedAt: date(received), dueAt: date(due),
                apologyDueAt: finishAt > due && random.below(2) == 0 ? date(due + 3 * 86_400) : nil,
                status: status, history: history, finishedAt: finished,
                digitised: random.below(100) < 98, dataReused: random.below(100) < 83,
                feePayable: fee, paidOnline: fee && random.below(10) < 8)
        }

        /// Whole seconds, as source systems write them.
        private func date(_ seconds: Double) -> Date { Date(timeIntervalSince1970: seconds.rounded(.down)) }
    }
}

/// SplitMix64: small, fast and the same on every platform.
struct SplitMix64 {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D2_49E3_3A14_8D2B
        return z ^ (z >> 31)
    }

    /// A number in `0..<n`.
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}
