import ArgumentParser
import Foundation
import HostAPI

/// Where plugins are found and which operator policy applies: shared by every command that
/// runs plugins (`plugins`, `import`, `report`, `check`).
struct PluginOptions: ParsableArguments {
    @Option(name: .customLong("plugin-path"),
            help: ArgumentHelp("A plugin folder, or a folder of plugin folders, besides ./Plugins and $HOSTRUN_PLUGINS (repeatable).", valueName: "folder"))
    var pluginPaths: [String] = []

    @Option(help: ArgumentHelp("The operator's policy file (default: $HOSTRUN_POLICY, else none: grant what manifests ask).", valueName: "file"))
    var policy: String?

    var catalog: PluginCatalog {
        let single = pluginPaths.filter { FileManager.default.fileExists(atPath: $0 + "/" + PluginCatalog.manifestName) }
        let folders = pluginPaths.filter { !single.contains($0) }
        return PluginCatalog(searchFolders: PluginCatalog.defaultSearchFolders() + folders.flatMap(PluginCatalog.searchFolders(under:)),
                             pluginFolders: single)
    }

    func operatorPolicy() throws -> OperatorPolicy {
        let path = policy ?? ProcessInfo.processInfo.environment["HOSTRUN_POLICY"].flatMap { $0.isEmpty ? nil : $0 }
        guard let path else { return .allowAll }
        return try OperatorPolicy(file: path, display: path)
    }
}
