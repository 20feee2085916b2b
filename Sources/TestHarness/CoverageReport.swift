import Foundation
import HostAPI
import LuaBridge

/// The line coverage of a `hostrun test --coverage` run: for each script or plugin file the
/// specs ran, its executable lines and how often each ran, written as LCOV and summed up one
/// line per file.
///
/// Only the code under test is reported: the harness's own modules, the spec files themselves
/// and plugin manifests are left out. Chunk names become paths on disk: a project file is named
/// by its path already; a plugin's entry is named `plugin/init.lua` and its other modules by
/// their path inside the plugin's folder, found through the plugin catalog.
public struct CoverageReport: Sendable, Equatable {
    /// One file's coverage.
    public struct File: Sendable, Equatable {
        /// The path, relative to the current folder when inside it.
        public var path: String
        /// Every executable line and how many times it ran (0: never).
        public var lines: [Int: UInt64]

        public var linesFound: Int { lines.count }
        public var linesHit: Int { lines.values.filter { $0 > 0 }.count }
    }

    /// The files, by path.
    public var files: [File]

    /// The LCOV tracefile (`lcov.info`): `SF`, `DA`, `LF`, `LH` per file.
    public var lcov: String {
        var text = ""
        for file in files {
            text += "TN:\nSF:\(file.path)\n"
            for line in file.lines.keys.sorted() { text += "DA:\(line),\(file.lines[line]!)\n" }
            text += "LF:\(file.linesFound)\nLH:\(file.linesHit)\nend_of_record\n"
        }
        return text
    }

    /// One line per file, `path: hit/found lines (percent)`, then the total.
    public var summary: [String] {
        func line(_ name: String, _ hit: Int, _ found: Int) -> String {
            let percent = found == 0 ? 100 : Double(hit) * 100 / Double(found)
            return "\(name): \(hit)/\(found) lines (\(String(format: "%.1f", percent))%)"
        }
        return files.map { line($0.path, $0.linesHit, $0.linesFound) }
            + [line("Total", files.reduce(0) { $0 + $1.linesHit }, files.reduce(0) { $0 + $1.linesFound })]
    }

    /// The report of `hits` (``LuaCoverage/hits()``), leaving out `excluded` chunk names.
    static func make(hits: [String: [Int: UInt64]], excluded: Set<String>, plugins: PluginCatalog) -> CoverageReport {
        let resolver = PathResolver(plugins: plugins)
        var merged: [String: [Int: UInt64]] = [:]
        for (chunk, lines) in hits where !excluded.contains(chunk) {
            guard chunk.hasSuffix(".lua"), !chunk.hasSuffix("/" + PluginCatalog.manifestName),
                  let path = resolver.path(of: chunk) else { continue }
            merged[path, default: [:]].merge(lines, uniquingKeysWith: +)
        }
        var files: [File] = []
        for (path, hit) in merged {
            guard let source = FileManager.default.contents(atPath: path) else { continue }
            var lines: [Int: UInt64] = [:]
            if let executable = LuaCoverage.executableLines(in: [UInt8](source), chunkName: "@" + path) {
                for line in executable.lines { lines[line] = 0 }
            }
            // Lines that ran count even when not found above (an `end` a function fell through to).
            lines.merge(hit, uniquingKeysWith: +)
            files.append(File(path: path, lines: lines))
        }
        return CoverageReport(files: files.sorted { $0.path < $1.path })
    }

    /// Chunk names to files on disk.
    private struct PathResolver {
        let plugins: [InstalledPlugin]
        let current = FileManager.default.currentDirectoryPath

        init(plugins: PluginCatalog) { self.plugins = plugins.plugins }

        func path(of chunk: String) -> String? {
            if isFile(chunk) { return relative(chunk) }
            // A plugin's entry: "name/entry.lua".
            if let slash = chunk.firstIndex(of: "/"),
               let plugin = plugins.first(where: { $0.manifest.name == chunk[..<slash] }),
               isFile(plugin.folder + chunk[slash...]) {
                return relative(plugin.folder + chunk[slash...])
            }
            // A plugin's other module, named inside its folder: kept when only one plugin has it.
            let candidates = plugins.map { $0.folder + "/" + chunk }.filter(isFile)
            return candidates.count == 1 ? relative(candidates[0]) : nil
        }

        private func isFile(_ path: String) -> Bool {
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && !isFolder.boolValue
        }

        private func relative(_ path: String) -> String {
            let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
            return absolute.hasPrefix(current + "/") ? String(absolute.dropFirst(current.count + 1)) : absolute
        }
    }
}
