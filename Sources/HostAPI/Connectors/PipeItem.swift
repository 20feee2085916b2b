import Store

/// What a connector run hands to the store, in the order it yielded records.
enum PipeItem: Sendable {
    case dossier(DossierRecord)
    case feedback(FeedbackRecord)
    /// A record that broke a rule; nothing of it is written.
    case rejected(RecordRejection)
}
