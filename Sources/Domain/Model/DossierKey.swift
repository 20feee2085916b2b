/// A dossier's identity: the source system it came from and the code that system gave it.
///
/// The same code may reach the centre through two sources; the store links such records
/// rather than counting them twice.
public struct DossierKey: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var source: String
    public var code: String

    public init(source: String, code: String) {
        self.source = source
        self.code = code
    }

    public static func < (a: DossierKey, b: DossierKey) -> Bool {
        (a.source, a.code) < (b.source, b.code)
    }

    public var description: String { "\(source)/\(code)" }
}
