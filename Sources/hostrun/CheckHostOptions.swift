import ArgumentParser
import Foundation
import HostAPI
import Store

/// What `check`, `validate` and `schedule` share: where the store and the plugins are, and the
/// operator's policy.
struct CheckHostOptions: ParsableArguments {
    @OptionGroup var store: StoreOptions

    @OptionGroup var plugins: PluginOptions

    /// The plugins of ``PluginOptions``, plus the `checks` sub-folder of each folder searched,
    /// where docs/plugins.md puts bundled checks (`Plugins/checks/NAME`); the catalogue itself
    /// looks one level deep only.
    var catalog: PluginCatalog {
        var options = plugins
        options.pluginPaths += (PluginCatalog.defaultSearchFolders() + plugins.pluginPaths).map { $0 + "/checks" }
            .filter { FileManager.default.fileExists(atPath: $0) }
        return options.catalog
    }

    func operatorPolicy() throws -> OperatorPolicy {
        try plugins.operatorPolicy()
    }
}
