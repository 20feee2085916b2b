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
        // A source is a file or a URL: `$SOURCE` grants the files in `read` and `write`, and the
        // URLs' hosts (`host[:port]`) in `hosts`.
        var values = placeholders.mapValues { $0.filter { !HttpAddress.isURL($0) } }
        values["PLUGIN"] = [folder]
        let sourceHosts = (placeholders["SOURCE"] ?? []).filter(HttpAddress.isURL).compactMap { try? HttpAddress($0).hostKey }
        func expand(_ entries: [String]) -> [String] {
            entries.flatMap { entry -> [String] in
                guard entry.hasPrefix("$") else { return [entry] }
                let name = String(entry.dropFirst().prefix { $0 != "/" })
                let rest = entry.dropFirst(name.count + 1)
                return (values[name] ?? []).map { $0 + rest }
            }
        }
        func hosts(_ entries: [String]) -> [String] {
            var seen = Set<String>()
            return entries.flatMap { $0 == "$SOURCE" ? sourceHosts : [HttpAddress.normalised($0)] }.filter { seen.insert($0).inserted }
        }
        let denials = [policy.everyone] + (policy.perPlugin[manifest.name].map { [$0] } ?? [])
        var withheld: [String] = []
        func keep(_ kind: String, _ entries: [String], _ denied: (OperatorPolicy.Denials) -> [String]?,
                  covers: (_ denial: String, _ entry: String) -> Bool) -> [String] {
            entries.filter { entry in
                let refusal = denials.contains { denial in
                    guard let list = denied(denial) else { return true }
                    return list.contains { covers($0, entry) }
                }
                if refusal { withheld.append("\(kind): \(entry)") }
                return !refusal
            }
        }
        let requests = manifest.requests
        capabilities = Capabilities(
            readPaths: keep("read", expand(requests.read), \.read) { Self.isInside($1, $0) },
            writePaths: keep("write", expand(requests.write), \.write) { Self.isInside($1, $0) },
            environment: Set(keep("env", requests.env, \.env, covers: ==)),
            networkHosts: Set(keep("hosts", hosts(requests.hosts), \.hosts, covers: HttpAddress.denial)))
        personalData = requests.personalData && !denials.contains(where: \.personalData)
        if requests.personalData && !personalData { withheld.append("personal_data") }
        storeWrite = requests.storeWrite && manifest.kind == .connector && !denials.contains(where: \.storeWrite)
        if requests.storeWrite && !storeWrite { withheld.append("store_write") }
        self.withheld = withheld
    }

    /// Why the URL `source` may not be read by the plugin whose manifest is `manifest`, or nil
    /// when its host is granted: for `hostrun import` to refuse before the connector runs.
    public func refusal(ofURLSource source: String, manifest: PluginManifest) -> String? {
        let address: HttpAddress
        do {
            address = try HttpAddress(source)
        } catch {
            return "source \(error.description)"
        }
        if address.isGranted(by: capabilities.networkHosts) { return nil }
        let name = manifest.name
        if manifest.requests.hosts.isEmpty {
            return "\(source): connector '\(name)' reads files, not URLs (its manifest grants no hosts)"
        }
        if withheld.contains("hosts: \(address.hostKey)") {
            return "\(source): host '\(address.hostKey)' is denied to '\(name)' by the operator's policy"
        }
        return "\(source): host '\(address.hostKey)' is not granted to '\(name)' (its manifest grants: "
            + manifest.requests.hosts.joined(separator: ", ") + ")"
    }

    /// Whether `path` is `folder` or inside it, comparing absolute, standardised paths.
    static func isInside(_ path: String, _ folder: String) -> Bool {
        let a = URL(fileURLWithPath: path).standardizedFileURL.path
        let b = URL(fileURLWithPath: folder).standardizedFileURL.path
        return b == "/" || a == b || a.hasPrefix(b + "/")
    }
}
