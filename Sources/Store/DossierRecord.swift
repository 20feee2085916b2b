import Domain

/// One dossier of a batch, with where it came from so that errors can name it.
public struct DossierRecord: Sendable, Hashable {
    public var dossier: Dossier
    /// Where the connector read it, e.g. `"export.csv row 12"`.
    public var origin: String?

    public init(_ dossier: Dossier, origin: String? = nil) {
        self.dossier = dossier
        self.origin = origin
    }
}

/// One feedback item (PAKN) of a batch, with where it came from.
public struct FeedbackRecord: Sendable, Hashable {
    public var feedback: Feedback
    public var origin: String?

    public init(_ feedback: Feedback, origin: String? = nil) {
        self.feedback = feedback
        self.origin = origin
    }
}
