import Domain
import Foundation

/// Runs checks on their schedules as a long-lived service.
///
/// - Runs of one job never overlap: a time that falls due while the previous run is still going
///   is skipped and recorded (``SkipReason/overlap``).
/// - Each run is its own task; a run that outlives its timeout is cancelled, its ``ScheduledJob/kill``
///   hook called and the run recorded as timed out, without delaying any other job.
/// - After downtime, missed times are handled by each job's ``CatchUpPolicy``.
/// - Every run, skip and timeout is written to the ``SchedulerStateStore``; results go through
///   the ``AlertTracker`` to the job's sinks.
/// - ``shutdown(grace:)`` stops scheduling, lets running jobs finish within a grace period,
///   cancels the rest, and drains the sinks.
///
/// All waiting goes through the injected ``SchedulerClock``.
///
/// ## Topics
/// ### Life cycle
/// - ``init(jobs:workingDays:store:dispatcher:clock:options:onEvent:)``
/// - ``start()``
/// - ``shutdown(grace:)``
public actor Scheduler {
    /// Tunables, with the defaults a centre needs.
    public struct Options: Sendable {
        /// The local time cron expressions are read in.
        public var centreTime: CentreTime
        /// How late a scheduled time may be handled and still count as on time rather than
        /// missed (a scheduler woken a few seconds late is not "down").
        public var misfireTolerance: TimeInterval
        /// Who this scheduler is when it claims runs (see
        /// ``SchedulerStateStore/claimRun(job:at:owner:lease:)``): unique among the schedulers
        /// sharing a store, and telling where to look, e.g. `"host-a pid 4242"`.
        public var owner: String
        /// How long past a job's timeout its claim on a run lasts: time to write the run's end
        /// and alerts. After the run's timeout plus this, a claim whose owner died may be taken.
        public var claimMargin: TimeInterval

        public init(centreTime: CentreTime = .vietnam, misfireTolerance: TimeInterval = 60,
                    owner: String = Options.processOwner, claimMargin: TimeInterval = 60) {
            self.centreTime = centreTime
            self.misfireTolerance = misfireTolerance
            self.owner = owner
            self.claimMargin = claimMargin
        }

        /// This machine's name and this process's id.
        public static var processOwner: String {
            "\(ProcessInfo.processInfo.hostName) pid \(ProcessInfo.processInfo.processIdentifier)"
        }
    }

    /// Where the scheduler is in its life.
    public enum Phase: Sendable, Hashable {
        /// Built, not started.
        case idle
        /// Scheduling runs.
        case running
        /// ``shutdown(grace:)`` was called and has not finished.
        case stopping
        /// Stopped for good; build a new scheduler to start again.
        case stopped
    }

    struct ActiveRun {
        var record: RunRecord
        let context: JobContext
        let deadline: Date
        var task: Task<Void, Never>?
        /// The run's store writes, chained so that the start record is written before the end.
        var writes: Task<Void, Never>
        /// Whether the end of the run has been decided (finished, timed out or cancelled).
        var closed = false
        /// Whether this scheduler holds the run's claim in the store.
        var claimed = false
    }

    struct JobState {
        let job: ScheduledJob
        var nextTick: Date?
        var active: ActiveRun?
        /// Runs waiting for the active one to end: catch-ups, then the regular time.
        var queue: [(at: Date, trigger: RunTrigger)] = []
    }

    /// Most scheduled times counted in one step after downtime: a per-minute job after two years
    /// off. Beyond it the rest are skipped uncounted and scheduling resumes from now.
    static let maxTicksCounted = 1_000_000

    let order: [String]
    var states: [String: JobState]
    let workingDays: any WorkingDays
    let store: any SchedulerStateStore
    let tracker: AlertTracker
    let dispatcher: AlertDispatcher
    let clock: any SchedulerClock
    let options: Options
    let onEvent: @Sendable (SchedulerEvent) -> Void

    public internal(set) var phase = Phase.idle
    /// The one pending wake-up: at the earliest due time or run deadline.
    var timer: (task: Task<Void, Never>, at: Date, generation: Int)?
    var timerGeneration = 0
    var bookkeeping: [UUID: Task<Void, Never>] = [:]
    /// Shutdown waiting for running jobs to end (or its grace period to pass).
    var runsEndedWaiters: [CheckedContinuation<Void, Never>] = []
    /// Second and later callers of shutdown, waiting for the first to finish.
    var stoppedWaiters: [CheckedContinuation<Void, Never>] = []

    /// Builds a scheduler; nothing runs until ``start()``.
    ///
    /// - Throws: ``SchedulerError`` for duplicate job names, sinks the dispatcher lacks, or a
    ///   timeout that is not positive.
    public init(jobs: [ScheduledJob], workingDays: any WorkingDays,
                store: any SchedulerStateStore, dispatcher: AlertDispatcher,
                clock: any SchedulerClock = SystemClock(), options: Options = Options(),
                onEvent: @escaping @Sendable (SchedulerEvent) -> Void = { _ in }) throws {
        var states: [String: JobState] = [:]
        for job in jobs {
            guard states[job.name] == nil else { throw SchedulerError.duplicateJob(job.name) }
            guard job.timeout > 0 else { throw SchedulerError.invalidTimeout(job: job.name) }
            if let missing = job.sinks.first(where: { !dispatcher.sinkNames.contains($0) }) {
                throw SchedulerError.unknownSink(job: job.name, sink: missing)
            }
            states[job.name] = JobState(job: job)
        }
        order = jobs.map(\.name)
        self.states = states
        self.workingDays = workingDays
        self.store = store
        tracker = AlertTracker(store: store)
        self.dispatcher = dispatcher
        self.clock = clock
        self.options = options
        self.onEvent = onEvent
    }

    /// Loads state from the store, marks runs a previous process left unfinished as
    /// ``RunStatus/interrupted`` (once their timeout and ``Options/claimMargin`` have passed:
    /// younger ones may belong to another scheduler sharing the store), applies catch-up policies for times missed while stopped, and
    /// starts scheduling. Returns at once; the scheduler runs in its own tasks.
    ///
    /// A job seen for the first time starts from its next scheduled time after now. If the
    /// store fails, the scheduler is left stopped and the error thrown.
    public func start() async throws {
        guard phase == .idle else { throw SchedulerError.alreadyStarted }
        phase = .running
        do {
            try await loadState()
        } catch {
            phase = .stopped
            throw error
        }
        processDue()
    }

    private func loadState() async throws {
        let started = clock.now()
        for var run in try await store.unfinishedRuns() {
            // A run younger than its claim's lease may be going on another machine sharing the
            // store; it is this one's business only once the lease has passed.
            let timeout = states[run.job]?.job.timeout ?? CheckEntry.defaultTimeout
            if let start = run.startedAt, start.addingTimeInterval(timeout + options.claimMargin) > started {
                continue
            }
            run.status = .interrupted
            run.message = "the scheduler stopped while this run was going"
            try await store.saveRun(run)
            onEvent(.run(run))
        }
        let now = clock.now()
        for name in order {
            let schedule = states[name]!.job.schedule
            if let last = try await store.lastTick(job: name) {
                states[name]!.nextTick = next(schedule, after: last)
            } else {
                try await store.setLastTick(now, job: name)
                states[name]!.nextTick = next(schedule, after: now)
            }
        }
    }

    func next(_ schedule: Schedule, after instant: Date) -> Date? {
        schedule.next(after: instant, in: options.centreTime, workingDays: workingDays)
    }
}
