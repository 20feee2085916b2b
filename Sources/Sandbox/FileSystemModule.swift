import LuaBridge

/// The `fs` host module: files under the folders granted by ``Capabilities`` (checked by
/// ``FileAccess``). The sandbox installs it only when files are granted; it is public so that
/// hosts can document it with their own modules.
public struct FileSystemModule {
    let access: FileAccess
    /// Called before a read to refuse files larger than the memory the script has left.
    let memoryLeft: () -> Int?

    public init(capabilities: Capabilities, memoryLeft: @escaping () -> Int? = { nil }) {
        access = FileAccess(capabilities: capabilities)
        self.memoryLeft = memoryLeft
    }

    public var module: HostModule {
        HostModule("fs", "Files under the folders granted with --allow-read and --allow-write.", since: "0.1") {
            HostFunction("read_file", "Reads a whole file.",
                         parameters: [.init("path", .string, "a path under a folder granted for reading")],
                         returns: [.init(.string, "the file's bytes")], since: "0.1") { call in
                let path = try access.readable(call, 1)
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
                let path = try access.writable(call, 1)
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
                let path = try access.readable(call, 1)
                do {
                    return call.returning(try HostFiles.list(path))
                } catch {
                    throw LuaRuntimeMessage("fs.list: \(error)")
                }
            }
            HostFunction("exists", "Tells whether a path exists.",
                         parameters: [.init("path", .string, "a path under a folder granted for reading")],
                         returns: [.init(.boolean, "whether it exists")], since: "0.1") { call in
                do {
                    return call.returning(try access.exists(try call.string(1), function: "fs.exists"))
                } catch let denied as FileAccess.Denied {
                    throw LuaRuntimeMessage(denied.description)
                }
            }
        }
    }
}
