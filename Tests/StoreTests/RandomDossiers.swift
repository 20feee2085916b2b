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
    /// Two wards and none named, for the centre filter and roll-up.
    static let centres: [String?] = ["Phường Hàng Bông", "Phường Cửa Nam", nil]
    static let departments = ["Phòng Văn hóa - Xã hội", "Phòng Kinh tế", "Phòng Quản lý đô thị"]
    static let procedures = [
        Fixtures.birth, Fixtures.land,
        Procedure(code: "2.000908", name: "Chứng thực bản sao từ bản chính", field: "Chứng thực",
                  timeLimit: .workingHours(4)),
        Procedure(code: "2.000720", name: "Đăng ký thành lập hộ kinh doanh", field: "Hộ kinh doanh",
                  timeLimit: .workingDays(3)),
    ]

    /// `count` dossiers (fewer after dropping repeated keys), each valid by
    /// ``Domain/Dossier/validate()``: histories are built with the domain's own `append`.
    static func make(count: Int, seed: UInt64) throws -> [Dossier] {
        var random = SeededGenerator(seed: seed)
        let start = Fixtures.at(2025, 9, 1).timeIntervalSince1970
        var byKey: [DossierKey: Dossier] = [:]
        for _ in 0..<count {
            let dossier = try make(start: start, codes: count * 3 / 4 + 1, using: &random)
            byKey[dossier.key] = dossier
        }
        return byKey.values.sorted { $0.key < $1.key }
    }

    private static func make(start: TimeInterval, codes: Int,
                             using random: inout SeededGenerator) throws -> Dossier {
        func pick<T>(_ values: [T]) -> T { values.randomElement(using: &random)! }
        func chance(_ oneIn: Int) -> Bool { Int.random(in: 0..<oneIn, using: &random) == 0 }
        func seconds(upToDays days: Int) -> TimeInterval { Double(Int.random(in: 0..<(days * 86_400), using: &random)) }

        let source = pick(["motcua", "dvcqg", "hotich"])
        // Codes repeat across sources about one time in four, which makes link groups.
        let code = "HS-\(Int.random(in: 0..<codes, using: &random))"
        let received = Date(timeIntervalSince1970: start + seconds(upToDays: 300))
        let channel = pick(Channel.allCases)
        let due: Date? = chance(10) ? nil : received.addingTimeInterval(Double(Int.random(in: 1...15, using: &random)) * 86_400)
        let feePayable = Bool.random(using: &random)
        var dossier = Dossier(
            key: DossierKey(source: source, code: code), procedure: pick(procedures),
            department: pick(departments), applicant: Applicant(name: chance(8) ? nil : pick(names)),
            channel: channel, fullyOnline: channel == .online && Bool.random(using: &random),
            receivedAt: received, dueAt: due, apologyDueAt: due != nil && chance(12) ? due!.addingTimeInterval(3 * 86_400) : nil,
            status: .received, digitised: Bool.random(using: &random), dataReused: Bool.random(using: &random),
            feePayable: feePayable, paidOnline: feePayable && Bool.random(using: &random),
            centre: pick(centres))
        let target = pick(DossierStatus.allCases)
        guard !chance(4) else {
            // No history: only the current status is known.
            dossier.status = target
            if target.isFinished { dossier.finishedAt = received.addingTimeInterval(seconds(upToDays: 20)) }
            return dossier
        }
        let detour: [DossierStatus] = chance(3) ? [.supplementRequested, .processing] : []
        let path: [DossierStatus] = switch target {
        case .received: []
        case .processing: [.processing]
        case .supplementRequested: [.processing] + detour + [.supplementRequested]
        case .awaitingPayment: [.processing, .awaitingPayment]
        case .resolved: [.processing] + detour + [.resolved]
        case .returned: [.processing, .resolved, .returned]
        case .refused: (chance(2) ? [.processing] : []) + [.refused]
        case .withdrawn: [.processing] + detour + [.withdrawn]
        }
        var at = received
        try dossier.append(StatusChange(status: .received, at: at, source: source))
        for status in path {
            at = at.addingTimeInterval(seconds(upToDays: 6))
            try dossier.append(StatusChange(status: status, at: at, actor: pick(["cán bộ A", "cán bộ B", nil]),
                                            source: source))
        }
        return dossier
    }
}
