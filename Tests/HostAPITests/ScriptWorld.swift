import Domain
import Foundation
import HostAPI
import LuaBridge
import Sandbox
import Store

/// A real world for scripts under test: a temporary folder holding a real SQLite store file,
/// a clock set to 25/05/2026 17:00, and a sandbox with the host modules, its output captured.
final class ScriptWorld {
    let folder: String
    let storePath: String
    let clock: HostClock
    let log = CapturedLog()
    private(set) var store: SQLiteStore?

    static let time = CentreTime.vietnam

    static func at(_ text: String) -> Date { try! time.instant(parsing: text) }

    init(now: String = "25/05/2026 17:00") throws {
        folder = NSTemporaryDirectory() + "hostapi-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        storePath = folder + "/hostrun.db"
        clock = HostClock(fixed: Self.at(now))
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    /// Writes dossiers (and feedback) into the store file, creating it.
    func load(_ dossiers: [Dossier], feedback: [Feedback] = []) throws {
        let store = try self.store ?? SQLiteStore(path: storePath)
        self.store = store
        try store.upsert(dossiers.map { DossierRecord($0) }, as: ImportRequest(connector: "tests"))
        if !feedback.isEmpty {
            try store.upsertFeedback(feedback.map { FeedbackRecord($0) }, as: ImportRequest(connector: "tests"))
        }
    }

    func environment(personalData: Bool = false, capabilities: Capabilities = .none,
                     logLevel: LogLevel = .debug, controlsClock: Bool = false) -> HostEnvironment {
        HostEnvironment(clock: clock, store: StoreAccess(location: .file(path: storePath), clock: clock),
                        log: HostLog(level: logLevel, sink: log), grants: ScriptGrants(personalData: personalData),
                        capabilities: capabilities, controlsClock: controlsClock)
    }

    /// Runs a script (written to a file of the folder, so messages name `name:line`) and returns
    /// what it printed.
    @discardableResult
    func run(_ source: String, name: String = "script.lua", arguments: [String] = [],
             environment: HostEnvironment? = nil) throws(LuaError) -> String {
        let path = folder + "/" + name
        FileManager.default.createFile(atPath: path, contents: Data(source.utf8))
        let output = CapturedOutput()
        let sandbox = try (environment ?? self.environment()).makeSandbox(limits: .default, output: output, moduleFolder: folder)
        // The chunk is named by its file name alone, so messages read `script.lua:3:`.
        try sandbox.run(source: Array(source.utf8), name: "@" + name, scriptName: name, arguments: arguments)
        return output.text
    }

    /// The error a script raises.
    func failure(_ source: String, environment: HostEnvironment? = nil) -> LuaError? {
        do {
            try run(source, environment: environment)
            return nil
        } catch {
            return error
        }
    }
}

/// Small, hand-written dossiers whose every figure is known.
enum Fixtures {
    static func at(_ text: String) -> Date { ScriptWorld.at(text) }

    static func dossier(_ code: String, department: String = "Phòng Văn hóa - Xã hội", field: String = "Hộ tịch",
                        channel: Channel = .online, received: String, due: String?, status: DossierStatus = .processing,
                        finished: String? = nil, history: [StatusChange] = [], applicant: Applicant = Applicant(),
                        source: String = "motcua", procedure: String = "1.001193", limit: Int = 5) -> Dossier {
        Dossier(key: DossierKey(source: source, code: code),
                procedure: Procedure(code: procedure, name: "Đăng ký khai sinh", field: field, timeLimit: .workingDays(limit)),
                department: department, applicant: applicant, channel: channel, receivedAt: at(received),
                dueAt: due.map(at), status: status, history: history, finishedAt: finished.map(at),
                digitised: channel == .online, dataReused: false)
    }

    /// Five dossiers on 25/05/2026: two overdue in two departments, one due in two working
    /// days, one refused with a reason, one resolved.
    static let ward: [Dossier] = [
        dossier("HS-001", received: "12/05/2026 08:00", due: "19/05/2026 17:00",
                applicant: Applicant(name: "Nguyễn Văn An", identityNumber: "001204012345", phone: "0912345678",
                                     address: "12 Lê Lợi")),
        dossier("HS-002", department: "Phòng Kinh tế", field: "Hộ kinh doanh", channel: .inPerson,
                received: "13/05/2026 09:00", due: "20/05/2026 17:00"),
        dossier("HS-003", received: "21/05/2026 10:00", due: "27/05/2026 17:00"),
        dossier("HS-004", channel: .inPerson, received: "04/05/2026 08:30", due: "11/05/2026 17:00", status: .refused,
                finished: "08/05/2026 10:00",
                history: [StatusChange(status: .received, at: at("04/05/2026 08:30")),
                          StatusChange(status: .processing, at: at("04/05/2026 09:00")),
                          StatusChange(status: .refused, at: at("08/05/2026 10:00"), actor: "cán bộ A",
                                       note: "Hồ sơ không đủ điều kiện: thiếu giấy chứng sinh")]),
        dossier("HS-005", department: "Phòng Kinh tế", field: "Hộ kinh doanh", received: "05/05/2026 08:00",
                due: "12/05/2026 17:00", status: .resolved, finished: "11/05/2026 15:00"),
    ]
}
