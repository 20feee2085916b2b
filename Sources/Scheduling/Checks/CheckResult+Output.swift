import Foundation

extension CheckResult {
    /// The Nagios plugin output (guidelines, "Plugin Output for Nagios"):
    ///
    /// ```
    /// CRITICAL - 3 dossiers overdue | 'overdue'=3;0;5;0 'due_soon'=7
    /// HS-001 (Phòng Tư pháp): 2 working days over
    /// …
    /// ```
    ///
    /// The first line is `STATUS - summary`, then ` | ` and every metric when there are any.
    /// Extra lines of the summary, then one line per item, follow as long output. A `|` in any
    /// text is printed as `¦`, since a `|` would start perfdata; line breaks inside an item are
    /// printed as spaces so each item stays one line.
    public var nagiosOutput: String {
        var summaryLines = summary.split(omittingEmptySubsequences: false,
                                         whereSeparator: \.isNewline).map(String.init)
        let first = summaryLines.isEmpty ? "" : summaryLines.removeFirst()
        var head = status.label + " - " + CheckResult.plain(first)
        if !metrics.isEmpty {
            head += " | " + metrics.map(\.perfdata).joined(separator: " ")
        }
        let long = summaryLines.map(CheckResult.plain)
            + items.map { CheckResult.plain($0.line.replacing(/\R/, with: " ")) }
        return ([head] + long).joined(separator: "\n") + "\n"
    }

    /// The JSON form (`hostrun check NAME --json`): status name and exit code, summary, metrics
    /// and items, keys sorted so that output diffs are stable.
    public func jsonOutput() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding strings, numbers and arrays of them cannot fail.
        let data = try! encoder.encode(self)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    private static func plain(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "¦")
    }
}
