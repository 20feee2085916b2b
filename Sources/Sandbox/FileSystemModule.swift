import LuaBridge

/// The `fs` host module: files under the folders granted by ``Capabilities``.
///
/// Every path is resolved with symlinks (`realpath`) before it is checked against the canonical
/// granted roots, so a link inside a granted folder cannot lead outside it; writes never follow
/// a symlink at the last component.
struct FileSystemModule {
    let readRoots: [String]
    let writeRoots: [String]
    /// Called before a read to refuse files larger than the memory the script has left.
    let memoryLeft: () -> Int?

    init(capabilities: Capabilities, memoryLeft: @escaping () -> Int?) {
        readRoots = capabilities.readPaths.compactMap { HostFiles.realPath(HostFiles.absolute($0)) }
        writeRoots = capabilities.writePaths.compactMap { HostFiles.realPath(HostFiles.absolute($0)) }
        self.memoryLeft = memoryLeft
    }

    var module: HostModule {
        HostModule("fs", "Files under the folders granted with --allow-read and --allow-write.", since: "0.1") {
            HostFunction("read_file", "Reads a whole file.",
                         parameters: [.init("path", .string, "a path under a folder granted for reading")],
                         returns: [.init(.string, "the file's bytes")], since: "0.1") { call in
                let path = try readable(call, 1)
                if let left = memoryLeft(), let size = HostFiles.size(path), size > left {
                    throw LuaRuntimeMessage("fs.read_file: \(path) (\(size) bytes) does not fit in the memory limit")
                }
                do {
                    return call.returning(LuaString(bytes: try HostFiles.read(path)))
                } catch {
                    throw LuaRuntimeMessage("fs.read_file: \(error)")
                }
            }
            HostFunction("write_file", "Creates or replaces a file.",
                         parameters: [.init("path", .string, "a path under a folder granted for writing"),
                                      .init("data", .string, "the bytes to write")],
                         returns: [.init(.boolean, "true")], since: "0.1") { call in
                let path = try writable(call, 1)
                let data = try call.bytes(2)
                let failure = data.bytes.withUnsafeBytes { bytes -> HostFiles.Failure? in
                    do throws(HostFiles.Failure) {
                        try HostFiles.write(bytes, to: path)
                        return nil
                    } catch {
                        return error
                    }
                }
                if let failure { throw LuaRuntimeMessage("fs.write_file: \(failure)") }
                return call.returning(true)
            }
            HostFunction("list", "Lists a folder's entries, sorted.",
                         parameters: [.init("path", .string, "a folder under a folder granted for reading")],
                         returns: [.init(HostType.string.array, "entry names, without . and ..")], since: "0.1") { call in
                let path = try readable(call, 1)
                do {
                    return call.returning(try HostFiles.list(path))
                } catch {
                    throw LuaRuntimeMessage("fs.list: \(error)")
                }
            }
            HostFunction("exists", "Tells whether a path exists.",
                         parameters: [.init("path", .string, "a path under a folder granted for reading")],
                         returns: [.init(.boolean, "whether it exists")], since: "0.1") { call in
                let requested = try call.string(1)
                let absolute = HostFiles.absolute(requested)
                guard let resolved = HostFiles.realPath(absolute) else {
                    // A missing path: answer only if its folder is granted, so nothing is probed outside.
                    guard let parent = HostFiles.realPath(parentFolder(of: absolute)),
                          readRoots.contains(where: { HostFiles.isInside(parent, root: $0) }) else {
                        throw notGranted("fs.exists", requested, flag: "--allow-read")
                    }
                    return call.returning(false)
                }
                guard readRoots.contains(where: { HostFiles.isInside(resolved, root: $0) }) else {
                    throw notGranted("fs.exists", requested, flag: "--allow-read")
                }
                return call.returning(true)
            }
        }
    }

    private func readable(_ call: LuaCall, _ position: Int32) throws -> String {
        let requested = try call.string(position)
        guard let resolved = HostFiles.realPath(HostFiles.absolute(requested)) else {
            throw LuaRuntimeMessage("\(call.functionName): \(requested): no such file or directory")
        }
        guard readRoots.contains(where: { HostFiles.isInside(resolved, root: $0) }) else {
            throw notGranted(call.functionName, requested, flag: "--allow-read")
        }
        return resolved
    }

    private func writable(_ call: LuaCall, _ position: Int32) throws -> String {
        let requested = try call.string(position)
        let absolute = HostFiles.absolute(requested)
        let name = String(absolute.split(separator: "/").last ?? "")
        guard !name.isEmpty, name != ".", name != "..",
              let folder = HostFiles.realPath(parentFolder(of: absolute)) else {
            throw LuaRuntimeMessage("\(call.functionName): \(requested): not a file in an existing folder")
        }
        let target = (folder == "/" ? "" : folder) + "/" + name
        let resolved = HostFiles.realPath(target) ?? target
        guard writeRoots.contains(where: { HostFiles.isInside(resolved, root: $0) && HostFiles.isInside(target, root: $0) }) else {
            throw notGranted(call.functionName, requested, flag: "--allow-write")
        }
        return target
    }

    private func parentFolder(of absolute: String) -> String {
        guard let slash = absolute.lastIndex(of: "/"), slash != absolute.startIndex else { return "/" }
        return String(absolute[..<slash])
    }

    private func notGranted(_ function: String, _ path: String, flag: String) -> LuaRuntimeMessage {
        LuaRuntimeMessage("\(function): access to \(path) is not granted (use \(flag) with a folder that contains it)")
    }
}
