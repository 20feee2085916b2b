import Foundation

/// The harness's Lua sources (busted, luassert, say and the loader), read once from the
/// `Lua` folder bundled with hostrun.
///
/// A file `busted/core.lua` is the module `busted.core`, `busted/init.lua` is `busted`; its
/// chunk name is `@busted/core.lua`, so messages and tracebacks read `busted/core.lua:12:`.
struct HarnessModules: Sendable {
    struct Module: Sendable {
        let source: String
        let chunkName: String
    }

    /// Modules by name.
    let modules: [String: Module]
    /// `hostrun_loader.lua`, the first chunk run in every state.
    let loader: Module

    static let loaderFile = "hostrun_loader.lua"

    /// The bundled sources, read on first use.
    static let bundled: Result<HarnessModules, HarnessError> = {
        guard let folder = Bundle.module.url(forResource: "Lua", withExtension: nil) else {
            return .failure(.missingResources("no Lua folder in \(Bundle.module.bundlePath)"))
        }
        return Result { () throws(HarnessError) in try HarnessModules(folder: folder) }
    }()

    init(folder: URL) throws(HarnessError) {
        let root = folder.standardizedFileURL.path
        guard let enumerator = FileManager.default.enumerator(atPath: root) else {
            throw .missingResources("cannot list \(root)")
        }
        var modules: [String: Module] = [:]
        var loader: Module?
        while let relative = enumerator.nextObject() as? String {
            guard relative.hasSuffix(".lua") else { continue }
            let path = root + "/" + relative
            guard let data = FileManager.default.contents(atPath: path),
                  let source = String(data: data, encoding: .utf8) else {
                throw .unreadable(path, "not a readable UTF-8 file")
            }
            let module = Module(source: source, chunkName: "@" + relative)
            if relative == Self.loaderFile {
                loader = module
                continue
            }
            var name = String(relative.dropLast(".lua".count))
            if name.hasSuffix("/init") { name = String(name.dropLast("/init".count)) }
            modules[name.replacingOccurrences(of: "/", with: ".")] = module
        }
        guard let loader else { throw .missingResources("\(Self.loaderFile) is missing from \(root)") }
        self.modules = modules
        self.loader = loader
    }
}
