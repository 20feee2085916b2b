import Foundation
import Sandbox
import Scheduling

/// The scheduler jobs of a configuration: each entry runs its check plugin through a
/// ``CheckRunner``, on a thread of its own, in its own sandbox whose wall-time limit follows the
/// entry's timeout, and treating the run's scheduled time as "now" (so a catch-up run reports
/// as of the time it stands for).
public enum ScheduledChecks {
    /// Builds the jobs, refusing an entry whose check does not exist or that gives it options
    /// it does not take, with an error naming the entry and the option.
    public static func jobs(for config: ScheduleConfig, runner: CheckRunner, source: String) throws(ConfigError) -> [ScheduledJob] {
        var checks: [String: CheckDescription] = [:]
        for case .success(let check) in runner.checks() { checks[check.name] = check }
        var jobs: [ScheduledJob] = []
        for (index, entry) in config.checks.enumerated() {
            let path = "checks[\(index + 1)] (\"\(entry.name)\")"
            guard let check = checks[entry.check] else {
                let known = checks.keys.sorted().joined(separator: ", ")
                throw ConfigError(source: source, path: path + ".check",
                                  message: "no check plugin named \"\(entry.check)\" (installed: \(known))")
            }
            let options = try self.options(entry.args, of: check, source: source, path: path + ".args")
            // A second more than the timeout, so that the scheduler, not the sandbox, decides
            // that a run timed out (and records it so); the sandbox ends it a moment later.
            let limits = Limits(memory: runner.limits.memory, cpuTime: runner.limits.cpuTime,
                                instructions: runner.limits.instructions,
                                wallTime: entry.timeout + 1, output: runner.limits.output)
            jobs.append(entry.job(run: { context in
                let run = await CheckThread.run(named: entry.name) {
                    runner.run(entry.check, options: options, clock: HostClock(fixed: context.scheduledAt), limits: limits)
                }
                switch run.outcome {
                case .success(let result): return result
                case .failure(let failure): throw failure
                }
            }, kill: { _ in
                // Nothing to do: the sandbox's wall-time limit ends the check a second after
                // the scheduler gives up on it, and a Lua state cannot be safely interrupted
                // from another thread.
            }))
        }
        return jobs
    }

    /// An entry's `args` as the check's options, checked against its declarations now rather
    /// than at 07:30 tomorrow.
    static func options(_ args: [String: ConfigValue], of check: CheckDescription, source: String,
                        path: String) throws(ConfigError) -> [String: CheckOptionValue] {
        var options: [String: CheckOptionValue] = [:]
        for (name, value) in args {
            let option = CheckOptionValue(value)
            guard let spec = check.options.first(where: { $0.name == name }) else {
                if check.options.isEmpty { options[name] = option; continue }
                throw ConfigError(source: source, path: path + "." + name,
                                  message: "not an option of check '\(check.name)' (known: "
                                      + check.options.map(\.name).joined(separator: ", ") + ")")
            }
            do throws(CheckOptionError) {
                _ = try spec.value(option)
            } catch {
                throw ConfigError(source: source, path: path + "." + name, message: error.reason)
            }
            options[name] = option
        }
        return options
    }
}

extension CheckOptionValue {
    /// A configuration value as an option value.
    init(_ value: ConfigValue) {
        switch value {
        case .string(let s): self = .string(s)
        case .integer(let i): self = .integer(Int64(i))
        case .number(let d): self = .number(d)
        case .boolean(let b): self = .boolean(b)
        case .list(let items): self = .list(items.map(CheckOptionValue.init))
        case .table(let fields): self = .table(fields.mapValues(CheckOptionValue.init))
        }
    }
}
