import ArgumentParser
import Foundation
import HostAPI
import Store

/// What `check`, `validate` and `schedule` share: where the store and the plugins are, and the
/// operator's policy.
struct CheckHostOptions: ParsableArguments {
    @OptionGroup var store: StoreOptions

    @Option(help: ArgumentHelp("Also look for plugins in the folders under this folder (repeatable; after ./Plugins and $HOSTRUN_PLUGINS).",
                               valueName: "folder"))
    var pluginPath: [String] = []

    @Option(help: ArgumentHelp("The operator's policy: what plugins may not have, whatever their manifests ask (default: $HOSTRUN_POLICY).",
                               valueName: "file"))
    var policy: String?

    /// The plugins: `Plugins` here, `HOSTRUN_PLUGINS`, then `--plugin-path`; in each, the
    /// `checks` sub-folder too, where docs/plugins.md puts bundled checks (`Plugins/checks/NAME`).
    var catalog: PluginCatalog {
        PluginCatalog(searchFolders: (PluginCatalog.defaultSearchFolders() + pluginPath).flatMap { [$0, $0 + "/checks"] })
    }

    /// `--policy`, else `HOSTRUN_POLICY`, else nothing denied.
    func operatorPolicy() throws(PluginManifestError) -> OperatorPolicy {
        let given = policy ?? ProcessInfo.processInfo.environment["HOSTRUN_POLICY"].flatMap { $0.isEmpty ? nil : $0 }
        guard let path = given else { return .allowAll }
        return try OperatorPolicy(file: path, display: path)
    }
}
