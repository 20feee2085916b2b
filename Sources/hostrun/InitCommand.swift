import ArgumentParser
import Foundation
import HostAPI

/// `hostrun init`: editor and linter set-up for a folder of scripts.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Set up a folder of scripts for editors: .luarc.json, .luacheckrc and the hostrun annotations.",
        discussion: """
            Writes .luarc.json (the Lua language server, e.g. in VS Code, then completes and \
            type-checks hostrun's modules), the annotation library it points at \
            (.hostrun/lua-meta/hostrun.lua) and .luacheckrc (luacheck knows hostrun's globals). \
            Run it again after upgrading hostrun.
            """)

    @Argument(help: ArgumentHelp("The folder (default: the current one).", valueName: "folder"))
    var folder: String = "."

    @Flag(help: "Replace an existing .luarc.json or .luacheckrc.")
    var force = false

    func run() throws {
        let docs = GeneratedDocs.project()
        for file in docs.files where file.path.hasPrefix(".lua") && !force {
            if FileManager.default.fileExists(atPath: folder + "/" + file.path) {
                writeError("hostrun init: \(folder)/\(file.path) exists; use --force to replace it\n")
                throw ExitStatus.usage.exitCode
            }
        }
        do { try docs.write(to: folder) } catch {
            writeError("hostrun init: \(error)\n")
            throw ExitStatus.scriptError.exitCode
        }
        for file in docs.files { print("wrote \(folder == "." ? "" : folder + "/")\(file.path)") }
    }
}
