import Foundation

/// A plugin found on disk: its folder and its checked manifest.
public struct InstalledPlugin: Sendable, Equatable {
    /// The plugin's folder, absolute.
    public var folder: String
    public var manifest: PluginManifest

    /// The entry file's absolute path.
    public var entryPath: String { folder + "/" + manifest.entry }
}

/// The plugins hostrun can run: every folder with a `manifest.lua` under the plugin search
/// folders (the project's `Plugins/`, then each folder of `HOSTRUN_PLUGINS`), plus plugin
/// folders given by path. A folder whose manifest is invalid, or whose name repeats one found
/// earlier, is a problem reported with its reason, not a silent skip.
public struct PluginCatalog: Sendable {
    /// A plugin folder that could not be used.
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        public var folder: String
        public var reason: String
        public var description: String { reason }
    }

    /// Usable plugins, by name.
    public private(set) var plugins: [InstalledPlugin] = []
    public private(set) var problems: [Problem] = []

    public static let manifestName = "manifest.lua"

    /// `Plugins` in the current folder, then the folders of `HOSTRUN_PLUGINS` (separated by `:`),
    /// each with its kind sub-folders (see ``searchFolders(under:)``).
    public static func defaultSearchFolders(environment: [String: String] = ProcessInfo.processInfo.environment) -> [String] {
        (["Plugins"] + (environment["HOSTRUN_PLUGINS"] ?? "").split(separator: ":").map(String.init))
            .flatMap(searchFolders(under:))
    }

    /// A folder of plugins and its kind sub-folders (`connectors`, `reports`, `checks`), where
    /// bundled plugins are sorted (docs/plugins.md): `Plugins/reports/bao-cao-dinh-ky`.
    public static func searchFolders(under folder: String) -> [String] {
        [folder] + PluginManifest.Kind.allCases.map { "\(folder)/\($0.rawValue)s" }
    }

    /// - Parameters:
    ///   - searchFolders: folders whose sub-folders are plugins (missing ones are skipped).
    ///   - pluginFolders: single plugin folders given by path (missing ones are problems).
    public init(searchFolders: [String], pluginFolders: [String] = []) {
        var candidates: [(folder: String, display: String)] = []
        for search in searchFolders {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: search)) ?? []
            for name in names.sorted() {
                let folder = search + "/" + name
                if FileManager.default.fileExists(atPath: folder + "/" + Self.manifestName) {
                    candidates.append((folder, folder))
                }
            }
        }
        for folder in pluginFolders {
            guard FileManager.default.fileExists(atPath: folder + "/" + Self.manifestName) else {
                problems.append(Problem(folder: folder, reason: "\(folder): no \(Self.manifestName) in this folder"))
                continue
            }
            candidates.append((folder, folder))
        }
        var seen: [String: String] = [:]
        for (folder, display) in candidates {
            let absolute = URL(fileURLWithPath: folder).standardizedFileURL.path
            do {
                let manifest = try PluginManifest(file: folder + "/" + Self.manifestName, display: display + "/" + Self.manifestName)
                if let first = seen[manifest.name] {
                    problems.append(Problem(folder: folder, reason: "\(display): a plugin named '\(manifest.name)' was already found in \(first)"))
                    continue
                }
                guard FileManager.default.fileExists(atPath: absolute + "/" + manifest.entry) else {
                    problems.append(Problem(folder: folder, reason: "\(display)/\(Self.manifestName): entry: \(manifest.entry) does not exist"))
                    continue
                }
                seen[manifest.name] = display
                plugins.append(InstalledPlugin(folder: absolute, manifest: manifest))
            } catch {
                problems.append(Problem(folder: folder, reason: error.description))
            }
        }
        plugins.sort { $0.manifest.name < $1.manifest.name }
    }

    /// The plugin named `name`.
    public func plugin(named name: String) -> InstalledPlugin? {
        plugins.first { $0.manifest.name == name }
    }
}
