import Foundation

/// Where report plugins are found: folders holding one sub-folder per report.
///
/// Searched in order: the operator's `--plugin-path` folders (each either a plugins root with a
/// `reports/` folder, or a folder of reports), `Plugins/reports` in the current folder, then the
/// bundled reports beside the executable (`Plugins/reports` in a folder above it, as in a source
/// checkout, or `share/hostrun/Plugins/reports` of an installation). The first folder holding a
/// report of the name wins, so a centre's copy shadows the bundled one.
public struct ReportCatalog: Sendable {
    /// The folders searched, in order, without duplicates.
    public let folders: [String]

    public init(folders: [String]) {
        var seen = Set<String>()
        self.folders = folders.filter { seen.insert(URL(fileURLWithPath: $0).standardizedFileURL.path).inserted }
    }

    /// The standard search, after the operator's `pluginPaths`.
    public static func standard(pluginPaths: [String] = []) -> ReportCatalog {
        let files = FileManager.default
        var folders: [String] = []
        for path in pluginPaths {
            let reports = path + "/reports"
            folders.append(isFolder(reports) ? reports : path)
        }
        folders.append(files.currentDirectoryPath + "/Plugins/reports")
        if let executable = Bundle.main.executableURL?.resolvingSymlinksInPath() {
            var folder = executable.deletingLastPathComponent()
            while folder.path != "/" {
                for candidate in ["Plugins/reports", "share/hostrun/Plugins/reports"] {
                    let path = folder.appendingPathComponent(candidate).path
                    if isFolder(path) { folders.append(path) }
                }
                folder = folder.deletingLastPathComponent()
            }
        }
        return ReportCatalog(folders: folders.filter(isFolder))
    }

    /// The report named `name`, its manifest read.
    public func report(named name: String) throws(ReportError) -> ReportPlugin {
        for folder in folders {
            let candidate = folder + "/" + name
            if FileManager.default.fileExists(atPath: candidate + "/manifest.lua") {
                return try ReportPlugin.load(folder: URL(fileURLWithPath: candidate).standardizedFileURL.path)
            }
        }
        throw .unknownReport(name: name, known: names, searched: folders)
    }

    /// The names of every report found, sorted, the first of each name only.
    public var names: [String] {
        var names = Set<String>()
        for folder in folders {
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            for entry in entries where FileManager.default.fileExists(atPath: folder + "/" + entry + "/manifest.lua") {
                names.insert(entry)
            }
        }
        return names.sorted()
    }

    private static func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
