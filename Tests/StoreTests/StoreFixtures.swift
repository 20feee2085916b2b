import Domain
import Foundation
@testable import Store

/// A fresh store in a temporary folder, removed with the folder when the test ends.
final class TemporaryStore {
    let folder: URL
    let path: String
    let store: SQLiteStore

    init(centreTime: CentreTime = .vietnam) throws {
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("store-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        path = folder.appendingPathComponent("test.db").path
        store = try SQLiteStore(path: path, centreTime: centreTime, clock: { Fixtures.clock })
    }

    deinit { try? FileManager.default.removeItem(at: folder) }
}

/// Small hand-made dossiers for tests.
enum Fixtures {
    static let time = CentreTime.vietnam
    static let clock = Date(timeIntervalSince1970: 1_780_000_000)

    static func at(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 8, _ minute: Int = 0) -> Date {
        time.instant(LocalDate(year: year, month: month, day: day)!, LocalTime(hour: hour, minute: minute)!)
    }

    static let birth = Procedure(code: "1.001193", name: "Đăng ký khai sinh", field: "Hộ tịch",
                                 timeLimit: .workingDays(1), afternoonCutoff: LocalTime(hour: 15))
    static let land = Procedure(code: "1.004227", name: "Đăng ký biến động đất đai", field: "Đất đai",
                                timeLimit: .workingDays(10))

    /// A resolved online birth registration with a two-entry history.
    static func dossier(_ code: String, source: String = "motcua", name: String = "Nguyễn Văn Đức",
                        received: Date = at(2026, 1, 5), status: DossierStatus = .resolved,
                        channel: Channel = .online) -> Dossier {
        let finished: Date? = status.isFinished ? received.addingTimeInterval(86_400) : nil
        var history = [StatusChange(status: .processing, at: received.addingTimeInterval(600),
                                    actor: "cán bộ A", source: source)]
        if let finished { history.append(StatusChange(status: status, at: finished, source: source)) }
        return Dossier(key: DossierKey(source: source, code: code), procedure: birth,
                       department: "Phòng Văn hóa - Xã hội",
                       applicant: Applicant(name: name, identityNumber: "001203004005",
                                            phone: "0912345678"),
                       channel: channel, fullyOnline: channel == .online,
                       receivedAt: received, dueAt: received.addingTimeInterval(2 * 86_400),
                       status: status, history: history, finishedAt: finished,
                       digitised: true, dataReused: false, feePayable: true, paidOnline: true)
    }

    static func records(_ dossiers: [Dossier]) -> [DossierRecord] {
        dossiers.enumerated().map { DossierRecord($1, origin: "fixture row \($0 + 2)") }
    }

    /// A batch request with a fresh batch id.
    static var request: ImportRequest { ImportRequest(connector: "test") }
}
