/// The one error type of the `Formats` module: which file, where in it, and why.
///
/// Its description is written for the IT officer who maps a government export: it names the
/// file, the row (and column) and the reason, e.g.
/// `hoso.csv, row 12 (line 14), column 3 "ngay_nhan": the quote opened here is never closed`.
public struct FormatError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file's name as the caller gave it (its last path component).
    public var file: String
    /// Where in the file, if known.
    public var location: SourceLocation?
    /// Why.
    public var reason: FormatErrorReason

    public init(file: String, location: SourceLocation? = nil, reason: FormatErrorReason) {
        self.file = file
        self.location = location
        self.reason = reason
    }

    public var description: String {
        let place = location.map(\.description).flatMap { $0.isEmpty ? nil : $0 }
        return [file, place].compactMap { $0 }.joined(separator: ", ") + ": " + reason.description
    }
}
