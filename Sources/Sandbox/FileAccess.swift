/// The files a script may read and write, resolved from ``Capabilities``: the one place where a
/// path is checked against the granted folders, used by the `fs` module and by host modules that
/// open files themselves (the `csv` module's streaming reader, say).
///
/// Every path is resolved with symlinks (`realpath`) before it is checked against the canonical
/// granted roots, so a link inside a granted folder cannot lead outside it; a path to write
/// never follows a symlink at its last component.
public struct FileAccess: Sendable {
    /// Canonical folders (or files) granted for reading.
    public let readRoots: [String]
    /// Canonical folders (or files) granted for writing.
    public let writeRoots: [String]

    public init(capabilities: Capabilities) {
        readRoots = capabilities.readPaths.compactMap { HostFiles.realPath(HostFiles.absolute($0)) }
        writeRoots = capabilities.writePaths.compactMap { HostFiles.realPath(HostFiles.absolute($0)) }
    }

    /// A path refused, with the message a script sees.
    public struct Denied: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// The canonical path of an existing file or folder under a folder granted for reading.
    ///
    /// - Parameter function: the host function asking, named in the message (`fs.read_file`).
    public func readable(_ requested: String, function: String) throws(Denied) -> String {
        guard let resolved = HostFiles.realPath(HostFiles.absolute(requested)) else {
            throw Denied(description: "\(function): \(requested): no such file or directory")
        }
        guard readRoots.contains(where: { HostFiles.isInside(resolved, root: $0) }) else {
            throw Self.notGranted(function, requested, flag: "--allow-read")
        }
        return resolved
    }

    /// The path to create or replace under a folder granted for writing: its folder resolved,
    /// its last component kept (and checked not to be a link leading outside).
    public func writable(_ requested: String, function: String) throws(Denied) -> String {
        let absolute = HostFiles.absolute(requested)
        let name = String(absolute.split(separator: "/").last ?? "")
        guard !name.isEmpty, name != ".", name != "..",
              let folder = HostFiles.realPath(Self.parentFolder(of: absolute)) else {
            throw Denied(description: "\(function): \(requested): not a file in an existing folder")
        }
        let target = (folder == "/" ? "" : folder) + "/" + name
        let resolved = HostFiles.realPath(target) ?? target
        guard writeRoots.contains(where: { HostFiles.isInside(resolved, root: $0) && HostFiles.isInside(target, root: $0) }) else {
            throw Self.notGranted(function, requested, flag: "--allow-write")
        }
        return target
    }

    /// Whether a path exists, answered only inside granted folders so that nothing outside
    /// them can be probed.
    public func exists(_ requested: String, function: String) throws(Denied) -> Bool {
        let absolute = HostFiles.absolute(requested)
        guard let resolved = HostFiles.realPath(absolute) else {
            guard let parent = HostFiles.realPath(Self.parentFolder(of: absolute)),
                  readRoots.contains(where: { HostFiles.isInside(parent, root: $0) }) else {
                throw Self.notGranted(function, requested, flag: "--allow-read")
            }
            return false
        }
        guard readRoots.contains(where: { HostFiles.isInside(resolved, root: $0) }) else {
            throw Self.notGranted(function, requested, flag: "--allow-read")
        }
        return true
    }

    static func parentFolder(of absolute: String) -> String {
        guard let slash = absolute.lastIndex(of: "/"), slash != absolute.startIndex else { return "/" }
        return String(absolute[..<slash])
    }

    static func notGranted(_ function: String, _ path: String, flag: String) -> Denied {
        Denied(description: "\(function): access to \(path) is not granted (use \(flag) with a folder that contains it)")
    }
}
