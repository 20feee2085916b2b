/// A holiday file that cannot be used, naming the file and the entry at fault.
public struct HolidayFileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file name (or another label for data that did not come from a file).
    public var file: String
    /// The entry at fault, e.g. `daysOff[3] 2026-04-26`, when the problem is one entry.
    public var entry: String?
    public var reason: String

    public init(file: String, entry: String? = nil, reason: String) {
        self.file = file
        self.entry = entry
        self.reason = reason
    }

    public var description: String {
        "\(file)" + (entry.map { ", \($0)" } ?? "") + ": \(reason)"
    }
}
