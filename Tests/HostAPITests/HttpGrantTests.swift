import Foundation
import HostAPI
import LuaBridge
import Testing

/// Network grants: how a manifest's `hosts` (fixed names, `host:port`, `$SOURCE`) and the
/// operator's policy become the hosts the `http` module may reach, and how URLs match them.
@Suite struct HttpGrantTests {
    static func manifest(hosts: [LuaValue]) throws -> PluginManifest {
        try PluginManifest(table: LuaTable(fields: [
            "name": "api", "kind": "connector", "version": "1", "description": "d",
            "capabilities": .table(LuaTable(fields: [
                "read": ["$SOURCE"], "hosts": .table(LuaTable(sequence: hosts)), "store_write": true,
            ].mapKeys())),
        ].mapKeys()), file: "m.lua")
    }

    @Test func aURLMatchesItsHostAndPortExactly() throws {
        #expect(try HttpAddress("https://API.Example.vn:443/x?y=1").hostKey == "api.example.vn")
        #expect(try HttpAddress("http://api.example.vn:8080").hostKey == "api.example.vn:8080")
        let address = try HttpAddress("https://api.example.vn/hoso")
        #expect(address.isGranted(by: ["API.example.vn"]))
        #expect(!address.isGranted(by: ["example.vn", "api.example.vn:443x", "www.api.example.vn"]))
        #expect(!(try HttpAddress("https://api.example.vn:8443/")).isGranted(by: ["api.example.vn"]))
        #expect(throws: HttpAddress.Invalid.self) { try HttpAddress("file:///etc/passwd") }
        #expect(throws: HttpAddress.Invalid.self) { try HttpAddress("https:///nohost") }
        #expect(HttpAddress.isURL("HTTPS://x") && !HttpAddress.isURL("export.json"))
    }

    @Test func sourceGrantsFilesToReadAndURLHostsToReach() throws {
        let manifest = try Self.manifest(hosts: ["$SOURCE", "static.example.vn"])
        let grants = PluginGrants(manifest: manifest, folder: "/p/api", policy: .allowAll,
                                  placeholders: ["SOURCE": ["/data/a.json", "http://127.0.0.1:8080/api", "https://api.example.vn/x"]])
        #expect(grants.capabilities.readPaths == ["/data/a.json"])
        #expect(grants.capabilities.networkHosts == ["127.0.0.1:8080", "api.example.vn", "static.example.vn"])
        #expect(grants.refusal(ofURLSource: "http://127.0.0.1:8080/api", manifest: manifest) == nil)
        #expect(grants.refusal(ofURLSource: "http://127.0.0.1:9090/api", manifest: manifest)
                == "http://127.0.0.1:9090/api: host '127.0.0.1:9090' is not granted to 'api' (its manifest grants: $SOURCE, static.example.vn)")
    }

    @Test func thePolicyDeniesAHostOnEveryPortOrOnePort() throws {
        let world = try ScriptWorld()
        let path = world.folder + "/policy.lua"
        try Data("return { deny = { hosts = { \"127.0.0.1\", \"static.example.vn:8443\" } } }".utf8).write(to: URL(fileURLWithPath: path))
        let policy = try OperatorPolicy(file: path, display: "policy.lua")
        let manifest = try Self.manifest(hosts: ["$SOURCE", "static.example.vn", "static.example.vn:8443"])
        let url = "http://127.0.0.1:8080/api"
        let grants = PluginGrants(manifest: manifest, folder: "/p/api", policy: policy, placeholders: ["SOURCE": [url]])
        #expect(grants.capabilities.networkHosts == ["static.example.vn"])
        #expect(grants.withheld == ["hosts: 127.0.0.1:8080", "hosts: static.example.vn:8443"])
        #expect(grants.refusal(ofURLSource: url, manifest: manifest) == "\(url): host '127.0.0.1:8080' is denied to 'api' by the operator's policy")
    }

    @Test func aManifestNamesHostsPlainly() throws {
        #expect(throws: Never.self) { try Self.manifest(hosts: ["api.example.vn:8443", "$SOURCE", "10.0.0.5"]) }
        for bad: LuaValue in ["https://api.example.vn", "api.example.vn/path", "api.example.vn:0", "$OUTPUT", ""] {
            #expect {
                try Self.manifest(hosts: [bad])
            } throws: { error in
                "\(error)".contains("capabilities.hosts[1]: '\(bad.stringValue ?? "")' must be a host name such as dichvucong.gov.vn, host:port, or $SOURCE")
            }
        }
        let files = try PluginManifest(table: LuaTable(fields: [
            "name": "files", "kind": "connector", "version": "1", "description": "d",
        ].mapKeys()), file: "m.lua")
        let grants = PluginGrants(manifest: files, folder: "/p/files", policy: .allowAll, placeholders: ["SOURCE": ["https://x.vn/a"]])
        #expect(grants.refusal(ofURLSource: "https://x.vn/a", manifest: files) == "https://x.vn/a: connector 'files' reads files, not URLs (its manifest grants no hosts)")
    }
}
