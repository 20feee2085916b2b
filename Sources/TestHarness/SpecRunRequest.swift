import LuaBridge

/// What `hostrun test` was asked to do.
public struct SpecRunRequest: Sendable {
    /// Options given on the command line, under busted's long names (`ROOT`, `tags`,
    /// `exclude-tags`, `output`, `shuffle`, `coverage`, ...); they win over the `.busted` file.
    public var options: [String: BustedOption]
    /// The task of the `.busted` file to use (`--run`); nil for its `default`.
    public var task: String?
    /// The `.busted` file; nil for `.busted` in the current directory when it exists.
    public var configFile: String?
    /// Colour the terminal report (the CLI sets it when standard output is a terminal).
    public var color: Bool

    /// Paths are relative to the current directory, which is also the project folder:
    /// `require` loads `.lua` files from it and specs may read files under it (fixtures).
    public init(options: [String: BustedOption] = [:], task: String? = nil, configFile: String? = nil,
                color: Bool = false) {
        self.options = options
        self.task = task
        self.configFile = configFile
        self.color = color
    }
}

/// Counts of a run: busted's successes are passed, its failures and errors failed, its
/// pending tests skipped.
public struct SpecSummary: Sendable, Equatable {
    public var passed: Int
    public var failed: Int
    public var skipped: Int

    public init(passed: Int, failed: Int, skipped: Int) {
        self.passed = passed
        self.failed = failed
        self.skipped = skipped
    }

    /// Whether nothing failed.
    public var succeeded: Bool { failed == 0 }
}

/// What one spec file printed while it ran.
public struct SpecFileOutput: Sendable, Equatable {
    public var file: String
    public var text: String
}

/// The outcome of `hostrun test`.
public struct SpecRunResult: Sendable {
    /// The rendered report (terminal, TAP, JUnit XML, JSON or the list).
    public var report: String
    /// Where the report goes (`-O`, or `output-file` in `.busted`); nil for standard output.
    public var reportFile: String?
    /// What each spec file printed, in the order the files ran.
    public var specOutput: [SpecFileOutput]
    public var summary: SpecSummary
    /// The line coverage, when asked for (`coverage`), and where its LCOV goes (`coverage-file`).
    public var coverage: CoverageReport?
    public var coverageFile: String?
}
