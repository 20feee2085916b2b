import Domain
import Foundation
import GRDB
@testable import PostgresStore
@testable import Store

/// A fresh store, removed when the test ends: an SQLite file in a temporary folder, or a new
/// migrated database on the test server.
final class TemporaryStore {
    let backend: StoreBackend
    let folder: URL
    /// The SQLite file, or the PostgreSQL URL of the test's own database.
    let path: String
    let store: any DossierStore
    private let database: String?

    /// The SQLite store, for tests of what only SQLite does.
    var sqlite: SQLiteStore { store as! SQLiteStore }

    /// How many cursors the store lets be open at once.
    var cursorLimit: Int {
        backend == .sqlite ? sqlite.cursorSlots.limit : (store as! PostgreSQLStore).cursorSlots.limit
    }

    init(_ backend: StoreBackend = .sqlite, centreTime: CentreTime = .vietnam) throws {
        self.backend = backend
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("store-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        switch backend {
        case .sqlite:
            database = nil
            path = folder.appendingPathComponent("test.db").path
            store = try SQLiteStore(path: path, centreTime: centreTime, clock: { Fixtures.clock })
        case .postgres:
            let server = StoreBackend.postgresURL!
            let name = "hostrun_test_" + UUID().uuidString.prefix(13).lowercased().replacingOccurrences(of: "-", with: "")
            try PSQL.run(server, "CREATE DATABASE \(name)")
            database = name
            path = PSQL.url(server, database: name)
            _ = try PostgreSQLStore.migrate(url: path)
            store = try PostgreSQLStore(url: path, centreTime: centreTime, clock: { Fixtures.clock })
        }
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
        if let database, let server = StoreBackend.postgresURL {
            _ = try? PSQL.run(server, "DROP DATABASE IF EXISTS \(database) WITH (FORCE)")
        }
    }

    /// Another store on the same file or database, as a second process would open it
    /// (with its own clock, when given).
    func reopen(clock: @escaping @Sendable () -> Date = { Fixtures.clock }) throws -> any DossierStore {
        try StoreFactory.open(backend == .sqlite ? .file(path: path) : .postgres(url: path), clock: clock)
    }

    /// Runs SQL beside the store, as another program would; throws the database's message.
    func execute(_ sql: String) throws {
        switch backend {
        case .sqlite: try DatabaseQueue(path: path).write { try $0.execute(sql: sql) }
        case .postgres: try PSQL.run(path, sql)
        }
    }

    /// The rows of a query run beside the store, as text.
    func rows(_ sql: String) throws -> [[String]] {
        switch backend {
        case .sqlite:
            try DatabaseQueue(path: path).read { db in
                try Row.fetchAll(db, sql: sql).map { $0.databaseValues.map(\.description) }
            }
        case .postgres:
            try PSQL.run(path, sql)
        }
    }

    /// Every row of every table, to prove that nothing was written.
    func snapshot(except skipped: String? = nil) throws -> [String: [[String]]] {
        var tables: [String: [[String]]] = [:]
        for table in ["imports", "sources", "procedures", "dossiers", "status_history", "feedback", "audit"]
        where table != skipped {
            tables[table] = try rows("SELECT * FROM \(table) ORDER BY 1")
        }
        return tables
    }
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
                        channel: Channel = .online, centre: String? = nil) -> Dossier {
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
                       digitised: true, dataReused: false, feePayable: true, paidOnline: true,
                       centre: centre)
    }

    static func records(_ dossiers: [Dossier]) -> [DossierRecord] {
        dossiers.enumerated().map { DossierRecord($1, origin: "fixture row \($0 + 2)") }
    }

    /// A batch request with a fresh batch id.
    static var request: ImportRequest { ImportRequest(connector: "test") }
}
