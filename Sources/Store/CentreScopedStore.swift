import Foundation
import Domain

/// One centre's view of a store shared by several (`--centre`): every query, count, figure,
/// breakdown and dossier the view gives is that centre's, so the same scripts, reports and
/// checks run unchanged for one ward of a city's store. The store itself answers each question
/// with the centre as one more filter (in SQL), so a view costs nothing over the whole store.
///
/// Feedback items name no centre: they are the store's configured centre's
/// (``DossierStore/configuredCentre()``, `""` when none is set), so the view of that centre sees
/// them all and the view of any other centre sees none.
///
/// The view is read-only: every write throws ``StoreError/writeThroughCentreView(centre:operation:)``.
/// Run claims and the source ranking are the store's, shared by every centre.
public final class CentreScopedStore: DossierStore {
    /// The whole store.
    public let base: any DossierStore
    /// The centre seen: a name dossiers carry, or `""` for those that name none.
    public let centre: String
    private let ownsFeedback: Bool

    /// The view of `centre` in `base`.
    ///
    /// - Throws: ``StoreError/unknownCentre(_:location:known:)`` when no dossier of the store
    ///   names `centre` and it is not the configured centre, listing those the store knows.
    public init(_ base: any DossierStore, centre: String) throws {
        self.base = base
        self.centre = centre
        let configured = try base.configuredCentre()
        ownsFeedback = (configured ?? "") == centre
        if configured != centre, try !Self.isNamed(centre, in: base) {
            throw StoreError.unknownCentre(centre, location: base.location, known: try base.centres())
        }
    }

    /// Whether a dossier names `centre`: one row of a primary (the centre's index finds it at
    /// once), else of any record. Listing every centre is left to the error.
    private static func isNamed(_ centre: String, in base: any DossierStore) throws -> Bool {
        for scope in [DossierQuery.Scope.primary, .all] {
            let cursor = try base.dossiers(DossierQuery(scope: scope, order: .unordered, limit: 1, centres: [centre]))
            defer { cursor.close() }
            if try cursor.next() != nil { return true }
        }
        return false
    }

    public var location: String { base.location }

    /// `query` narrowed to this centre.
    private func scoped(_ query: DossierQuery) -> DossierQuery {
        var query = query
        query.centres = query.centres.map { $0.intersection([centre]) } ?? [centre]
        return query
    }

    private func contains(_ dossier: Dossier) -> Bool { (dossier.centre ?? "") == centre }

    // MARK: Reading

    public func dossier(_ key: DossierKey) throws -> Dossier? {
        try base.dossier(key).flatMap { contains($0) ? $0 : nil }
    }

    public func dossiers(_ query: DossierQuery) throws -> StoreCursor<Dossier> {
        try base.dossiers(scoped(query))
    }

    public func count(_ query: DossierQuery) throws -> Int {
        try base.count(scoped(query))
    }

    public func groupCount(_ query: DossierQuery, by dimension: BreakdownDimension) throws -> [GroupCount] {
        try base.groupCount(scoped(query), by: dimension)
    }

    /// This centre's figures; those of another centre are empty, as nothing of it is seen.
    public func periodFigures(_ classifier: PeriodClassifier, centre: String?) throws -> PeriodFigures {
        guard centre == nil || centre == self.centre else { return PeriodFigures() }
        return try base.periodFigures(classifier, centre: self.centre)
    }

    public func periodFigures(_ classifier: PeriodClassifier, by dimension: BreakdownDimension,
                              centre: String?) throws -> [String: PeriodFigures] {
        guard centre == nil || centre == self.centre else { return [:] }
        return try base.periodFigures(classifier, by: dimension, centre: self.centre)
    }

    public func feedback(_ key: DossierKey) throws -> Feedback? {
        ownsFeedback ? try base.feedback(key) : nil
    }

    public func feedbackItems(received: ClosedRange<LocalDate>?) throws -> StoreCursor<Feedback> {
        ownsFeedback ? try base.feedbackItems(received: received) : StoreCursor(produce: { _ in })
    }

    /// The records of the group that belong to this centre, primary first.
    public func linkGroup(code: String) throws -> [DossierKey] {
        try base.linkGroup(code: code).filter { try base.dossier($0).map(contains) ?? false }
    }

    public func auditTrail(of key: DossierKey) throws -> [AuditEntry] {
        try dossier(key) == nil ? [] : try base.auditTrail(of: key)
    }

    public func procedures() throws -> [Procedure] { try base.procedures() }

    public func sourcePriority() throws -> [(source: String, priority: Int?)] { try base.sourcePriority() }

    public func imports(limit: Int) throws -> [ImportRecord] { try base.imports(limit: limit) }

    public func configuredCentre() throws -> String? { try base.configuredCentre() }

    public func claimRun(job: String, slot: String, owner: String, lease: TimeInterval?) throws -> RunClaim {
        try base.claimRun(job: job, slot: slot, owner: owner, lease: lease)
    }

    public func finishRun(job: String, slot: String, owner: String) throws {
        try base.finishRun(job: job, slot: slot, owner: owner)
    }

    // MARK: Writing (refused)

    public func upsert(_ records: some Sequence<DossierRecord>, as request: ImportRequest,
                       observe: (RecordOutcome) throws -> Void) throws -> ImportSummary {
        throw StoreError.writeThroughCentreView(centre: centre, operation: "batch \(request.batchID) of \(request.connector)")
    }

    public func upsertFeedback(_ records: some Sequence<FeedbackRecord>, as request: ImportRequest,
                               observe: (RecordOutcome) throws -> Void) throws -> ImportSummary {
        throw StoreError.writeThroughCentreView(centre: centre, operation: "batch \(request.batchID) of \(request.connector)")
    }

    public func setSourcePriority(_ sources: [String], as request: ImportRequest) throws -> ImportSummary {
        throw StoreError.writeThroughCentreView(centre: centre, operation: "ranking sources")
    }

    public func setConfiguredCentre(_ name: String?) throws {
        throw StoreError.writeThroughCentreView(centre: centre, operation: "setting the configured centre")
    }
}
