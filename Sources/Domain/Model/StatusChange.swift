import Foundation

/// One entry of a dossier's append-only history.
public struct StatusChange: Sendable, Hashable, Codable {
    public var status: DossierStatus
    public var at: Date
    /// Who made the change (an officer, a system), when known.
    public var actor: String?
    /// The source system that reported it.
    public var source: String?
    public var note: String?

    public init(status: DossierStatus, at: Date, actor: String? = nil, source: String? = nil,
                note: String? = nil) {
        self.status = status
        self.at = at
        self.actor = actor
        self.source = source
        self.note = note
    }
}
