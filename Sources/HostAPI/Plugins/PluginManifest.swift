import LuaBridge

/// What a plugin is and what it needs: its `manifest.lua`, a Lua chunk returning a table.
///
/// ```lua
/// return {
///   name = "canonical",              -- letters, digits, - and _
///   kind = "connector",              -- "connector" | "report" | "check"
///   version = "1.0.0",
///   description = "hostrun's canonical CSV",
///   entry = "init.lua",              -- optional, default init.lua
///   capabilities = {                 -- all optional; nothing is granted that is not asked for
///     read = { "$SOURCE" },          -- files or folders it may read
///     write = { "$OUTPUT" },         -- files or folders it may write
///     hosts = { "dichvucong.gov.vn" },  -- hosts http may reach ("$SOURCE": each source URL's)
///     env = { "DVC_TOKEN" },             -- variables os.getenv may read
///     personal_data = false,         -- see applicants' names, numbers and addresses unmasked
///     store_write = true,            -- connectors only: its records are imported into the store
///   },
/// }
/// ```
///
/// Paths may start with a placeholder filled in at run time: `$SOURCE` (each source given to a
/// connector), `$OUTPUT` (the file a report writes), `$PLUGIN` (the plugin's own folder, e.g.
/// `$PLUGIN/templates`). An entry whose placeholder has no value in a run grants nothing.
/// Relative paths are relative to the folder hostrun runs in.
public struct PluginManifest: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        /// Reads a source and yields canonical records, which the host imports.
        case connector
        /// Computes a report over a period.
        case report
        /// Checks the store and returns a status.
        case check
    }

    /// What the plugin asks for.
    public struct Requests: Sendable, Equatable {
        public var read: [String] = []
        public var write: [String] = []
        public var hosts: [String] = []
        public var env: [String] = []
        public var personalData = false
        public var storeWrite = false

        public init() {}
    }

    public var name: String
    public var kind: Kind
    public var version: String
    public var description: String
    /// The Lua file run first, relative to the plugin's folder.
    public var entry: String
    public var requests: Requests

    static let placeholders = ["$SOURCE", "$OUTPUT", "$PLUGIN"]
    static let topFields = ["name", "kind", "version", "description", "entry", "capabilities"]
    static let capabilityFields = ["read", "write", "hosts", "env", "personal_data", "store_write"]

    /// Reads and checks a manifest file; `display` names it in errors.
    public init(file path: String, display: String) throws(PluginManifestError) {
        try self.init(table: try LuaDataFile.evaluate(path, display: display), file: display)
    }

    /// Checks a manifest's table.
    public init(table: LuaTable, file: String) throws(PluginManifestError) {
        let top = DataTableReader(file: file, table: table, path: "")
        try top.onlyFields(Self.topFields)
        name = try top.string("name", required: true)!
        guard name.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-" || $0 == "_") }),
              name.first?.isLetter == true || name.first?.isNumber == true else {
            throw top.error("name", "'\(name)' must be lower-case letters, digits, - and _")
        }
        let kindText = try top.string("kind", required: true)!
        guard let kind = Kind(rawValue: kindText) else {
            throw top.error("kind", "'\(kindText)' is not connector, report or check")
        }
        self.kind = kind
        version = try top.string("version", required: true)!
        description = try top.string("description", required: true)!
        entry = try top.string("entry", required: false) ?? "init.lua"
        guard entry.hasSuffix(".lua"), !entry.hasPrefix("/"), !entry.split(separator: "/").contains("..") else {
            throw top.error("entry", "'\(entry)' must be a .lua file inside the plugin's folder")
        }
        requests = Requests()
        guard let capabilities = try top.table("capabilities") else { return }
        let reader = top.child("capabilities", capabilities)
        try reader.onlyFields(Self.capabilityFields)
        requests.read = try reader.strings("read", valid: Self.pathProblem)
        requests.write = try reader.strings("write", valid: Self.pathProblem)
        requests.hosts = try reader.strings("hosts", valid: Self.hostProblem)
        requests.env = try reader.strings("env") { name in
            name.allSatisfy { $0.isASCII && ($0.isUppercase || $0.isNumber || $0 == "_") } && !name.isEmpty
                ? nil : "'\(name)' must be an environment variable name (A-Z, 0-9, _)"
        }
        requests.personalData = try reader.boolean("personal_data") ?? false
        requests.storeWrite = try reader.boolean("store_write") ?? false
        if requests.storeWrite && kind != .connector {
            throw reader.error("store_write", "only connector plugins may write to the store")
        }
    }

    /// A host grant is `$SOURCE` (the host of each URL given as a source), a host name, or
    /// `host:port`.
    static func hostProblem(_ host: String) -> String? {
        if host == "$SOURCE" || HttpAddress.grantProblem(host) == nil { return nil }
        return "'\(host)' must be a host name such as dichvucong.gov.vn, host:port, or $SOURCE (no scheme or path)"
    }

    private static func pathProblem(_ path: String) -> String? {
        guard path.hasPrefix("$") else { return path.isEmpty ? "a path must not be empty" : nil }
        let known = placeholders.first { path == $0 || path.hasPrefix($0 + "/") }
        return known == nil ? "unknown placeholder in '\(path)' (known: \(placeholders.joined(separator: ", ")))" : nil
    }
}
