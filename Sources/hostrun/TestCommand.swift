import ArgumentParser
import Foundation
import TestHarness

/// `hostrun test [paths]`: runs busted-style spec files, each in its own sandbox, in parallel.
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run busted-style spec files (*_spec.lua), each in its own sandbox, in parallel.",
        discussion: """
            Spec files use busted's words (describe, it, before_each, pending, finally, \
            insulate, ...) and luassert (assert.are.same, spy, stub, mock, match). Options \
            are busted's; a .busted file in the current folder (a Lua table of tasks) is read \
            first, and options given here win over it. Specs may require the project's .lua \
            files and read files under the current folder.

            The report ends with "N passed, N failed" (", N skipped" when tests were \
            pending); errors outside tests count as failed. The exit code is 0 when nothing \
            failed, 1 otherwise, 2 for bad options.

            EXAMPLES:
              hostrun test
              hostrun test Plugins Scripts --exclude-tags slow
              hostrun test -o junit -O report.xml
              hostrun test --shuffle --seed 42 --filter 'monthly'
              hostrun test Plugins --coverage --coverage-file lcov.info
            """)

    @Argument(help: ArgumentHelp("Spec files or folders (default: spec, or ROOT in .busted).", valueName: "path"))
    var paths: [String] = []

    @Option(name: .shortAndLong, help: ArgumentHelp("Only files whose name matches this Lua pattern (default _spec; repeatable).", valueName: "pattern"))
    var pattern: [String] = []

    @Option(help: ArgumentHelp("Skip files whose name matches this Lua pattern (repeatable).", valueName: "pattern"))
    var excludePattern: [String] = []

    @Option(help: ArgumentHelp("Only tests whose full name matches this Lua pattern (repeatable).", valueName: "pattern"))
    var filter: [String] = []

    @Option(help: ArgumentHelp("Skip tests whose full name matches this Lua pattern (repeatable).", valueName: "pattern"))
    var filterOut: [String] = []

    @Option(name: .shortAndLong, help: ArgumentHelp("Only tests tagged #tag (comma-separated, repeatable).", valueName: "tags"))
    var tags: [String] = []

    @Option(help: ArgumentHelp("Skip tests tagged #tag (comma-separated, repeatable).", valueName: "tags"))
    var excludeTags: [String] = []

    @Flag(help: "Run files and tests in random order (see --seed).")
    var shuffle = false

    @Option(help: ArgumentHelp("Seed of --shuffle (default: random, shown with failures).", valueName: "n"))
    var seed: Int64?

    @Flag(help: "Run tests sorted by name.")
    var sort = false

    @Flag(name: .shortAndLong, help: "List the tests (file:line: name) instead of running them.")
    var list = false

    @Option(name: .shortAndLong, help: ArgumentHelp("Report format: terminal, tap, junit or json.", valueName: "format"))
    var output: String?

    @Option(name: [.customShort("O"), .customLong("output-file")], help: ArgumentHelp("Write the report to this file.", valueName: "file"))
    var outputFile: String?

    @Option(name: [.customShort("C"), .long], help: ArgumentHelp("Change to this folder first.", valueName: "folder"))
    var directory: String?

    @Option(name: [.customShort("f"), .customLong("config-file")], help: ArgumentHelp("The .busted file to read.", valueName: "file"))
    var configFile: String?

    @Option(name: [.customShort("r"), .customLong("run")],
            help: ArgumentHelp("The task of the .busted file to use (default: default).", valueName: "task"))
    var task: String?

    @Flag(help: "Record the line coverage of the scripts and plugins the specs run: LCOV in --coverage-file, one summary line per file.")
    var coverage = false

    @Option(help: ArgumentHelp("Where --coverage writes its LCOV tracefile (default lcov.info).", valueName: "file"))
    var coverageFile: String?

    @Flag(name: .shortAndLong, help: "Show tracebacks with failures.")
    var verbose = false

    @Flag(inversion: .prefixedNo, help: "Go on after an error or a failure (default: yes).")
    var keepGoing: Bool?

    @Flag(inversion: .prefixedNo, help: "Run setup/teardown lazily, only around blocks with tests.")
    var lazy: Bool?

    /// The options given here, under busted's names, for `.busted` merging.
    var bustedOptions: [String: BustedOption] {
        var options: [String: BustedOption] = [:]
        let lists: [(String, [String])] = [
            ("ROOT", paths), ("pattern", pattern), ("exclude-pattern", excludePattern), ("filter", filter),
            ("filter-out", filterOut), ("tags", tags), ("exclude-tags", excludeTags),
        ]
        for (name, values) in lists where !values.isEmpty { options[name] = .list(values) }
        let flags: [(String, Bool)] = [("shuffle", shuffle), ("sort", sort), ("list", list), ("verbose", verbose),
                                       ("coverage", coverage)]
        for (name, value) in flags where value { options[name] = .flag(true) }
        if let keepGoing { options["keep-going"] = .flag(keepGoing) }
        if let lazy { options["lazy"] = .flag(lazy) }
        if let seed { options["seed"] = .number(seed) }
        if let output { options["output"] = .text(output) }
        if let outputFile { options["output-file"] = .text(outputFile) }
        if let coverageFile { options["coverage-file"] = .text(coverageFile) }
        return options
    }

    func run() throws {
        if let directory, FileManager.default.changeCurrentDirectoryPath(directory) == false {
            writeError("hostrun test: cannot change to \(directory)\n")
            throw ExitStatus.usage.exitCode
        }
        let request = SpecRunRequest(options: bustedOptions, task: task, configFile: configFile,
                                     color: isatty(STDOUT_FILENO) != 0)
        let result: SpecRunResult
        do {
            result = try SpecRunner.run(request)
        } catch {
            writeError("hostrun test: \(error)\n")
            if case .configuration = error { throw ExitStatus.usage.exitCode }
            throw ExitStatus.scriptError.exitCode
        }
        for file in result.specOutput where !file.text.isEmpty { print(file.text, terminator: "") }
        if let reportFile = result.reportFile {
            guard FileManager.default.createFile(atPath: reportFile, contents: Data(result.report.utf8)) else {
                writeError("hostrun test: cannot write the report to \(reportFile)\n")
                throw ExitStatus.scriptError.exitCode
            }
        } else {
            print(result.report, terminator: "")
        }
        if let report = result.coverage, let coverageFile = result.coverageFile {
            guard FileManager.default.createFile(atPath: coverageFile, contents: Data(report.lcov.utf8)) else {
                writeError("hostrun test: cannot write the coverage to \(coverageFile)\n")
                throw ExitStatus.scriptError.exitCode
            }
            print("\nCoverage (LCOV in \(coverageFile)):")
            for line in report.summary { print(line) }
        }
        if !result.summary.succeeded { throw ExitStatus.scriptError.exitCode }
    }
}
