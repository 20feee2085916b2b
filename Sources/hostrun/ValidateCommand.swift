import ArgumentParser
import Domain
import Foundation
import HostAPI
import Scheduling

/// `hostrun validate`: runs every validation check (a check plugin whose entry module sets
/// `validation = true`) and lists the faulty dossiers by rule.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Run every data-quality check and list the faulty dossiers by rule.",
        discussion: """
            Runs each validation check (finished-without-result-date, due-date-mismatch, \
            conflicting-sources, and any other check plugin declaring `validation = true`) and \
            prints, per rule, its result line and the dossiers it found. An option is given to \
            every rule that declares it. The exit code is the Nagios code of the worst rule: \
            0 all clean, 1 faults found, 3 a rule could not run.

            EXAMPLES:
              hostrun validate --db centre.db
              hostrun validate --option received_from=01/01/2026 --json
              hostrun validate --rule due-date-mismatch --option cutoffs=1.001612=15:00
            """)

    @Flag(help: "Print the results as JSON.")
    var json = false

    @Option(name: .customLong("option"),
            help: ArgumentHelp("An option for the rules that declare it, name=value (repeatable).", valueName: "name=value"))
    var options: [String] = []

    @Option(help: ArgumentHelp("Run only this rule (repeatable; default: every validation check).", valueName: "name"))
    var rule: [String] = []

    @OptionGroup var now: NowOption

    @OptionGroup var store: StoreOptions

    @OptionGroup var plugins: PluginOptions

    @OptionGroup var centre: CentreOption

    func run() throws {
        let report: ValidationReport
        do {
            report = try validation()
        } catch {
            // Monitoring reads exit code 3 as "could not tell", which is what this is.
            writeError("hostrun validate: \(error)\n")
            throw ExitCode(CheckStatus.unknown.exitCode)
        }
        print(json ? report.json : report.text, terminator: "")
        let code = report.status.exitCode
        if code != 0 { throw ExitCode(code) }
    }

    private func validation() throws -> ValidationReport {
        let clock = HostClock(fixed: try now.instant())
        let access = store.access(clock: clock, centre: centre.name)
        try centre.check(access)
        let runner = CheckRunner(catalog: plugins.catalog, policy: try plugins.operatorPolicy(), store: access)
        let given = try CheckOptionValue.parse(assignments: options)
        var rules: [CheckDescription] = []
        for entry in runner.checks() {
            if case .success(let check) = entry, check.isValidation, rule.isEmpty || rule.contains(check.name) {
                rules.append(check)
            }
        }
        if let missing = rule.first(where: { name in !rules.contains { $0.name == name } }) {
            throw CommandProblem("no validation check named '\(missing)' (hostrun check --list marks them)")
        }
        let declared = Set(rules.flatMap { $0.options.map(\.name) })
        if let unused = given.keys.sorted().first(where: { !declared.contains($0) }) {
            throw CommandProblem("--option \(unused): no rule takes it (they take \(declared.sorted().joined(separator: ", ")))")
        }
        return ValidationReport(rules: rules.map { check in
            let own = given.filter { name, _ in check.options.contains { $0.name == name } }
            return runner.run(check.name, options: own, clock: clock)
        })
    }
}

/// What `hostrun validate` found, rule by rule.
struct ValidationReport {
    var rules: [CheckRun]

    /// The worst status of all rules (`ok` when there are none).
    var status: CheckStatus {
        rules.map(\.result.status).max { $0.rawValue < $1.rawValue } ?? .ok
    }

    /// Per rule: its name and plugin output line, then one indented line per faulty dossier.
    var text: String {
        var lines: [String] = []
        for run in rules {
            let output = run.result.nagiosOutput.split(separator: "\n", omittingEmptySubsequences: false)
            lines.append("\(run.check): \(output.first ?? "")")
            lines += output.dropFirst().filter { !$0.isEmpty }.map { "  " + $0 }
        }
        let faulty = rules.reduce(0) { $0 + $1.result.items.count }
        lines.append("\(rules.count) rule\(rules.count == 1 ? "" : "s"), \(faulty) finding\(faulty == 1 ? "" : "s"): \(status.label)")
        return lines.joined(separator: "\n") + "\n"
    }

    var json: String {
        struct Rule: Encodable {
            let rule: String
            let result: CheckResult
        }
        struct Document: Encodable {
            let status: CheckStatus
            let exitCode: Int32
            let rules: [Rule]
            enum CodingKeys: String, CodingKey { case status, exitCode = "exit_code", rules }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let document = Document(status: status, exitCode: status.exitCode,
                                rules: rules.map { Rule(rule: $0.check, result: $0.result) })
        // Strings, numbers and arrays of them always encode.
        return String(decoding: try! encoder.encode(document), as: UTF8.self) + "\n"
    }
}
