import ArgumentParser
import Foundation
import HostAPI

/// `hostrun plugins`: the installed plugins with their kind, version and grants.
struct PluginsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plugins",
        abstract: "List the installed plugins with their kind, version and what they are granted.",
        discussion: """
            Plugins are folders with a manifest.lua under ./Plugins, the folders of \
            $HOSTRUN_PLUGINS and --plugin-path. Grants are what a manifest asks for minus what \
            the operator's policy denies; placeholders ($SOURCE, $OUTPUT) are filled when the \
            plugin runs. Invalid manifests are listed with the field at fault, and make the \
            command exit 1.
            """)

    @OptionGroup var plugins: PluginOptions

    func run() throws {
        let policy: OperatorPolicy
        do { policy = try plugins.operatorPolicy() } catch {
            writeError("hostrun plugins: \(error)\n")
            throw ExitStatus.usage.exitCode
        }
        let catalog = plugins.catalog
        if catalog.plugins.isEmpty && catalog.problems.isEmpty { print("No plugins found (looked in ./Plugins, $HOSTRUN_PLUGINS and --plugin-path).") }
        for plugin in catalog.plugins {
            let manifest = plugin.manifest
            let grants = PluginGrants(manifest: manifest, folder: plugin.folder, policy: policy)
            print("\(manifest.name) \(manifest.version)  [\(manifest.kind.rawValue)]  \(manifest.description)")
            print("  folder: \(plugin.folder)")
            let requests = manifest.requests
            var lines: [String] = []
            // Paths as the manifest writes them: placeholders are filled when the plugin runs.
            func add(_ label: String, _ asked: [String], withheld: String) {
                let kept = asked.filter { !grants.withheld.contains("\(withheld): \($0)") }
                if !kept.isEmpty { lines.append("\(label): " + kept.joined(separator: ", ")) }
            }
            add("read", requests.read, withheld: "read")
            add("write", requests.write, withheld: "write")
            add("hosts", requests.hosts, withheld: "hosts")
            add("env", requests.env, withheld: "env")
            if grants.personalData { lines.append("personal data") }
            if grants.storeWrite { lines.append("store writes (validated import)") }
            print("  grants: " + (lines.isEmpty ? "nothing beyond reading the store" : lines.joined(separator: "; ")))
            if !grants.withheld.isEmpty { print("  withheld by policy: " + grants.withheld.joined(separator: ", ")) }
        }
        for problem in catalog.problems { writeError("hostrun plugins: \(problem)\n") }
        if !catalog.problems.isEmpty { throw ExitStatus.scriptError.exitCode }
    }
}
