/// What the centre's operator withholds from plugins, whatever their manifests ask: grants are
/// the manifest's requests minus what the policy denies.
///
/// Written in Lua like a manifest (`hostrun --policy FILE`, or `HOSTRUN_POLICY`):
///
/// ```lua
/// return {
///   deny = {                       -- for every plugin
///     personal_data = true,        -- nobody sees unmasked applicants
///     hosts = { "example.org" },   -- or true for every host
///     write = true,                -- no plugin writes files
///   },
///   plugins = {                    -- for one plugin, on top of the above
///     ["bao-cao-dinh-ky"] = { deny = { env = true } },
///   },
/// }
/// ```
///
/// `read`, `write` (paths: a denied folder covers everything inside it), `hosts` and `env` take
/// a list or `true`; `personal_data` and `store_write` take `true`. Without a policy nothing is
/// denied: a plugin gets what its manifest asks, and personal data and store writes only when it
/// asks for them.
public struct OperatorPolicy: Sendable, Equatable {
    /// Denials of one scope.
    public struct Denials: Sendable, Equatable {
        /// `nil` denies every entry; otherwise the entries denied.
        public var read: [String]? = []
        public var write: [String]? = []
        public var hosts: [String]? = []
        public var env: [String]? = []
        public var personalData = false
        public var storeWrite = false

        public init() {}
    }

    public var everyone = Denials()
    public var perPlugin: [String: Denials] = [:]

    public init() {}

    /// Nothing denied.
    public static let allowAll = OperatorPolicy()

    /// Reads a policy file.
    public init(file path: String, display: String) throws(PluginManifestError) {
        let table = try LuaDataFile.evaluate(path, display: display)
        let top = DataTableReader(file: display, table: table, path: "")
        try top.onlyFields(["deny", "plugins"])
        if let deny = try top.table("deny") { everyone = try Self.denials(top.child("deny", deny)) }
        if let plugins = try top.table("plugins") {
            let reader = top.child("plugins", plugins)
            for (key, value) in plugins.fields {
                guard case .string(let name) = key, case .table(let entry) = value else {
                    throw reader.error(key.pathComponent, "expected a plugin name with a table {deny = {...}}")
                }
                let one = reader.child(name.description, entry)
                try one.onlyFields(["deny"])
                if let deny = try one.table("deny") { perPlugin[name.description] = try Self.denials(one.child("deny", deny)) }
            }
        }
    }

    private static func denials(_ reader: DataTableReader) throws(PluginManifestError) -> Denials {
        try reader.onlyFields(PluginManifest.capabilityFields)
        var denials = Denials()
        func list(_ key: String) throws(PluginManifestError) -> [String]? {
            if case .boolean(true) = reader.table[key] { return nil }
            return try reader.strings(key) { _ in nil }
        }
        denials.read = try list("read")
        denials.write = try list("write")
        denials.hosts = try list("hosts")
        denials.env = try list("env")
        denials.personalData = try reader.boolean("personal_data") ?? false
        denials.storeWrite = try reader.boolean("store_write") ?? false
        return denials
    }
}
