import Domain
import Foundation
import HostAPI
import Scheduling
import Store
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `hostrun schedule` as systemd or cron would run it: the real binary, a real store, the
/// alerts of a JSON Lines sink read back from its file. `--once --now` steps through days;
/// `--now` without `--once` starts a live service seconds before a scheduled time.
@Suite("hostrun schedule runs its configuration, survives a hanging check and restarts without duplicate or lost alerts",
       .timeLimit(.minutes(5)))
struct ScheduleCommandTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    @Test func theExampleConfigurationRuns() throws {
        let world = try ScheduleWorld()
        let demo = try HostrunBinary.run(["demo", "--db", world.storePath])
        try #require(demo.status == 0, "\(demo.stderr)")
        let config = Self.repository + "/docs/examples/schedule.lua"

        // The first start records the checks and runs nothing.
        let first = try world.schedule(["--config", config, "--once", "--now", "03/06/2026 07:00"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(try world.alerts().isEmpty)

        // The next working morning, the 07:30 checks run; the hourly one missed its 07:00 and
        // does not catch up (catch_up = "skip").
        let morning = try world.schedule(["--config", config, "--once", "--now", "04/06/2026 07:30"])
        #expect(morning.status == 0, "\(morning.stderr)")
        #expect(morning.stderr.contains("overdue: succeeded CRITICAL"), "\(morning.stderr)")
        #expect(morning.stderr.contains("due-soon: succeeded"), "\(morning.stderr)")
        #expect(morning.stderr.contains("source-silent: skipped [missed]"), "\(morning.stderr)")

        let expected = try HostrunBinary.run(["check", "overdue", "--db", world.storePath, "--now", "04/06/2026 07:30", "--json"])
        let overdue = try JSONDecoder().decode(CheckResult.self, from: Data(expected.stdout.utf8))
        let alerts = try world.alerts()
        let fired = alerts.filter { $0.check == "overdue" }
        #expect(fired.map(\.key) == overdue.items.map(\.key))
        #expect(fired.allSatisfy { $0.kind == "firing" && $0.status == "critical" && $0.at == "2026-06-04T07:30:00+07:00" })
        #expect(fired.map(\.department) == overdue.items.map(\.department))
    }

    @Test func alertsFireRepeatAndResolveAsDaysPassAndSurviveRestarts() async throws {
        let world = try ScheduleWorld()
        // A is due Thursday 21/05, B Monday 25/05.
        var a = CheckWorld.dossier("A", department: "Phòng Tư pháp", received: "18/05/2026 09:00", limit: 3)
        let b = CheckWorld.dossier("B", department: "Phòng Kinh tế", received: "18/05/2026 09:00", limit: 5)
        try world.load([a, b])
        let config = try world.config("""
            return {
              checks = { { name = "overdue", schedule = "workingdays 07:30", repeat_after = "2d", sinks = { "alerts" } } },
              sinks = { alerts = { type = "jsonl", path = "alerts.jsonl" } },
            }
            """)
        func day(_ now: String) throws {
            let result = try world.schedule(["--config", config, "--once", "--now", now])
            #expect(result.status == 0, "\(now): \(result.stderr)")
        }

        try day("21/05/2026 07:00")         // first start: records the check
        try day("22/05/2026 07:30")         // Friday: A is one day late
        try day("22/05/2026 07:30")         // started again at the same time: nothing new
        try day("25/05/2026 07:30")         // Monday: A still late, told again after 2 days; B due today
        try day("26/05/2026 07:30")         // Tuesday: B late; A told yesterday
        a.status = .resolved
        a.finishedAt = CheckWorld.at("26/05/2026 10:00")
        a.history.append(StatusChange(status: .resolved, at: a.finishedAt!))
        try world.load([a])
        try day("27/05/2026 07:30")         // Wednesday: A resolved
        try day("28/05/2026 09:10")         // Thursday, started late: the 07:30 run is caught up

        let alerts = try world.alerts().map { "\($0.at) \($0.kind) \($0.status) \($0.key)" }
        #expect(alerts == [
            "2026-05-22T07:30:00+07:00 firing critical A",
            "2026-05-25T07:30:00+07:00 repeated critical A",
            "2026-05-26T07:30:00+07:00 firing critical B",
            "2026-05-27T07:30:00+07:00 resolved critical A",
            "2026-05-28T07:30:00+07:00 repeated critical B",
        ])

        let runs = try await SQLiteSchedulerStateStore(store: SQLiteStore(path: world.storePath)).runs(job: "overdue", limit: 10)
        #expect(runs.map { "\(CentreTime.vietnam.localDate($0.scheduledAt).vietnamese) \($0.status.rawValue) \($0.trigger.rawValue)" } == [
            "28/05/2026 succeeded catch_up", "27/05/2026 succeeded scheduled", "26/05/2026 succeeded scheduled",
            "25/05/2026 succeeded scheduled", "22/05/2026 succeeded scheduled",
            // Thursday's 07:30 passed between the first start (07:00) and Friday's: recorded, not run.
            "21/05/2026 skipped scheduled",
        ])
    }

    @Test func aHangingCheckIsStoppedWithoutDelayingOthersAndTheServiceStopsOnSigterm() async throws {
        let world = try ScheduleWorld()
        try world.load([CheckWorld.dossier("A", department: "Phòng Tư pháp", received: "18/05/2026 09:00", limit: 3)])
        try world.plugin("hang", run: "while true do end")
        let config = try world.config("""
            return {
              checks = {
                { name = "hang", schedule = "workingdays 07:30", timeout = "3s", sinks = { "alerts" } },
                { name = "overdue", schedule = "workingdays 07:30", sinks = { "alerts" } },
              },
              sinks = { alerts = { type = "jsonl", path = "alerts.jsonl" } },
            }
            """)
        let setup = try world.schedule(["--config", config, "--once", "--now", "22/05/2026 07:00"])
        try #require(setup.status == 0, "\(setup.stderr)")

        // Live, from a few seconds before 07:30.
        let service = try world.service(["--config", config, "--now", "22/05/2026 07:29:56"])
        try service.waitFor("hang: timed_out", seconds: 60)
        let log = service.standardError
        let overdueDone = try #require(log.range(of: "overdue: succeeded CRITICAL"), "\(log)")
        let hangStopped = try #require(log.range(of: "hang: timed_out"))
        #expect(overdueDone.lowerBound < hangStopped.lowerBound, "the overdue check waited for the hanging one:\n\(log)")
        #expect(log.contains("hang: timed_out in 3.0"), "\(log)")
        let status = service.stop()
        #expect(status == 0, "\(service.standardError)")
        #expect(service.standardError.contains("SIGTERM received, stopping"))
        #expect(service.standardError.hasSuffix("hostrun schedule: stopped\n"), "\(service.standardError)")

        var alerts = try world.alerts().map { "\($0.kind) \($0.status) \($0.check) \($0.key)" }.sorted()
        #expect(alerts == ["firing critical overdue A", "firing unknown hang "])
        #expect(try world.alerts().first { $0.check == "hang" }?.message == "timed out after 3s")

        // Restarted a minute later: nothing runs twice, nothing is said twice.
        let again = try world.service(["--config", config, "--now", "22/05/2026 07:31:00"])
        try again.waitFor("hostrun schedule: 2 checks", seconds: 30)
        #expect(again.stop() == 0, "\(again.standardError)")
        #expect(!again.standardError.contains("succeeded"), "\(again.standardError)")
        alerts = try world.alerts().map { "\($0.kind) \($0.status) \($0.check) \($0.key)" }.sorted()
        #expect(alerts == ["firing critical overdue A", "firing unknown hang "])

        let state = SQLiteSchedulerStateStore(store: try SQLiteStore(path: world.storePath))
        #expect(try await state.runs(job: "hang", limit: 5).map(\.status) == [.timedOut])
        #expect(try await state.runs(job: "overdue", limit: 5).map(\.checkStatus) == [.critical])
        #expect(try await state.unfinishedRuns().isEmpty)
    }
    @Test func aConfigurationMistakeNamesTheEntryAndField() throws {
        let world = try ScheduleWorld()
        try world.load([])
        let cases = [
            ("return { checks = { { name = \"soon\", check = \"due-soon\", schedule = \"workingdays 07:30\", args = { dayz = 3 } } } }",
             "checks[1] (\"soon\").args.dayz: not an option of check 'due-soon' (known: critical_days, days, department, field)"),
            ("return { checks = { { name = \"soon\", check = \"due-soon\", schedule = \"workingdays 07:30\", args = { days = \"two\" } } } }",
             "checks[1] (\"soon\").args.days: expected a whole number, got \"two\""),
            ("return { checks = { { name = \"late\", check = \"overdu\", schedule = \"workingdays 07:30\" } } }",
             "checks[1] (\"late\").check: no check plugin named \"overdu\""),
            ("return { checks = { { name = \"late\", schedule = \"workingdays 7h30\" } } }",
             "checks[1] (\"late\").schedule: "),
            ("return { checks = { { name = \"late\" schedule = 1 } } }", "schedule.lua:1: "),
        ]
        for (text, message) in cases {
            let config = try world.config(text)
            let result = try world.schedule(["--config", config, "--once"])
            #expect(result.status == 2, "\(text): \(result.stderr)")
            #expect(result.stderr.hasPrefix("hostrun schedule: "), "\(result.stderr)")
            #expect(result.stderr.contains(message), "\(text): \(result.stderr)")
        }
    }

    /// A month of simulated time, every bundled scheduling check on its schedule over a 20 000
    /// dossier store: each run is a real sandbox and real queries, its state in the store.
    @Test func aSimulatedMonthOverALargeStoreKeepsMemoryFlat() async throws {
        let world = try ScheduleWorld()
        let demo = try HostrunBinary.run(["demo", "--dossiers", "20000", "--db", world.storePath])
        try #require(demo.status == 0, "\(demo.stderr)")
        let path = try world.config("""
            return {
              checks = {
                { name = "overdue", schedule = "workingdays 07:30", repeat_after = "1d", sinks = { "alerts" } },
                { name = "due-soon", schedule = "workingdays 07:30,13:30", repeat_after = "1d", sinks = { "alerts" } },
                { name = "stalled", schedule = "workingdays 08:00", repeat_after = "7d", sinks = { "alerts" } },
                { name = "supplement-stale", schedule = "workingdays 08:00", repeat_after = "7d", sinks = { "alerts" } },
                { name = "feedback-due", schedule = "workingdays 08:00", sinks = { "alerts" } },
                { name = "source-silent", schedule = "0 * * * *", args = { hours = 26 }, repeat_after = "12h", sinks = { "alerts" } },
              },
              sinks = { alerts = { type = "jsonl", path = "\(world.folder)/alerts.jsonl" } },
            }
            """)
        let config = try ScheduleConfigFile.read(path)
        let store = try SQLiteStore(path: world.storePath)
        let runner = CheckRunner(catalog: PluginCatalog(searchFolders: [Self.repository + "/Plugins/checks"]),
                                 store: StoreAccess(store: store))
        let state = SQLiteSchedulerStateStore(store: store)
        let clock = SimulatedClock(start: CheckWorld.at("01/05/2026 00:00"))
        let scheduler = try Scheduler(jobs: try ScheduledChecks.jobs(for: config, runner: runner, source: path),
                                      workingDays: WorkingCalendar.vietnam, store: state,
                                      dispatcher: try config.makeDispatcher(clock: clock), clock: clock)
        try await scheduler.start()
        var resident: [Int] = []
        for day in 2...31 {
            await clock.advance(to: CheckWorld.at("\(day < 10 ? "0" : "")\(day)/05/2026 00:00"))
            if [8, 31].contains(day) { resident.append(try Self.residentBytes()) }
        }
        await scheduler.shutdown(grace: 5)

        let workingDays = (1...30).filter { WorkingCalendar.vietnam.isWorkingDay(LocalDate(year: 2026, month: 5, day: $0)!) }.count
        let overdueRuns = try await state.runs(job: "overdue", limit: 100)
        #expect(overdueRuns.count == workingDays)
        #expect(overdueRuns.allSatisfy { $0.status == .succeeded })
        #expect(try await state.runs(job: "source-silent", limit: 1000).count == 30 * 24)
        #expect(try world.alerts().contains { $0.check == "overdue" && $0.kind == "repeated" })
        let growth = resident[1] - resident[0]
        print("soak: \(overdueRuns.count) working days, resident \(resident[0] >> 20) MiB after a week, "
              + "\(resident[1] >> 20) MiB after the month")
        #expect(growth < 24 << 20, "resident memory grew by \(growth >> 20) MiB over three weeks")
    }

    /// Resident memory of this process, from `/proc/self/statm` (Linux).
    static func residentBytes() throws -> Int {
        let statm = try String(contentsOfFile: "/proc/self/statm", encoding: .utf8)
        return try #require(Int(statm.split(separator: " ")[1])) * Int(sysconf(Int32(_SC_PAGESIZE)))
    }
}

/// A temporary folder the service runs in: its store, its configuration, its test plugins and
/// the alerts file its JSON Lines sink writes.
final class ScheduleWorld {
    let checks: CheckWorld

    var folder: String { checks.folder }
    var storePath: String { checks.storePath }

    init() throws {
        checks = try CheckWorld()
    }

    func load(_ dossiers: [Dossier]) throws { try checks.load(dossiers) }

    func plugin(_ name: String, run body: String) throws { try checks.plugin(name, run: body) }

    /// Writes a configuration file and returns its path.
    func config(_ text: String) throws -> String {
        let path = folder + "/schedule.lua"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    private var flags: [String] {
        ["--db", storePath, "--plugin-path", ScheduleCommandTests.repository + "/Plugins", "--plugin-path", folder + "/plugins"]
    }

    /// Runs `hostrun schedule` to its end in this folder.
    func schedule(_ arguments: [String]) throws -> HostrunBinary.Result {
        let service = try ServiceProcess(["schedule"] + arguments + flags, in: folder)
        let status = service.waitForExit()
        return HostrunBinary.Result(status: status, signal: nil, stdout: "", stderr: service.standardError)
    }

    /// Starts `hostrun schedule` as a service in this folder.
    func service(_ arguments: [String]) throws -> ServiceProcess {
        try ServiceProcess(["schedule"] + arguments + flags, in: folder)
    }

    struct AlertLine: Decodable {
        let kind: String
        let check: String
        let key: String
        let status: String
        let department: String?
        let message: String
        let at: String
    }

    /// The alerts the JSON Lines sink wrote, in order.
    func alerts() throws -> [AlertLine] {
        guard let data = FileManager.default.contents(atPath: folder + "/alerts.jsonl") else { return [] }
        return try data.split(separator: 0x0A).map { try JSONDecoder().decode(AlertLine.self, from: Data($0)) }
    }
}

/// The `hostrun` binary running in a folder, its standard error collected as it comes.
final class ServiceProcess: @unchecked Sendable {
    private let process = Process()
    private let output = Collected()
    private let reader: Thread

    /// Bytes read so far, appended by the reader thread.
    private final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private var data = Data()
        func append(_ chunk: Data) { lock.withLock { data.append(chunk) } }
        var text: String { lock.withLock { String(decoding: data, as: UTF8.self) } }
    }

    init(_ arguments: [String], in folder: String) throws {
        process.executableURL = HostrunBinary.url
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        let handle = errors.fileHandleForReading
        let output = self.output
        reader = Thread {
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { return }
                output.append(chunk)
            }
        }
        try process.run()
        reader.start()
    }

    var standardError: String { output.text }

    /// Waits until standard error contains `text`.
    func waitFor(_ text: String, seconds: Double) throws {
        let deadline = Date().addingTimeInterval(seconds)
        while !standardError.contains(text) {
            guard Date() < deadline, process.isRunning else {
                throw ServiceTimeout(text: text, log: standardError)
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }

    /// Sends SIGTERM until the process exits (the first may arrive before it listens, and is
    /// then ignored) and returns its exit status.
    func stop() -> Int32 {
        for _ in 0..<300 where process.isRunning {
            kill(process.processIdentifier, SIGTERM)
            Thread.sleep(forTimeInterval: 0.1)
        }
        return waitForExit()
    }

    func waitForExit() -> Int32 {
        process.waitUntilExit()
        while !reader.isFinished { Thread.sleep(forTimeInterval: 0.01) }
        return process.terminationReason == .uncaughtSignal ? -process.terminationStatus : process.terminationStatus
    }

    struct ServiceTimeout: Error, CustomStringConvertible {
        let text: String
        let log: String
        var description: String { "'\(text)' did not appear; the service wrote:\n\(log)" }
    }
}
