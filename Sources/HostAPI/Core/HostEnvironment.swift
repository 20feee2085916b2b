import Domain
import Foundation
import LuaBridge
import Sandbox
import Store

/// Everything a script's host modules answer from: the clock, the store, the calendar and rules,
/// the log and what the script was granted. One per run (a script, a plugin, a spec file).
///
/// ```swift
/// let clock = HostClock(fixed: try CentreTime.vietnam.instant(parsing: "25/05/2026 17:00"))
/// let environment = HostEnvironment(clock: clock,
///                                   store: StoreAccess(location: .file(path: "hostrun.db"), clock: clock))
/// let sandbox = try environment.makeSandbox()
/// try sandbox.run(file: "Scripts/overdue-by-department.lua")
/// ```
///
/// The modules it installs are listed by ``registry``, which is also what `hostrun docs`
/// documents: what scripts can call and what the reference says cannot drift apart.
public final class HostEnvironment: @unchecked Sendable {
    public let clock: HostClock
    /// The store, opened on first use; nil when the run has none (every store function then
    /// says so).
    public let store: StoreAccess?
    /// The working calendar and the centre's rules.
    public let deadlines: DeadlineCalculator
    public let log: HostLog
    public let grants: ScriptGrants
    /// Files, environment variables and hosts the script may reach (`fs`, `csv.rows`, `os.getenv`).
    public let capabilities: Capabilities
    /// Whether `clock.set` and `clock.advance` work: only in spec files (`hostrun test`).
    public let controlsClock: Bool
    /// What the `http` module may take from the network in this run.
    public let httpLimits: HttpLimits
    /// The bytes the `http` module sent and received so far in this run.
    public let httpUsage = HttpUsage()

    public init(clock: HostClock = HostClock(), store: StoreAccess? = nil,
                deadlines: DeadlineCalculator = DeadlineCalculator(), log: HostLog = HostLog(),
                grants: ScriptGrants = .readOnly, capabilities: Capabilities = .none, controlsClock: Bool = false,
                httpLimits: HttpLimits = .default) {
        self.clock = clock
        self.store = store
        self.deadlines = deadlines
        self.log = log
        self.grants = grants
        self.capabilities = capabilities
        self.controlsClock = controlsClock
        self.httpLimits = httpLimits
    }

    /// The centre's time zone, in which dates are read and written.
    public var time: CentreTime { deadlines.rules.time }

    /// The host modules, in the order the reference lists them; `http` only when some host is
    /// granted.
    public var registry: HostRegistry {
        var registry = HostRegistry([
            DossiersModule(self).module,
            PeriodModule(self).module,
            StatsModule(self).module,
            ReportModule(self).module,
            CalendarModule(self).module,
            ClockModule(self).module,
            TextModule(self).module,
            JSONModule().module,
            CSVModule(self).module,
            XLSXModule(self).module,
            LogModule(self).module,
            ImportsModule(self).module,
            FeedbackModule(self).module,
        ])
        if !capabilities.networkHosts.isEmpty { registry.add(HttpModule(self).module) }
        return registry
    }

    /// A sandbox with these modules installed, `capabilities` granted and `require` reading
    /// `.lua` files from `moduleFolder`.
    public func makeSandbox(limits: Limits = .default, output: OutputSink = StandardOutputSink(),
                            moduleFolder: String? = nil, moduleNamePrefix: String = "") throws(LuaError) -> Sandbox {
        try Sandbox(limits: limits, capabilities: capabilities, output: output, modules: registry,
                    moduleFolder: moduleFolder, moduleNamePrefix: moduleNamePrefix)
    }

    /// The store for a host function, or an error naming the function.
    func openStore(_ call: LuaCall) throws -> any DossierStore {
        guard let store else {
            throw LuaRuntimeMessage("\(call.functionName): this run has no store")
        }
        do {
            return try store.store()
        } catch {
            throw LuaRuntimeMessage("\(call.functionName): \(error)")
        }
    }

    /// Runs a store operation, turning its failure into an error naming the function.
    func storeOperation<T>(_ call: LuaCall, _ body: (any DossierStore) throws -> T) throws -> T {
        let store = try openStore(call)
        do {
            return try body(store)
        } catch {
            throw LuaRuntimeMessage("\(call.functionName): \(error)")
        }
    }
}
