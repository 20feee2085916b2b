import Domain
import Foundation
import Scheduling
import Store
import Testing

/// `hostrun check` run as cron or Nagios would run it: the real binary, a real store file, the
/// bundled plugins (found in ./Plugins: tests run from the package folder), the clock set with
/// `--now`.
@Suite("hostrun check behaves as a Nagios plugin; hostrun validate lists faulty dossiers by rule")
struct CheckCommandTests {
    // MARK: Nagios plugin behaviour

    @Test func overdueOnADemoStoreListsWhatTheDomainSaysIsOverdue() throws {
        let world = try CheckWorld()
        let demo = try HostrunBinary.run(["demo", "--db", world.storePath])
        try #require(demo.status == 0, "\(demo.stderr)")
        let now = CheckWorld.at("05/06/2026 08:00")

        // The oracle: every open primary dossier whose standing is overdue, by due date.
        let store = try SQLiteStore(path: world.storePath)
        let calculator = DeadlineCalculator()
        var expected: [Dossier] = []
        try store.forEach(DossierQuery(openOn: CentreTime.vietnam.localDate(now), order: .dueAt, includeHistory: true)) { d in
            if calculator.standing(of: d, at: now).state == .overdue { expected.append(d) }
        }
        try #require(!expected.isEmpty, "the demo ward has overdue dossiers on 05/06/2026")

        let result = try world.hostrun(["check", "overdue", "--now", "05/06/2026 08:00"])
        #expect(result.status == 2, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let head = try #require(lines.first)
        #expect(head.hasPrefix("CRITICAL - \(expected.count) hồ sơ quá hạn: "), "\(head)")
        #expect(head.contains(" | 'max_days_over'="), "\(head)")
        #expect(head.hasSuffix(" 'overdue'=\(expected.count);;0;0"), "\(head)")
        #expect(lines.count == expected.count + 1)
        for (line, dossier) in zip(lines.dropFirst(), expected) {
            let over = -(calculator.standing(of: dossier, at: now).workingDaysLeft ?? 0)
            #expect(line == "\(dossier.code) (\(dossier.department)): quá hạn \(over) ngày làm việc "
                    + "(hạn \(CentreTime.vietnam.localDate(dossier.dueAt!).vietnamese))")
        }

        let json = try world.hostrun(["check", "overdue", "--now", "05/06/2026 08:00", "--json"])
        #expect(json.status == 2)
        let decoded = try JSONDecoder().decode(CheckResult.self, from: Data(json.stdout.utf8))
        #expect(decoded.status == .critical)
        #expect(decoded.items.map(\.key) == expected.map(\.code))
        #expect(decoded.items.map(\.department) == expected.map(\.department))
        #expect(json.stdout.contains("\"exit_code\":2"))
    }

    @Test func daysPassAndDossiersBecomeDueThenOverdueThenClear() throws {
        let world = try CheckWorld()
        // Received Monday 18/05 with 3 working days: due Thursday 21/05. The other is due
        // Wednesday 27/05.
        var first = CheckWorld.dossier("HS-1", department: "Phòng Tư pháp", received: "18/05/2026 09:00", limit: 3)
        let second = CheckWorld.dossier("HS-2", department: "Phòng Kinh tế", received: "20/05/2026 10:00", limit: 5)
        try world.load([first, second])

        func check(_ name: String, at now: String) throws -> (Int32, [String]) {
            let result = try world.hostrun(["check", name, "--now", now])
            #expect(result.stderr.isEmpty, "\(result.stderr)")
            return (result.status, result.stdout.split(separator: "\n").map(String.init))
        }

        var (status, lines) = try check("due-soon", at: "19/05/2026 08:00")
        #expect(status == 1)
        #expect(lines == ["WARNING - 1 hồ sơ đến hạn trong 2 ngày làm việc tới (đến 21/05/2026) | 'due_soon'=1;0;;0",
                          "HS-1 (Phòng Tư pháp): còn 2 ngày làm việc (hạn 21/05/2026)"])
        (status, lines) = try check("overdue", at: "19/05/2026 08:00")
        #expect(status == 0)
        #expect(lines == ["OK - Không có hồ sơ quá hạn | 'max_days_over'=0;;;0 'overdue'=0;;0;0"])

        (status, lines) = try check("due-soon", at: "21/05/2026 10:00")
        #expect(status == 1)
        #expect(lines.last == "HS-1 (Phòng Tư pháp): đến hạn hôm nay (21/05/2026)")
        #expect(try check("overdue", at: "21/05/2026 16:59").0 == 0)

        (status, lines) = try check("overdue", at: "22/05/2026 08:00")
        #expect(status == 2)
        #expect(lines == ["CRITICAL - 1 hồ sơ quá hạn: Phòng Tư pháp 1 | 'max_days_over'=1;;;0 'overdue'=1;;0;0",
                          "HS-1 (Phòng Tư pháp): quá hạn 1 ngày làm việc (hạn 21/05/2026)"])
        #expect(try check("due-soon", at: "22/05/2026 08:00").0 == 0)

        // Monday: two working days over, and the second dossier is now two days from its due date.
        (status, lines) = try check("overdue", at: "25/05/2026 08:00")
        #expect(lines.last == "HS-1 (Phòng Tư pháp): quá hạn 2 ngày làm việc (hạn 21/05/2026)")
        (status, lines) = try check("due-soon", at: "25/05/2026 08:00")
        #expect(lines.last == "HS-2 (Phòng Kinh tế): còn 2 ngày làm việc (hạn 27/05/2026)")

        // Resolved late on Monday afternoon: nothing overdue from then on.
        first.status = .resolved
        first.finishedAt = CheckWorld.at("25/05/2026 15:00")
        first.history.append(StatusChange(status: .resolved, at: first.finishedAt!))
        try world.load([first])
        (status, lines) = try check("overdue", at: "26/05/2026 08:00")
        #expect(status == 0)
        #expect(lines.first?.hasPrefix("OK - Không có hồ sơ quá hạn") == true)
    }

    @Test func whatGoesWrongIsUnknownWithExitCodeThree() throws {
        let world = try CheckWorld()
        try world.load([CheckWorld.dossier("HS-1", department: "Phòng Tư pháp", received: "18/05/2026 09:00", limit: 3)])
        try world.plugin("boom", run: "error('the source table is missing')")
        try world.plugin("hang", run: "while true do end")
        try world.plugin("bad-status", run: "return { status = 'fine', summary = 'x' }")
        try world.plugin("bad-item", run: "return { status = 'warning', summary = 'x', items = { { key = 'A' }, { department = 'B' } } }")
        try world.plugin("loud", run: "print('looking at', dossiers.count()) return { status = 'ok', summary = 'all good' }")

        let cases: [([String], String)] = [
            (["check", "nope"], "UNKNOWN - check 'nope': no check named 'nope'"),
            (["check", "boom"], "UNKNOWN - check 'boom': boom/init.lua:3: the source table is missing"),
            (["check", "hang", "--max-time", "1"], "UNKNOWN - check 'hang': time limit of 1 s exceeded"),
            (["check", "bad-status"], "UNKNOWN - check 'bad-status': returned an invalid result: status: 'fine' is not ok, warning, critical or unknown"),
            (["check", "bad-item"], "UNKNOWN - check 'bad-item': returned an invalid result: items[2].key: expected a non-empty string, got nil"),
            (["check", "overdue", "--option", "dayz=3"], "UNKNOWN - check 'overdue': option 'dayz': not an option of check 'overdue' (known: critical, department, field, warning)"),
            (["check", "due-soon", "--option", "days=soon"], "UNKNOWN - check 'due-soon': option 'days': expected a whole number, got \"soon\""),
            (["check", "overdue", "--now", "31/02/2026"], "UNKNOWN - check 'overdue': --now: "),
            (["check", "overdue", "--db", world.folder + "/missing.db"], "UNKNOWN - check 'overdue': overdue/init.lua:"),
        ]
        for (arguments, head) in cases {
            let started = ContinuousClock.now
            let result = try world.hostrun(arguments)
            #expect(result.status == 3, "\(arguments): \(result.stdout)\(result.stderr)")
            #expect(result.stdout.hasPrefix(head), "\(arguments): \(result.stdout)")
            #expect(result.stdout.split(separator: "\n").count == 1, "\(arguments): \(result.stdout)")
            #expect(ContinuousClock.now - started < .seconds(10), "\(arguments)")
        }

        // Standard output is the plugin output alone; what a check prints goes to standard error.
        let loud = try world.hostrun(["check", "loud"])
        #expect(loud.status == 0)
        #expect(loud.stdout == "OK - all good\n")
        #expect(loud.stderr == "looking at\t1\n")
    }

    @Test func optionsArriveTypedAndFilterTheStoreQuery() throws {
        let world = try CheckWorld()
        try world.load([
            CheckWorld.dossier("HS-1", department: "Phòng Tư pháp", received: "04/05/2026 09:00", limit: 3),
            CheckWorld.dossier("HS-2", department: "Phòng Kinh tế", received: "04/05/2026 09:00", limit: 3),
            CheckWorld.dossier("HS-3", department: "Phòng Kinh tế", received: "05/05/2026 09:00", limit: 3),
        ])
        let now = CheckWorld.at("25/05/2026 08:00")
        let store = try SQLiteStore(path: world.storePath)
        let worst = try ["HS-2", "HS-3"].map { code in
            -(DeadlineCalculator().standing(of: try #require(try store.dossier(DossierKey(source: "motcua", code: code))), at: now)
                .workingDaysLeft ?? 0)
        }.max()!
        let some = try world.hostrun(["check", "overdue", "--now", "25/05/2026 08:00",
                                      "--option", "department=Phòng Kinh tế", "--option", "critical=3", "--option", "warning=2"])
        #expect(some.status == 1, "\(some.stdout)\(some.stderr)")
        #expect(some.stdout.hasPrefix("WARNING - 2 hồ sơ quá hạn: Phòng Kinh tế 2 | 'max_days_over'=\(worst);;;0 'overdue'=2;1;2;0\n"))
        let two = try world.hostrun(["check", "overdue", "--now", "25/05/2026 08:00",
                                     "--option", "department=Phòng Kinh tế,Phòng Tư pháp"])
        #expect(two.stdout.hasPrefix("CRITICAL - 3 hồ sơ quá hạn: "))
    }

    @Test func feedsAndFeedbackAreReadFromTheStore() throws {
        let world = try CheckWorld()
        try world.load([CheckWorld.dossier("HS-1", department: "Phòng Tư pháp", received: "18/05/2026 09:00", limit: 3)],
                       connector: "motcua", at: "25/05/2026 06:00")
        try world.load([CheckWorld.dossier("HS-2", department: "Phòng Tư pháp", received: "18/05/2026 09:00", limit: 3,
                                           source: "dvcqg")], connector: "dvcqg", at: "23/05/2026 01:00")
        let silent = try world.hostrun(["check", "source-silent", "--now", "25/05/2026 09:00"])
        #expect(silent.status == 1, "\(silent.stdout)\(silent.stderr)")
        #expect(silent.stdout == """
            WARNING - 1/2 nguồn dữ liệu im lặng: dvcqg | 'silent'=1;0;;0;2 'dvcqg age'=201600s;86400;;0 'motcua age'=10800s;86400;;0
            dvcqg: không nhập dữ liệu 56 giờ (lần cuối 23/05/2026 01:00)

            """)
        let expected = try world.hostrun(["check", "source-silent", "--now", "25/05/2026 09:00", "--option", "connectors=motcua,hcc"])
        #expect(expected.status == 2)
        #expect(expected.stdout.hasSuffix("hcc: chưa từng nhập dữ liệu\n"))

        func item(_ code: String, received: String, due: String, status: FeedbackStatus = .received) -> Feedback {
            Feedback(key: DossierKey(source: "pakn", code: code), subject: "Thái độ tiếp dân", receivedAt: CheckWorld.at(received),
                     dueAt: CheckWorld.at(due), status: status,
                     handledAt: status.isFinished ? CheckWorld.at("22/05/2026 10:00") : nil)
        }
        try world.load([], feedback: [item("PA-1", received: "04/05/2026 09:00", due: "21/05/2026 17:00"),
                                      item("PA-2", received: "18/05/2026 09:00", due: "26/05/2026 17:00"),
                                      item("PA-3", received: "04/05/2026 09:00", due: "21/05/2026 17:00", status: .handled)])
        let feedback = try world.hostrun(["check", "feedback-due", "--now", "25/05/2026 09:00"])
        #expect(feedback.status == 2, "\(feedback.stdout)\(feedback.stderr)")
        #expect(feedback.stdout.split(separator: "\n").dropFirst() == [
            "PA-1: quá hạn 2 ngày làm việc (hạn 21/05/2026): Thái độ tiếp dân",
            "PA-2: còn 1 ngày làm việc (hạn 26/05/2026): Thái độ tiếp dân",
        ])

        // The two modules as scripts see them, and their argument errors.
        let script = try HostrunBinary.run(["--db", world.storePath, "-e", """
            local latest = imports.latest()
            print(#latest, latest[1].connector, latest[2].connector, #imports.recent(1), #feedback.list{ status = "handled" })
            print(pcall(imports.recent, 20000))
            print(pcall(feedback.list, { status = "done" }))
            """])
        #expect(script.stdout == """
            3	dvcqg	motcua	1	1
            false	bad argument #1 to 'imports.recent' (must be between 0 and 10000)
            false	bad argument #1 to 'feedback.list' (field 'status': unknown status 'done' (received, processing, handled or rejected))

            """, "\(script.stderr)")
    }

    @Test func listShowsEveryBundledCheckWithItsOptions() throws {
        let result = try HostrunBinary.run(["check", "--list"])
        #expect(result.status == 0, "\(result.stderr)")
        for name in ["overdue", "due-soon", "supplement-stale", "stalled", "feedback-due", "source-silent"] {
            #expect(result.stdout.contains("\n\(name) 1.0.0\n") || result.stdout.hasPrefix("\(name) 1.0.0\n"), "\(name)")
        }
        for name in ["finished-without-result-date", "due-date-mismatch", "conflicting-sources"] {
            #expect(result.stdout.contains("\(name) 1.0.0 (validation)"), "\(name)")
        }
        #expect(result.stdout.contains("--option days=<integer>"))
        #expect(!result.stdout.contains("(unusable)"), "\(result.stdout)")
    }

    // MARK: Validation

    @Test func validateListsTheFaultyDossiersByRule() throws {
        let world = try CheckWorld()
        let calculator = DeadlineCalculator()
        var unfinished = CheckWorld.dossier("F-1", department: "Phòng Tư pháp", received: "04/05/2026 09:00", limit: 3)
        unfinished.status = .resolved   // finished, but no result date
        var shifted = CheckWorld.dossier("M-1", department: "Phòng Kinh tế", received: "04/05/2026 09:00", limit: 5)
        let due = calculator.calendar.workingDay(1, after: CentreTime.vietnam.localDate(shifted.dueAt!))
        shifted.dueAt = CentreTime.vietnam.instant(due, LocalTime(hour: 17, minute: 0)!)
        let portal = CheckWorld.dossier("C-1", department: "Phòng Tư pháp", received: "06/05/2026 09:00", limit: 3)
        var local = portal
        local.key = DossierKey(source: "dvcqg", code: "C-1")
        local.status = .refused
        local.finishedAt = CheckWorld.at("07/05/2026 10:00")
        let clean = CheckWorld.dossier("OK-1", department: "Phòng Tư pháp", received: "11/05/2026 09:00", limit: 3)
        try world.load([unfinished, shifted, portal, local, clean])

        let result = try world.hostrun(["validate"])
        #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "conflicting-sources: WARNING - 1 mã hồ sơ có dữ liệu khác nhau giữa các nguồn | 'conflicting'=1;0;;0 'linked'=1 'records'=5")
        #expect(lines[1] == "  C-1 (Phòng Tư pháp): dvcqg/motcua: status refused ≠ processing, finished_at 07/05/2026 ≠ (trống)")
        #expect(lines[2] == "due-date-mismatch: WARNING - 1/5 hồ sơ có hạn trả không khớp thời hạn của thủ tục | 'checked'=5 'mismatched'=1;0;;0 'skipped'=0")
        #expect(lines[3] == "  M-1 (Phòng Kinh tế): hạn \(due.vietnamese), nhưng tiếp nhận 04/05/2026 09:00 với thời hạn 5 ngày làm việc "
                + "thì hạn là 11/05/2026 (+1 ngày làm việc, nguồn motcua)")
        #expect(lines[4] == "finished-without-result-date: WARNING - 1 hồ sơ đã kết thúc nhưng thiếu ngày trả kết quả | 'faulty'=1;0;;0")
        #expect(lines[5] == "  F-1 (Phòng Tư pháp): trạng thái resolved nhưng không có ngày trả kết quả (nguồn motcua, tiếp nhận 04/05/2026)")
        #expect(lines.last == "3 rules, 3 findings: WARNING")

        let one = try world.hostrun(["validate", "--rule", "due-date-mismatch", "--json"])
        #expect(one.status == 1)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(one.stdout.utf8)) as? [String: Any])
        let rules = try #require(document["rules"] as? [[String: Any]])
        #expect(rules.count == 1)
        #expect(rules.first?["rule"] as? String == "due-date-mismatch")
        #expect(document["exit_code"] as? Int == 1)

        let cleanWorld = try CheckWorld()
        try cleanWorld.load([clean])
        let ok = try cleanWorld.hostrun(["validate"])
        #expect(ok.status == 0)
        #expect(ok.stdout.hasSuffix("3 rules, 0 findings: OK\n"))
        let unknownRule = try cleanWorld.hostrun(["validate", "--rule", "overdue"])
        #expect(unknownRule.status == 3)
        #expect(unknownRule.stderr == "hostrun validate: no validation check named 'overdue' (hostrun check --list marks them)\n")
    }
}

/// A temporary folder with a store file, and check plugins of the test's own under `plugins/`.
final class CheckWorld {
    let folder: String
    let storePath: String

    static func at(_ text: String) -> Date { try! CentreTime.vietnam.instant(parsing: text) }

    init() throws {
        folder = FileManager.default.temporaryDirectory.path + "/hostrun-checks-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder + "/plugins", withIntermediateDirectories: true)
        storePath = folder + "/centre.db"
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    /// An open dossier received at `received`, due after `limit` working days by the domain's rules.
    static func dossier(_ code: String, department: String, received: String, limit: Int,
                        source: String = "motcua") -> Dossier {
        let procedure = Procedure(code: "1.001193", name: "Đăng ký khai sinh", field: "Hộ tịch", timeLimit: .workingDays(limit))
        let receivedAt = at(received)
        return Dossier(key: DossierKey(source: source, code: code), procedure: procedure, department: department,
                       channel: .online, receivedAt: receivedAt,
                       dueAt: DeadlineCalculator().dueAt(for: procedure, receivedAt: receivedAt), status: .processing,
                       history: [StatusChange(status: .received, at: receivedAt),
                                 StatusChange(status: .processing, at: receivedAt.addingTimeInterval(600))])
    }

    /// Writes dossiers and feedback into the store file (creating it), as an import by
    /// `connector` at `at` (default: now) would.
    func load(_ dossiers: [Dossier], feedback: [Feedback] = [], connector: String = "tests", at: String? = nil) throws {
        let instant = at.map(Self.at)
        let store = try SQLiteStore(path: storePath, clock: { instant ?? Date() })
        try store.upsert(dossiers.map { DossierRecord($0, origin: "test") }, as: ImportRequest(connector: connector))
        if !feedback.isEmpty {
            try store.upsertFeedback(feedback.map { FeedbackRecord($0, origin: "test") }, as: ImportRequest(connector: connector))
        }
    }

    /// A check plugin whose `run` has `body` as its code (from line 3 of init.lua).
    func plugin(_ name: String, run body: String) throws {
        let path = folder + "/plugins/" + name
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        try #"return { name = "\#(name)", kind = "check", version = "0.1.0", description = "test check" }"#
            .write(toFile: path + "/manifest.lua", atomically: true, encoding: .utf8)
        try "local M = {}\nfunction M.run(options)\n\(body)\nend\nreturn M\n"
            .write(toFile: path + "/init.lua", atomically: true, encoding: .utf8)
    }

    /// Runs hostrun on this world's store, with its plugins beside the bundled ones.
    func hostrun(_ arguments: [String]) throws -> HostrunBinary.Result {
        let flags = arguments.contains("--db") ? [] : ["--db", storePath]
        return try HostrunBinary.run(arguments + flags + ["--plugin-path", folder + "/plugins"])
    }
}
