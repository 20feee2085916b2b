import LuaBridge
import Sandbox

/// Everything scripts can reach, as documentation: the host modules of a ``HostEnvironment``'s
/// registry (plus the sandbox's `fs`), each with its guide, and the types they take and give.
///
/// Built from the same ``LuaBridge/HostModule`` values that are installed, so the reference,
/// the LuaLS annotations and the luacheck standard cannot drift from what scripts can call.
public struct APIReference {
    /// A module with the longer text of its reference page.
    public struct Module {
        public var module: HostModule
        public var guide: String
    }

    public var modules: [Module]
    public var classes: [DocumentedClass]

    /// hostrun's own API (with `clock.set`/`clock.advance`, which exist in every state and work
    /// only in spec files).
    public static var hostrun: APIReference {
        let registry = HostEnvironment(controlsClock: true).registry
        let guides: [String: String] = [
            "dossiers": DossiersModule.guide, "period": PeriodModule.guide, "stats": StatsModule.guide,
            "calendar": CalendarModule.guide, "clock": ClockModule.guide, "text": TextModule.guide,
            "json": JSONModule.guide, "csv": CSVModule.guide, "xlsx": XLSXModule.guide, "log": LogModule.guide,
            "report": ReportModule.guide, "imports": ImportsModule.guide, "feedback": FeedbackModule.guide,
            "http": HttpModule.guide,
            "fs": """
                Present only when files are granted (`hostrun --allow-read DIR --allow-write DIR`, \
                or `read`/`write` in a plugin's manifest); each path is checked against the granted \
                folders after resolving symbolic links.
                """,
        ]
        // `fs` and `http` exist only when granted: documented from modules made for the purpose.
        let modules = registry.modules + [FileSystemModule(capabilities: .none).module, HttpModule(HostEnvironment()).module]
        var classes = [DocumentedClass(userdata: DossierObject.type), DocumentedClass(userdata: PeriodObject.type)]
        classes += DossierObject.classes + DossiersModule.classes + FiguresTable.classes + CalendarModule.classes
        classes += JSONModule.classes + CSVModule.classes + XLSXModule.classes + ClockModule.classes + TextModule.classes
        classes += ReportModule.classes + ImportsModule.classes + FeedbackModule.classes + HttpModule.classes
        return APIReference(modules: modules.map { Module(module: $0, guide: guides[$0.name] ?? "") },
                            classes: classes.sorted { $0.name < $1.name })
    }

    /// The modules sorted by name.
    var sortedModules: [Module] { modules.sorted { $0.module.name < $1.module.name } }

    /// One line per global, function, method and field with its signature: the snapshot that
    /// makes an accidental API change fail a test.
    public var signatures: String {
        var lines: [String] = []
        for entry in sortedModules {
            let module = entry.module
            for function in module.functions.sorted(by: { $0.name < $1.name }) {
                lines.append("\(module.name).\(function.name)(\(Self.parameters(function.parameters))) -> \(Self.returns(function.returns))")
            }
            for constant in module.constants.sorted(by: { $0.name < $1.name }) {
                lines.append("\(module.name).\(constant.name): constant")
            }
        }
        for type in classes {
            for field in type.fields { lines.append("\(type.name).\(field.name): \(field.type)") }
            for method in type.methods.sorted(by: { $0.name < $1.name }) {
                lines.append("\(type.name):\(method.name)(\(Self.parameters(method.parameters))) -> \(Self.returns(method.returns))")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func parameters(_ parameters: [HostParameter]) -> String {
        parameters.map { "\($0.name): \($0.type)" }.joined(separator: ", ")
    }

    static func returns(_ returns: [HostReturn]) -> String {
        returns.isEmpty ? "()" : returns.map(\.type.name).joined(separator: ", ")
    }

    /// What every page says about times, errors and grants.
    static let overview = """
        Scripts run in a sandbox with these modules as read-only globals (also reachable with \
        `require("dossiers")`). The standard library is Lua 5.4's, without `io`, `os.execute` \
        and the other ways out of the sandbox; `fs` exists only when files are granted, `http` only \
        when hosts are.

        ## Times

        **A time is an integer: whole seconds since 1970-01-01 00:00 UTC**, the value \
        `os.time()` returns. **A date is a time too: the first second (00:00) of the day in the \
        centre's zone** (Asia/Ho_Chi_Minh, UTC+7). Every function that takes a time or a date \
        also accepts text in the spellings the centre's systems use: `"25/05/2026"`, \
        `"25/05/2026 17:00"`, `"2026-05-25T17:00"`, `"20260525170000"`, optionally followed by \
        a zone (`Z`, `+07:00`); without one, text is the centre's wall time. Times compare and \
        subtract as numbers (`d.due_at < clock.now()`), encode to JSON as they are, and print \
        with `text.format_date(t)` (`25/05/2026`) or `text.format_date(t, "datetime")`. Use \
        `clock.now()`, not `os.time()`: the host's clock is the one `--now` and spec files set.

        ## Errors

        Every function checks its arguments and says which one was wrong, with the script's \
        file and line: `report.lua:12: bad argument #1 to 'dossiers.query' (field 'status': \
        unknown status 'procesing' ...)`. Options tables refuse unknown fields, so a misspelt \
        option fails instead of being ignored.

        ## Personal data and the store

        Scripts read the store; none can change it. Applicants' names, identity numbers, \
        phones and addresses are masked (`N***** V** A*`, `*******678`) unless the script is \
        granted personal data (`hostrun --allow-personal-data`, or `personal_data = true` in a \
        plugin's manifest, within the operator's policy). Connector plugins bring records in \
        through the host's validated import, never by writing themselves.
        """
}
