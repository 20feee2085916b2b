import Foundation
import Sandbox

/// What one run of a plugin is granted: its manifest's requests, placeholders filled in, minus
/// what the operator's policy denies. `withheld` says what was asked for and denied, for
/// `hostrun plugins` and for the error a plugin gets when it reaches for it.
public struct PluginGrants: Sendable, Equatable {
    public var capabilities: Capabilities
    public var personalData: Bool
    /// Whether the plugin's records may be imported into the store (connectors only).
    public var storeWrite: Bool
    /// Requests the policy denied, e.g. `personal_data`, `hosts: example.org`.
    public var withheld: [String]

    /// The grants of `manifest` in a plugin folder under `policy`, with placeholder values
    /// (`SOURCE`, `OUTPUT`) for this run; `$PLUGIN` is the folder.
    public init(manifest: PluginManifest, folder: String, policy: OperatorPolicy, placeholders: [String: [String]] = [:]) {
        var values = placeholders
        values["PLUGIN"] = [folder]
        func expand(_ entries: [String]) -> [String] {
            entries.flatMap { entry -> [String] in
                guard entry.hasPrefix("$") else { return [entry] }
                let name = String(entry.dropFirst().prefix { $0 != "/" })
                let rest = entry.dropFirst(name.count + 1)
                return (values[name] ?? []).map { $0 + rest }
            }
        }
        let denials = [policy.everyone] + (policy.perPlugin[manifest.name].map { [$0] } ?? [])
        var withheld: [String] = []
        func keep(_ kind: String, _ entries: [String], _ denied: (OperatorPolicy.Denials) -> [String]?, paths: Bool) -> [String] {
            entries.filter { entry in
                let refusal = denials.contains { denial in
                    guard let list = denied(denial) else { return true }
                    return list.contains { paths ? Self.isInside(entry, $0) : $0 == entry }
                }
                if refusal { withheld.append("\(kind): \(entry)") }
                return !refusal
            }
        }
        let requests = manifest.requests
        capabilities = Capabilities(
            readPaths: keep("read", expand(requests.read), \.read, paths: true),
            writePaths: keep("write", expand(requests.write), \.write, paths: true),
            environment: Set(keep("env", requests.env, \.env, paths: false)),
            networkHosts: Set(keep("hosts", requests.hosts, \.hosts, paths: false)))
        personalData = requests.personalData && !denials.contains(where: \.personalData)
        if requests.personalData && !personalData { withheld.append("personal_data") }
        storeWrite = requests.storeWrite && manifest.kind == .connector && !denials.contains(where: \.storeWrite)
        if requests.storeWrite && !storeWrite { withheld.append("store_write") }
        self.withheld = withheld
    }

    /// Whether `path` is `folder` or inside it, comparing absolute, standardised paths.
    static func isInside(_ path: String, _ folder: String) -> Bool {
        let a = URL(fileURLWithPath: path).standardizedFileURL.path
        let b = URL(fileURLWithPath: folder).standardizedFileURL.path
        return b == "/" || a == b || a.hasPrefix(b + "/")
    }
}
