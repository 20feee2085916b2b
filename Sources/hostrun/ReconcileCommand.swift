import ArgumentParser
import Domain
import Foundation
import HostAPI
import Store

/// `hostrun reconcile`: where the centre's sources disagree about which dossiers exist and what
/// they say of them, so that nothing is silently missed.
struct ReconcileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reconcile",
        abstract: "List dossiers missing from a source, vanished from one, or told differently by two.",
        discussion: """
            Three findings, per source:
              - missing: dossiers of one source that another should hold too (the rules' \
            expectations, e.g. household-business dossiers registered in dkkd that the centre's \
            motcua never received);
              - vanished: dossiers an earlier import of a source listed that its latest import \
            no longer lists, though received within the days that import covers;
              - conflicts: codes held by several sources that disagree on a field.
            The rules are a Lua file (default: Plugins/connectors/reconcile.lua); see \
            docs/connectors.md.

            EXAMPLES:
              hostrun reconcile --db centre.db
              hostrun reconcile --rules my-rules.lua --json

            EXIT CODES (as diff's):
              0  the sources agree
              1  findings were listed
              2  usage error, or the store or the rules could not be read
            """)

    @OptionGroup var store: StoreOptions

    @Option(help: ArgumentHelp("The rules file (default: Plugins/connectors/reconcile.lua, if there is one).",
                               valueName: "file"))
    var rules: String?

    @Flag(help: "Print the findings as JSON.")
    var json = false

    /// The bundled rules, relative to the folder hostrun runs in.
    static let bundledRules = "Plugins/connectors/reconcile.lua"

    func run() throws {
        let findings: ReconcileFindings
        do {
            let rules = try self.loadRules()
            let opened = try store.access(clock: HostClock()).store()
            guard let target = opened as? any ReconciliationStore else {
                throw ImportCommandError("the store \(opened.location) cannot be reconciled")
            }
            findings = ReconcileFindings(
                missing: try rules.expectations.flatMap { try target.missingCounterparts($0) },
                vanished: try target.vanishedDossiers(),
                conflicts: try target.conflicts(comparing: rules.compared))
        } catch {
            writeError("hostrun reconcile: \(error)\n")
            throw ExitStatus.usage.exitCode
        }
        let printer = ReconcilePrinter(findings: findings, store: store.location.description)
        print(json ? printer.json : printer.text, terminator: "")
        if !findings.isEmpty { throw ExitCode(1) }
    }

    private func loadRules() throws -> ReconcileRules {
        if let rules { return try ReconcileRules(file: rules, display: rules) }
        guard FileManager.default.fileExists(atPath: Self.bundledRules) else { return ReconcileRules() }
        return try ReconcileRules(file: Self.bundledRules, display: Self.bundledRules)
    }
}

/// What `hostrun reconcile` found.
struct ReconcileFindings {
    var missing: [MissingCounterpart]
    var vanished: [VanishedDossier]
    var conflicts: [SourceConflict]

    var isEmpty: Bool { missing.isEmpty && vanished.isEmpty && conflicts.isEmpty }
}
