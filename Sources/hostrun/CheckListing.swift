import HostAPI

/// The text of `hostrun check --list`: each check plugin with its description and options.
enum CheckListing {
    static func text(_ checks: [Result<CheckDescription, CheckFailure>]) -> String {
        var lines: [String] = []
        for entry in checks {
            switch entry {
            case .success(let check):
                lines.append("\(check.name) \(check.version)" + (check.isValidation ? " (validation)" : ""))
                lines.append("  " + check.description)
                for option in check.options {
                    var line = "  --option \(option.name)=<\(option.kind.rawValue)>"
                    line += String(repeating: " ", count: max(1, 40 - line.count)) + option.help
                    if let value = option.defaultValue { line += " (default: \(value.commandLineText))" }
                    lines.append(line)
                }
            case .failure(let failure):
                lines.append("(unusable) \(failure)")
            }
        }
        return lines.isEmpty ? "no check plugins found (./Plugins, $HOSTRUN_PLUGINS, --plugin-path)\n"
                             : lines.joined(separator: "\n") + "\n"
    }
}
