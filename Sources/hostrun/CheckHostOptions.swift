import ArgumentParser
import Foundation
import HostAPI
import Store

/// What `check`, `validate` and `schedule` share: where the store and the plugins are, and the
/// operator's policy.
struct CheckHostOptions: ParsableArguments {
    @OptionGroup var store: StoreOptions

    @OptionGroup var plugins: PluginOptions

    var catalog: PluginCatalog { plugins.catalog }

    func operatorPolicy() throws -> OperatorPolicy {
        try plugins.operatorPolicy()
    }
}
