import Foundation

/// The files generated from the registry, by path relative to a folder: what `hostrun docs`
/// writes into the repository and `hostrun init` into a project, and what the staleness test
/// regenerates in memory and compares.
public struct GeneratedDocs {
    /// Path (relative to the root) → contents.
    public var files: [(path: String, contents: String)]

    /// The repository's generated files: `docs/api/*.md`, `docs/lua-meta/hostrun.lua`,
    /// `.luacheckrc` and `.luarc.json`.
    public static func repository(_ reference: APIReference = .hostrun) -> GeneratedDocs {
        var files = MarkdownReference.pages(reference).map { (path: "docs/api/" + $0.name, contents: $0.text) }
        files.append((Self.metaPath, LuaMetaFile.render(reference)))
        files.append((".luacheckrc", EditorSetup.luacheckrc(reference)))
        files.append((".luarc.json", EditorSetup.luarc(library: "docs/lua-meta")))
        return GeneratedDocs(files: files)
    }

    /// A script project's editor files: `.luarc.json`, `.luacheckrc` and the meta file under
    /// `.hostrun/lua-meta`.
    public static func project(_ reference: APIReference = .hostrun) -> GeneratedDocs {
        GeneratedDocs(files: [
            (".luarc.json", EditorSetup.luarc(library: ".hostrun/lua-meta")),
            (".luacheckrc", EditorSetup.luacheckrc(reference)),
            (".hostrun/lua-meta/hostrun.lua", LuaMetaFile.render(reference)),
        ])
    }

    public static let metaPath = "docs/lua-meta/hostrun.lua"

    /// Writes every file under `root`, creating folders.
    public func write(to root: String) throws {
        for file in files {
            let url = URL(fileURLWithPath: root).appendingPathComponent(file.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.contents.utf8).write(to: url)
        }
    }

    /// The paths under `root` whose contents differ from what would be generated (or that are
    /// missing), plus pages in `docs/api` that no module generates any more.
    public func stale(under root: String) -> [String] {
        var stale = files.filter { file in
            let path = URL(fileURLWithPath: root).appendingPathComponent(file.path).path
            return FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) } != file.contents
        }.map(\.path)
        let generated = Set(files.map(\.path))
        if generated.contains(where: { $0.hasPrefix("docs/api/") }) {
            let existing = (try? FileManager.default.contentsOfDirectory(atPath: root + "/docs/api")) ?? []
            stale += existing.map { "docs/api/" + $0 }.filter { !generated.contains($0) }.sorted()
        }
        return stale
    }
}
