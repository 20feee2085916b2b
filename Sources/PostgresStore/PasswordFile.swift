import Foundation

/// The password for a connection: `PGPASSWORD`, else the first matching line of the password
/// file (`PGPASSFILE`, else `~/.pgpass`), read by libpq's rules.
///
/// Each line is `hostname:port:database:username:password`; `*` matches anything; `\:` and
/// `\\` stand for a colon and a backslash; lines starting with `#` are comments. A Unix-socket
/// connection matches the host name `localhost`. The file is ignored, as libpq ignores it, when
/// its permissions let the group or others read it.
enum PasswordFile {
    static func password(for url: PostgresURL,
                         environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let password = environment["PGPASSWORD"], !password.isEmpty { return password }
        let path = environment["PGPASSFILE"]
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.pgpass"
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let permissions = attributes[.posixPermissions] as? Int, permissions & 0o077 == 0,
              let text = try? String(contentsOfFile: path, encoding: .utf8)
        else { return nil }
        let wanted = [url.socketFolder == nil ? url.host : "localhost", String(url.port), url.database, url.user]
        for line in text.split(separator: "\n") {
            let line = line.hasSuffix("\r") ? line.dropLast() : line
            if line.hasPrefix("#") { continue }
            // Lines of another shape never match, as in libpq.
            let fields = fields(of: line)
            guard fields.count == 5 else { continue }
            if zip(fields.prefix(4), wanted).allSatisfy({ $0.isWildcard || $0.text == $1 }) {
                return fields[4].text
            }
        }
        return nil
    }

    /// The fields of a line, unescaped; a field is a wildcard only when it is a bare `*`.
    static func fields(of line: Substring) -> [(text: String, isWildcard: Bool)] {
        var fields: [(text: String, isWildcard: Bool)] = []
        var field = ""
        var raw = ""
        var escaped = false
        for character in line {
            if escaped {
                field.append(character)
                raw.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
                raw.append(character)
            } else if character == ":" && fields.count < 4 {
                fields.append((field, raw == "*"))
                (field, raw) = ("", "")
            } else {
                field.append(character)
                raw.append(character)
            }
        }
        fields.append((field, raw == "*"))
        return fields
    }
}
