/// What a script may reach outside its state, granted explicitly (CLI flags today, a plugin
/// manifest later). Without a grant a script cannot read or write files, read environment
/// variables or reach the network.
public struct Capabilities: Sendable, Equatable {
    /// Folders (or files) whose contents `fs.read_file`, `fs.list` and `fs.exists` may read.
    public var readPaths: [String]
    /// Folders (or files) `fs.write_file` may write into.
    public var writePaths: [String]
    /// Names `os.getenv` may read.
    public var environment: Set<String>
    /// Hosts (`host` or `host:port`) the `http` module may reach; it is installed only when some are.
    public var networkHosts: Set<String>

    public init(readPaths: [String] = [], writePaths: [String] = [], environment: Set<String> = [], networkHosts: Set<String> = []) {
        self.readPaths = readPaths
        self.writePaths = writePaths
        self.environment = environment
        self.networkHosts = networkHosts
    }

    /// Nothing granted.
    public static let none = Capabilities()

    /// Whether the `fs` module is installed at all.
    public var grantsFiles: Bool { !readPaths.isEmpty || !writePaths.isEmpty }
}
