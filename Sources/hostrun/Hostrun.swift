import ArgumentParser
import CLuaShim

#if canImport(Glibc)
import Glibc
#endif

/// `hostrun`: the root command. `hostrun script.lua` runs a script (the default subcommand,
/// ``RunCommand``); later subcommands (`import`, `report`, `check`, `test`, ...) sit beside it.
@main
struct Hostrun: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "hostrun",
        abstract: "Run Lua 5.4 scripts in a sandbox, with limits, for the centre's dossiers.",
        discussion: """
            Scripts run sandboxed: no files, network or environment unless granted, and every \
            limit on by default. Arguments after the script go to it in `arg`, as with lua5.4.

            EXAMPLES:
              hostrun Scripts/hello.lua Lan
              hostrun -e 'print(1 + 1)'
              echo 'print(_VERSION)' | hostrun -
              hostrun --max-memory 64MiB --max-time 10 report.lua 2026
              hostrun --allow-read data --allow-write out export.lua
              hostrun --db centre.db --now "25/05/2026 17:00" Scripts/overdue-by-department.lua
              hostrun plugins
              hostrun init my-scripts

            EXIT CODES:
            \(ExitStatus.helpTable)
            """,
        version: version,
        subcommands: [RunCommand.self, TestCommand.self, DemoCommand.self, ImportCommand.self, ReconcileCommand.self,
                      ReportCommand.self, CheckCommand.self, ValidateCommand.self, ScheduleCommand.self,
                      DbCommand.self, PluginsCommand.self, InitCommand.self, DocsCommand.self],
        defaultSubcommand: RunCommand.self
    )

    /// Parses and runs, with `hostrun`'s exit codes: usage errors exit 2 (not
    /// ArgumentParser's 64), script failures with the codes in ``ExitStatus``.
    static func main() {
        let code: Int32
        do {
            var command = try parseAsRoot()
            try command.run()
            code = ExitStatus.success.rawValue
        } catch let exit as ExitCode {
            code = exit.rawValue
        } catch {
            let status = exitCode(for: error)
            let message = fullMessage(for: error)
            if status == .success {
                if !message.isEmpty { print(message) }
                code = 0
            } else {
                if !message.isEmpty { writeError(message + "\n") }
                code = ExitStatus.usage.rawValue
            }
        }
        hr_stdio_flush()
        Glibc.exit(code)
    }
}

/// Writes to standard error without Foundation.
func writeError(_ text: String) {
    var text = text
    text.withUTF8 { hr_stdio_write(2, $0.baseAddress, $0.count) }
}
