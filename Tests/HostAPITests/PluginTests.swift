import Domain
import Foundation
import HostAPI
import LuaBridge
import Sandbox
import Store
import Testing

/// Plugin folders written into a temporary folder.
struct PluginFolder {
    let root: String

    init(_ world: ScriptWorld) throws {
        root = world.folder + "/Plugins"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    @discardableResult
    func write(_ name: String, manifest: String, files: [String: String] = [:]) throws -> String {
        let folder = root + "/" + name
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: folder + "/manifest.lua", contents: Data(manifest.utf8))
        for (file, text) in files { FileManager.default.createFile(atPath: folder + "/" + file, contents: Data(text.utf8)) }
        return folder
    }
}

@Suite struct PluginManifestTests {
    func problems(_ manifest: String) throws -> [String] {
        let world = try ScriptWorld()
        let plugins = try PluginFolder(world)
        try plugins.write("x", manifest: manifest, files: ["init.lua": "return {}"])
        return PluginCatalog(searchFolders: [plugins.root]).problems.map { $0.reason.replacingOccurrences(of: plugins.root, with: "Plugins") }
    }

    @Test func aValidManifestIsRead() throws {
        let world = try ScriptWorld()
        let plugins = try PluginFolder(world)
        try plugins.write("qua-han", manifest: """
            local paths = {"$OUTPUT"}
            return {
              name = "qua-han", kind = "report", version = "1.2.0", description = "Hồ sơ quá hạn",
              capabilities = { write = paths, personal_data = true },
            }
            """, files: ["init.lua": "return {}"])
        let catalog = PluginCatalog(searchFolders: [plugins.root])
        #expect(catalog.problems.isEmpty)
        let manifest = try #require(catalog.plugin(named: "qua-han")?.manifest)
        #expect(manifest.kind == .report && manifest.version == "1.2.0" && manifest.entry == "init.lua")
        #expect(manifest.requests.write == ["$OUTPUT"] && manifest.requests.personalData && !manifest.requests.storeWrite)
    }

    @Test func invalidManifestsNameTheField() throws {
        let base = #"name = "x", kind = "report", version = "1", description = "d""#
        #expect(try problems("return { \(base), capabilities = { read = {\"a\", 2} } }")
            == ["Plugins/x/manifest.lua: capabilities.read[2]: expected a string, got number"])
        #expect(try problems("return { name = \"x\", version = \"1\", description = \"d\" }")
            == ["Plugins/x/manifest.lua: kind: is required (a string)"])
        #expect(try problems("return { \(base), kind2 = 1 }").first?.contains("unknown field 'kind2'") == true)
        #expect(try problems("return { \(base), capabilities = { store_write = true } }")
            == ["Plugins/x/manifest.lua: capabilities.store_write: only connector plugins may write to the store"])
        #expect(try problems("return { \(base), capabilities = { read = {\"$SORCE\"} } }").first?
            .hasPrefix("Plugins/x/manifest.lua: capabilities.read[1]: unknown placeholder in '$SORCE'") == true)
        #expect(try problems("return { \(base), capabilities = { hosts = {\"https://a.vn\"} } }").first?
            .contains("capabilities.hosts[1]") == true)
        #expect(try problems("return 42") == ["Plugins/x/manifest.lua: must return a table, returned number"])
        #expect(try problems("while true do end").first?.contains("instruction limit exceeded") == true)
        #expect(try problems("return io.open('/etc/passwd')").first?.contains("io") == true)
        #expect(try problems("return { \(base), entry = \"main.lua\" }") == ["Plugins/x/manifest.lua: entry: main.lua does not exist"])
    }

    @Test func aRepeatedNameIsAProblemNotAShadow() throws {
        let world = try ScriptWorld()
        let plugins = try PluginFolder(world)
        let manifest = #"return { name = "same", kind = "check", version = "1", description = "d" }"#
        try plugins.write("a", manifest: manifest, files: ["init.lua": "return {}"])
        try plugins.write("b", manifest: manifest, files: ["init.lua": "return {}"])
        let catalog = PluginCatalog(searchFolders: [plugins.root])
        #expect(catalog.plugins.map(\.folder) == [plugins.root + "/a"])
        #expect(catalog.problems.first?.reason.contains("a plugin named 'same' was already found") == true)
    }
}

@Suite struct PluginGrantTests {
    static let manifest = try! PluginManifest(table: LuaTable(fields: [
        "name": "c", "kind": "connector", "version": "1", "description": "d",
        "capabilities": .table(LuaTable(fields: [
            "read": ["$SOURCE", "$PLUGIN/maps"], "hosts": ["api.vn", "other.vn"], "env": ["TOKEN"],
            "personal_data": true, "store_write": true,
        ].mapKeys())),
    ].mapKeys()), file: "m.lua")

    @Test func grantsAreTheRequestsWithPlaceholdersFilled() {
        let grants = PluginGrants(manifest: Self.manifest, folder: "/p/c", policy: .allowAll,
                                  placeholders: ["SOURCE": ["/data/a.csv", "/data/b.csv"]])
        #expect(grants.capabilities.readPaths == ["/data/a.csv", "/data/b.csv", "/p/c/maps"])
        #expect(grants.capabilities.networkHosts == ["api.vn", "other.vn"] && grants.capabilities.environment == ["TOKEN"])
        #expect(grants.personalData && grants.storeWrite && grants.withheld.isEmpty)
        let unfilled = PluginGrants(manifest: Self.manifest, folder: "/p/c", policy: .allowAll)
        #expect(unfilled.capabilities.readPaths == ["/p/c/maps"])
    }

    @Test func theOperatorPolicyWithholds() throws {
        let world = try ScriptWorld()
        let path = world.folder + "/policy.lua"
        FileManager.default.createFile(atPath: path, contents: Data("""
            return {
              deny = { personal_data = true, hosts = {"other.vn"}, read = {"/data/secret"} },
              plugins = { c = { deny = { store_write = true, env = true } } },
            }
            """.utf8))
        let policy = try OperatorPolicy(file: path, display: "policy.lua")
        let grants = PluginGrants(manifest: Self.manifest, folder: "/p/c", policy: policy,
                                  placeholders: ["SOURCE": ["/data/a.csv", "/data/secret/b.csv"]])
        #expect(grants.capabilities.readPaths == ["/data/a.csv", "/p/c/maps"])
        #expect(grants.capabilities.networkHosts == ["api.vn"] && grants.capabilities.environment.isEmpty)
        #expect(!grants.personalData && !grants.storeWrite)
        #expect(grants.withheld == ["read: /data/secret/b.csv", "env: TOKEN", "hosts: other.vn", "personal_data", "store_write"])
        FileManager.default.createFile(atPath: path, contents: Data("return { deny = { hots = true } }".utf8))
        #expect(throws: PluginManifestError.self) { try OperatorPolicy(file: path, display: "policy.lua") }
    }
}

extension Dictionary where Key == String, Value == LuaValue {
    func mapKeys() -> [LuaKey: LuaValue] { Dictionary<LuaKey, LuaValue>(uniqueKeysWithValues: map { (.string(LuaString($0.key)), $0.value) }) }
}
