import ArgumentParser
import Foundation
import HostAPI

/// `hostrun docs`: regenerates the API reference and the editor files from the registry.
struct DocsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "docs",
        abstract: "Regenerate docs/api, docs/lua-meta/hostrun.lua, .luacheckrc and .luarc.json from the host's modules.",
        discussion: "Run it in the repository after changing a host module; --check only reports stale files (exit 1).")

    @Option(help: ArgumentHelp("The repository's folder (default: the current one).", valueName: "folder"))
    var root: String = "."

    @Flag(help: "Write nothing; list the generated files that are out of date and exit 1 if any.")
    var check = false

    func run() throws {
        let docs = GeneratedDocs.repository()
        let stale = docs.stale(under: root)
        if check {
            for path in stale { print("stale: \(path)") }
            if !stale.isEmpty { throw ExitStatus.scriptError.exitCode }
            return
        }
        let generated = Set(docs.files.map(\.path))
        for path in stale where !generated.contains(path) {
            try? FileManager.default.removeItem(atPath: root + "/" + path)
            print("removed \(path)")
        }
        do { try docs.write(to: root) } catch {
            writeError("hostrun docs: \(error)\n")
            throw ExitStatus.scriptError.exitCode
        }
        for path in stale where generated.contains(path) { print("wrote \(path)") }
        if stale.isEmpty { print("up to date (\(docs.files.count) files)") }
    }
}
