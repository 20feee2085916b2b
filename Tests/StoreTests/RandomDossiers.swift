import Domain
import Foundation

/// A deterministic generator (SplitMix64), so every random test can be replayed from its seed.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D2_49E3_3A14_8D2B
        return z ^ (z >> 31)
    }
}

/// Varied dossiers for query tests: three sources sharing some codes, every status and channel,
/// unknown due dates, Vietnamese names with and without diacritics.
enum RandomDossiers {
    static let names = ["Nguyễn Văn Đức", "Trần Thị Hòa", "Lê Hoàng Anh", "Phạm Thị Thu Hà", "Đỗ Minh Tuấn",
                        "Nguyen Van Binh", "Hoàng Thị Ngọc Ánh", "Vũ Đức Thắng", "Bùi Thị Lan 100%"]
    static let departments = ["Phòng Văn hóa - Xã hội", "Phòng Kinh tế", "Phòng Quản lý đô thị"]
    static let procedures = [
        Fixtures.birth, Fixtures.land,
        Procedure(code: "2.000908", name: "Chứng thực bản sao từ bản chính", field: "Chứng thực",
                  timeLimit: .workingHours(4)),
        Procedure(code: "2.000720", name: "Đăng ký thành lập hộ kinh doanh", field: "Hộ kinh doanh",
                  timeLimit: .workingDays(3)),
    ]

    static func make(count: Int, seed: UInt64) -> [Dossier] {
        var random = SeededGenerator(seed: seed)
        let start = Fixtures.at(2025, 11, 1).timeIntervalSince1970
        return (0..<count).map { i in
            let source = ["motcua", "dvcqg", "hotich"][Int.random(in: 0..<3, using: &random)]
            // Codes repeat across sources about one time in four, which makes link groups.
            let code = "HS-\(Int.random(in: 0..<(count * 3 / 4 + 1), using: &random))"
            let received = Date(timeIntervalSince1970: start + Double(Int.random(in: 0..<(180 * 86_400), using: &random)))
            let status = DossierStatus.allCases.randomElement(using: &random)!
            let channel = Channel.allCases.randomElement(using: &random)!
            let due: Date? = Int.random(in: 0..<10, using: &random) == 0 ? nil
                : received.addingTimeInterval(Double(Int.random(in: 1...15, using: &random)) * 86_400)
            let finished: Date? = status.isFinished
                ? received.addingTimeInterval(Double(Int.random(in: 0..<(20 * 86_400), using: &random))) : nil
            let name: String? = Int.random(in: 0..<8, using: &random) == 0 ? nil : names.randomElement(using: &random)
            return Dossier(key: DossierKey(source: source, code: code),
                           procedure: procedures.randomElement(using: &random)!,
                           department: departments.randomElement(using: &random)!,
                           applicant: Applicant(name: name), channel: channel,
                           fullyOnline: channel == .online && Bool.random(using: &random),
                           receivedAt: received, dueAt: due, status: status, finishedAt: finished,
                           digitised: Bool.random(using: &random), dataReused: Bool.random(using: &random))
        }
        .reduce(into: [DossierKey: Dossier]()) { $0[$1.key] = $1 }  // one record per key
        .values.sorted { $0.key < $1.key }
    }
}
