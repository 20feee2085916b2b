import ArgumentParser
import Dispatch
import Domain
import Foundation
import HostAPI
import PostgresStore
import Scheduling
import Store

/// `hostrun schedule --config FILE`: runs the configured checks on their schedules as a
/// long-lived service, remembering runs and alerts in the store.
struct ScheduleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schedule",
        abstract: "Run checks on their schedules as a service, with alerts remembered in the store.",
        discussion: """
            The configuration is a Lua file returning a table of checks (name, schedule, \
            args, sinks, repeat_after, timeout, catch_up) and sinks (log, jsonl, webhook, \
            email); see docs/scheduling.md and docs/examples/schedule.lua. Each run is its own \
            sandbox on its own thread, stopped by its timeout without delaying the others. \
            Run history, the last time handled per check and open alerts are kept in the \
            store, so a restarted service neither repeats nor forgets an alert; times missed \
            while it was stopped are caught up as each check's catch_up says. Several services \
            may share one store (PostgreSQL, or an SQLite file on one machine): each run is \
            claimed in the store, so only one of them runs it and sends its alerts.

            SIGTERM or SIGINT stops it cleanly: no new runs, running ones get --grace seconds, \
            queued alerts are delivered, then it exits 0.

            --once handles the scheduled times due now (and those missed since the last run) \
            and exits when their runs and alerts are done: for cron, and for tests with --now. \
            The first start of a check only records it; it runs from its next scheduled time.

            EXAMPLES:
              hostrun schedule --config /etc/hostrun/schedule.lua --db /var/lib/hostrun/centre.db
              hostrun schedule --config docs/examples/schedule.lua --once
              hostrun schedule --config schedule.lua --now "26/05/2026 07:29:50"
            """)

    @Option(help: ArgumentHelp("The configuration: a Lua file returning the checks and sinks.", valueName: "file"))
    var config: String

    @Flag(help: "Handle the times due now (and missed ones), wait for their runs and alerts, and exit.")
    var once = false

    @Option(help: ArgumentHelp("Start the clock at this time, e.g. \"26/05/2026 07:29:50\" (with --once it stands still there).",
                               valueName: "time"))
    var now: String?

    @Option(help: ArgumentHelp("Seconds running checks and queued alerts get at shutdown (default 30).", valueName: "seconds"))
    var grace: Double = 30

    @Option(help: ArgumentHelp("Least level of the checks' log messages shown: debug, info, warn or error (default info).",
                               valueName: "level"))
    var logLevel: String = "info"

    @OptionGroup var store: StoreOptions

    @OptionGroup var plugins: PluginOptions

    func validate() throws {
        if !(grace >= 0) { throw ValidationError("--grace must be 0 or more seconds") }
        if LogLevel(rawValue: logLevel) == nil { throw ValidationError("--log-level must be debug, info, warn or error") }
        _ = try NowOption.instant(parsing: now)
    }

    func run() throws {
        let service: ScheduleService
        do {
            service = try makeService()
        } catch {
            writeError("hostrun schedule: \(error)\n")
            throw ExitStatus.usage.exitCode
        }
        // The command line parses synchronously; the service lives in Swift concurrency while
        // this thread waits for it.
        let finished = DispatchSemaphore(value: 0)
        let outcome = ServiceOutcome()
        Task {
            do { try await service.run() } catch { outcome.failure = "\(error)" }
            finished.signal()
        }
        finished.wait()
        if let failure = outcome.failure {
            writeError("hostrun schedule: \(failure)\n")
            throw ExitStatus.scriptError.exitCode
        }
    }

    private func makeService() throws -> ScheduleService {
        let config = try ScheduleConfigFile.read(self.config)
        let location = self.store.location
        if case .file(let path) = location, !FileManager.default.fileExists(atPath: path) {
            throw CommandProblem("no store at \(path) (give one with --db FILE or HOSTRUN_DB; `hostrun import` creates it)")
        }
        let store = try StoreFactory.open(location, centreTime: config.centreTime)
        let state: any SchedulerStateStore
        switch store {
        case let file as SQLiteStore: state = SQLiteSchedulerStateStore(store: file)
        case let server as PostgreSQLStore: state = PostgresSchedulerStateStore(store: server)
        default: throw CommandProblem("\(location): this store cannot keep the scheduler's state")
        }
        let start = try NowOption.instant(parsing: now)
        let clock: any SchedulerClock = once ? SimulatedClock(start: start ?? Date())
            : start.map { ShiftedClock(start: $0) } ?? SystemClock()
        let runner = CheckRunner(catalog: plugins.catalog, policy: try plugins.operatorPolicy(),
                                 store: StoreAccess(store: store),
                                 log: HostLog(level: LogLevel(rawValue: logLevel) ?? .info))
        return ScheduleService(config: config, source: self.config, jobs: try ScheduledChecks.jobs(for: config, runner: runner, source: self.config),
                               state: state, storeLocation: store.location,
                               clock: clock, grace: grace)
    }
}

/// How the service ended, written by its task before the command's thread reads it.
private final class ServiceOutcome: @unchecked Sendable {
    var failure: String?
}
