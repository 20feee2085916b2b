import ArgumentParser
import Domain
import HostAPI
import Sandbox
import Scheduling

/// `hostrun check NAME`: runs one check plugin and reports it as a Nagios plugin does, so cron,
/// systemd timers, Nagios, Icinga and Telegraf can call it unchanged.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Run a check plugin and print its result in the Nagios plugin format (exit 0/1/2/3).",
        discussion: """
            Prints `STATUS - summary | perfdata`, then one line per item found (dossier code, \
            department, what is wrong), and exits with the Nagios code: 0 OK, 1 WARNING, \
            2 CRITICAL, 3 UNKNOWN. A check that fails, breaks a limit or cannot be found is \
            UNKNOWN (3), as monitoring systems expect. What the check itself prints goes to \
            standard error.

            EXAMPLES:
              hostrun check overdue --db centre.db
              hostrun check due-soon --option days=3 --option department="Phòng Tư pháp"
              hostrun check overdue --now "25/05/2026 17:00" --json
              hostrun check overdue --centre "Phường Hàng Bông" --db postgres://hostrun@db.city.local/hostrun
              hostrun check --list
            """)

    @Argument(help: ArgumentHelp("The check plugin to run (see --list).", valueName: "name"))
    var name: String?

    @Flag(help: "Print the result as JSON (status, exit_code, summary, metrics, items) instead.")
    var json = false

    @Option(name: .customLong("option"),
            help: ArgumentHelp("An option of the check, name=value (repeatable; --list shows each check's options).", valueName: "name=value"))
    var options: [String] = []

    @OptionGroup var now: NowOption

    @Option(help: ArgumentHelp("Wall-clock limit in seconds (default 60).", valueName: "seconds"))
    var maxTime: Double?

    @Option(help: ArgumentHelp("Memory limit, e.g. 512MiB (default 1GiB).", valueName: "size"))
    var maxMemory: SizeArgument?

    @Flag(help: "List the check plugins with their options instead of running one.")
    var list = false

    @OptionGroup var store: StoreOptions

    @OptionGroup var plugins: PluginOptions

    @OptionGroup var centre: CentreOption

    func validate() throws {
        if name == nil && !list { throw ValidationError("give the check to run (hostrun check NAME), or --list") }
    }

    func run() throws {
        if list {
            print(CheckListing.text(try runner(clock: HostClock()).checks()), terminator: "")
            return
        }
        let run = runCheck(name ?? "")
        print(json ? run.result.jsonOutput() : run.result.nagiosOutput, terminator: "")
        let code = run.result.status.exitCode
        if code != 0 { throw ExitCode(code) }
    }

    /// Runs the check; problems with the command line itself (a bad `--now`, an unreadable
    /// policy) are UNKNOWN results too, so a monitoring system shows them rather than a bare code.
    private func runCheck(_ name: String) -> CheckRun {
        let clock: HostClock
        do {
            clock = HostClock(fixed: try now.instant())
        } catch {
            return CheckRun(check: name, outcome: .failure(.host(error.message)))
        }
        let given: [String: CheckOptionValue]
        do {
            given = try CheckOptionValue.parse(assignments: options)
        } catch {
            return CheckRun(check: name, outcome: .failure(.invalidOption(error)))
        }
        let runner: CheckRunner
        do {
            runner = try self.runner(clock: clock)
            if let access = runner.store { try centre.check(access) }
        } catch {
            return CheckRun(check: name, outcome: .failure(.host("\(error)")))
        }
        return runner.run(name, options: given, clock: clock)
    }

    private func runner(clock: HostClock) throws -> CheckRunner {
        var limits = CheckRunner.defaultLimits
        if let maxTime { limits.wallTime = maxTime }
        if let maxMemory { limits.memory = maxMemory.bytes }
        return CheckRunner(catalog: plugins.catalog, policy: try plugins.operatorPolicy(),
                           store: store.access(clock: clock, centre: centre.name), limits: limits)
    }
}
