import Foundation

/// Finding candidate spec files on disk; which of them are specs is decided in Lua
/// (`busted.host.select`), with busted's Lua patterns.
enum SpecFiles {
    /// A root as `busted.host.select` takes it: a file given by name, or a folder's files.
    enum Root {
        case file(String)
        case folder(String, files: [String])
    }

    /// The files under each root (recursively unless `recursive` is false).
    static func roots(_ paths: [String], recursive: Bool) throws(HarnessError) -> [Root] {
        var roots: [Root] = []
        for path in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                throw .missingPath(path)
            }
            guard isFolder.boolValue else {
                roots.append(.file(path))
                continue
            }
            let prefix = path.hasSuffix("/") ? path : path + "/"
            var files: [String] = []
            if recursive {
                guard let enumerator = FileManager.default.enumerator(atPath: path) else { throw .missingPath(path) }
                while let relative = enumerator.nextObject() as? String {
                    if enumerator.fileAttributes?[.type] as? FileAttributeType == .typeRegular {
                        files.append(prefix + relative)
                    }
                }
            } else {
                let entries: [String]
                do {
                    entries = try FileManager.default.contentsOfDirectory(atPath: path)
                } catch {
                    throw .unreadable(path, "\(error)")
                }
                for entry in entries where !isDirectory(prefix + entry) { files.append(prefix + entry) }
            }
            roots.append(.folder(path, files: files))
        }
        return roots
    }

    /// The whole file as bytes.
    static func read(_ path: String) throws(HarnessError) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(path, "no such file or no permission")
        }
        return [UInt8](data)
    }

    private static func isDirectory(_ path: String) -> Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue
    }
}
