import Domain

/// One entry of a connector's batch as ``ConnectorImportStore`` pulls it.
public enum SnapshotEntry<Record: Sendable>: Sendable {
    /// A record to upsert.
    case record(Record)
    /// A dossier the source listed whose record was rejected before it reached the store (a bad
    /// date, say): nothing is written for it, but the source is remembered as still listing it,
    /// so that ``ReconciliationStore/vanishedDossiers()`` does not report it as gone.
    case listed(DossierKey)
}

/// A store that takes a connector's batch as the connector produces it, from a source that may
/// fail midway, and remembers what each import of a source listed (`hostrun import`,
/// `hostrun reconcile`).
///
/// The upsert rules are ``DossierStore``'s. On top of them, a dossier batch is a *snapshot* of
/// each source it holds: the store records which of that source's dossiers this import listed
/// and the span of receipt days its records cover, so that a later import that no longer lists
/// a dossier of that span shows it as vanished.
public protocol ConnectorImportStore: DossierStore {
    /// Upserts the dossiers `next` gives (`nil` at the end) as one batch, in one transaction.
    ///
    /// - Throws: any error of `next` or `observe`, after rolling the whole batch back (nothing of
    ///   it is written, not even its line in the `imports` table); the errors of
    ///   ``DossierStore/upsert(_:as:observe:)``.
    @discardableResult
    func importDossiers(_ next: () throws -> SnapshotEntry<DossierRecord>?, as request: ImportRequest,
                        observe: (RecordOutcome) throws -> Void) throws -> ImportSummary

    /// Upserts the feedback items `next` gives as one batch, with the same rules (no snapshot:
    /// reconciliation is about dossiers).
    @discardableResult
    func importFeedback(_ next: () throws -> FeedbackRecord?, as request: ImportRequest,
                        observe: (RecordOutcome) throws -> Void) throws -> ImportSummary
}
