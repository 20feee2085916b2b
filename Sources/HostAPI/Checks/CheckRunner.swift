import Domain
import Foundation
import LuaBridge
import Sandbox
import Scheduling

/// Runs check plugins: finds one by name, loads it in its own sandbox with the grants of its
/// manifest and its limits, reads its options as it declares them, calls `run(options)` and
/// reads the result. Whatever goes wrong becomes a result with status `unknown` naming the
/// reason, so a caller always has something to report and exit with.
///
/// ```swift
/// let runner = CheckRunner(catalog: PluginCatalog(searchFolders: ["Plugins"]), store: store)
/// let run = runner.run("overdue", options: ["department": .commandLine("Phòng Tư pháp")],
///                      clock: HostClock(fixed: now))
/// print(run.result.nagiosOutput)
/// ```
///
/// The runner holds no Lua state: every ``run(_:options:clock:output:)`` builds and closes its
/// own, so one runner may serve many threads at once (the scheduler runs checks in parallel).
public struct CheckRunner: Sendable {
    public var catalog: PluginCatalog
    public var policy: OperatorPolicy
    public var store: StoreAccess?
    public var deadlines: DeadlineCalculator
    public var log: HostLog
    public var limits: Limits

    /// Limits for a check by default: a Nagios service check times out after 60 s, and a check
    /// of a million dossiers needs well under 1 GiB. The wall time bounds CPU time too.
    public static let defaultLimits = Limits(memory: 1 << 30, wallTime: 60, output: 1 << 20)

    public init(catalog: PluginCatalog, policy: OperatorPolicy = .allowAll, store: StoreAccess?,
                deadlines: DeadlineCalculator = DeadlineCalculator(), log: HostLog = HostLog(),
                limits: Limits = CheckRunner.defaultLimits) {
        self.catalog = catalog
        self.policy = policy
        self.store = store
        self.deadlines = deadlines
        self.log = log
        self.limits = limits
    }

    /// Every check plugin of the catalogue, described, by name; checks that fail to load, and
    /// plugin folders the catalogue could not use, are listed with the reason instead.
    public func checks() -> [Result<CheckDescription, CheckFailure>] {
        let checks = catalog.plugins.filter { $0.manifest.kind == .check }.map { plugin in
            Result { () throws(CheckFailure) in
                try LoadedCheck(plugin, host: host(clock: HostClock(), output: StandardErrorOutput())).description
            }
        }
        return checks + catalog.problems.map { .failure(.host($0.reason)) }
    }

    /// Runs the check `name` with `options` against `clock` (its `clock.now()`).
    ///
    /// - Parameters:
    ///   - output: where the check's `print` goes (standard error by default: standard output
    ///     is the plugin output).
    ///   - limits: overrides the runner's limits for this run (a scheduled job's own).
    public func run(_ name: String, options: [String: CheckOptionValue] = [:], clock: HostClock,
                    output: OutputSink = StandardErrorOutput(), limits: Limits? = nil) -> CheckRun {
        do throws(CheckFailure) {
            let plugin = try plugin(named: name)
            var host = self.host(clock: clock, output: output)
            if let limits { host.limits = limits }
            let check = try LoadedCheck(plugin, host: host)
            return CheckRun(check: name, outcome: .success(try check.run(options)))
        } catch {
            return CheckRun(check: name, outcome: .failure(error))
        }
    }

    /// The check plugin called `name`.
    func plugin(named name: String) throws(CheckFailure) -> InstalledPlugin {
        guard let plugin = catalog.plugin(named: name) else {
            throw .notFound(name, problems: catalog.problems.map(\.reason))
        }
        guard plugin.manifest.kind == .check else { throw .notACheck(name, kind: plugin.manifest.kind.rawValue) }
        return plugin
    }

    private func host(clock: HostClock, output: OutputSink) -> HostSetup {
        HostSetup(policy: policy, clock: clock, store: store, deadlines: deadlines, log: log, limits: limits, output: output)
    }
}

/// What a ``PluginHost`` for one run is built from.
struct HostSetup {
    var policy: OperatorPolicy
    var clock: HostClock
    var store: StoreAccess?
    var deadlines: DeadlineCalculator
    var log: HostLog
    var limits: Limits
    var output: OutputSink

    func make() -> PluginHost {
        PluginHost(policy: policy, clock: clock, store: store, deadlines: deadlines, log: log, limits: limits, output: output)
    }
}

/// The outcome of one check run.
public struct CheckRun: Sendable {
    public var check: String
    public var outcome: Result<CheckResult, CheckFailure>

    public init(check: String, outcome: Result<CheckResult, CheckFailure>) {
        self.check = check
        self.outcome = outcome
    }

    /// The check's result, or for a failure a result with status `unknown` naming the check and
    /// the reason.
    public var result: CheckResult {
        switch outcome {
        case .success(let result): result
        case .failure(let failure): .unknown("check '\(check)': \(failure)")
        }
    }
}

/// A check plugin, and what its entry module declares.
public struct CheckDescription: Sendable {
    public var name: String
    public var version: String
    public var description: String
    /// A data-quality rule (`M.validation = true`): `hostrun validate` runs it.
    public var isValidation: Bool
    /// Declared options, by name.
    public var options: [CheckOptionSpec]
}
