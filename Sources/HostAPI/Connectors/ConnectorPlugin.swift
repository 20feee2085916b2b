import Foundation

/// A connector plugin on disk: its folder, holding `manifest.lua` and the entry module
/// `init.lua` (docs/plugins.md).
public struct ConnectorPlugin: Sendable, Equatable {
    public var name: String
    /// The plugin's folder, absolute: `require` loads its modules from there only.
    public var folder: String
    /// The entry module's file, relative to ``folder``.
    public var entry: String

    /// The folder of bundled connectors, relative to the folder hostrun runs in.
    public static let bundledFolder = "Plugins/connectors"

    /// The connector `name`, looked for in each of `searchFolders` (a connector's own folder, or
    /// a folder of connectors), then in ``bundledFolder``.
    public static func find(_ name: String, searchFolders: [String]) throws(ImportError) -> ConnectorPlugin {
        let folders = searchFolders + [bundledFolder]
        for folder in folders {
            for candidate in [folder, folder + "/" + name] {
                let url = URL(fileURLWithPath: candidate).standardizedFileURL
                guard url.lastPathComponent == name,
                      FileManager.default.fileExists(atPath: url.appendingPathComponent("manifest.lua").path),
                      FileManager.default.fileExists(atPath: url.appendingPathComponent("init.lua").path)
                else { continue }
                return ConnectorPlugin(name: name, folder: url.path, entry: "init.lua")
            }
        }
        throw .connectorNotFound(name: name, searched: folders)
    }

    /// The entry's module name for `require` (`init.lua` → `init`).
    var entryModule: String {
        String(entry.dropLast(".lua".count)).replacingOccurrences(of: "/", with: ".")
    }
}
