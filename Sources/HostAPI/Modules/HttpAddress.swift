import Foundation

/// An `http://` or `https://` URL as the network grants see it: its scheme and its host key,
/// `host` or `host:port` (lower case, the port left out when it is the scheme's default).
///
/// A grant is matched exactly on that key: `api.example.vn` grants `https://api.example.vn/x`
/// and `http://api.example.vn:80/x`, not `https://api.example.vn:8443/x` (grant
/// `api.example.vn:8443` for that) nor `https://www.api.example.vn/x`.
///
/// ```swift
/// let address = try HttpAddress("https://API.example.vn:443/hoso?page=1")
/// address.hostKey                          // "api.example.vn"
/// address.isGranted(by: ["api.example.vn"])  // true
/// ```
public struct HttpAddress: Sendable, Equatable {
    public var url: URL
    /// `http` or `https`.
    public var scheme: String
    /// `host` or `host:port`, what a grant names.
    public var hostKey: String

    /// Why a text is not a URL the `http` module can reach.
    public struct Invalid: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// Reads `text`, which must be an absolute `http` or `https` URL with a host.
    public init(_ text: String) throws(Invalid) {
        guard let components = URLComponents(string: text), let url = components.url else {
            throw Invalid(description: "'\(text)' is not a URL")
        }
        guard let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
            throw Invalid(description: "'\(text)' is not an http:// or https:// URL")
        }
        guard let host = components.host?.lowercased(), !host.isEmpty else {
            throw Invalid(description: "'\(text)' names no host")
        }
        if components.user != nil || components.password != nil {
            throw Invalid(description: "a URL with a user name or password is refused (send a token in a header)")
        }
        self.url = url
        self.scheme = scheme
        let defaultPort = scheme == "https" ? 443 : 80
        let port = components.port.flatMap { $0 == defaultPort ? nil : $0 }
        hostKey = port.map { "\(host):\($0)" } ?? host
    }

    /// Whether `text` looks like a URL rather than a file path (`http://` or `https://`).
    public static func isURL(_ text: String) -> Bool {
        let lower = text.prefix(8).lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://")
    }

    /// Whether one of `grants` (host names, `host:port`) names this URL's host exactly.
    public func isGranted(by grants: Set<String>) -> Bool {
        grants.contains { Self.normalised($0) == hostKey }
    }

    /// A grant as written in a manifest or on the command line, in lower case.
    static func normalised(_ grant: String) -> String { grant.lowercased() }

    /// Why `grant` is not a host grant (a host name, or `host:port`, with no scheme or path),
    /// or nil when it is one: `https://api.example.vn` would match no URL, so it is refused
    /// rather than silently granting nothing.
    public static func grantProblem(_ grant: String) -> String? {
        let parts = grant.split(separator: ":", omittingEmptySubsequences: false)
        let name = parts[0]
        let valid = !name.isEmpty && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == ".") }
            && (parts.count == 1 || (parts.count == 2 && UInt16(parts[1]).map { $0 > 0 } == true))
        return valid ? nil : "'\(grant)' must be a host name such as dichvucong.gov.vn, or host:port (no scheme or path)"
    }

    /// Whether denying `denied` (a host, or `host:port`) covers the grant `grant`: a host
    /// without a port is denied on every port.
    static func denial(_ denied: String, covers grant: String) -> Bool {
        let denied = normalised(denied), grant = normalised(grant)
        return denied == grant || (!denied.contains(":") && grant.hasPrefix(denied + ":"))
    }
}
