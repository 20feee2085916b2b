import Foundation
import Domain

/// The store of dossiers the whole host uses; SQLite today, PostgreSQL behind the same protocol
/// later, so callers never know which backend they hold.
///
/// ## Synchronous by design
/// The calls block and return. hostrun's callers are Lua callbacks, which must return a value
/// before Lua continues, and CLI commands; neither gains anything from `async`. SQLite (GRDB) is
/// synchronous already. The PostgreSQL backend will run postgres-nio on its own event-loop
/// group and wait for each result on the caller's thread (hostrun never calls the store from an
/// event loop), and stream rows into the same ``StoreCursor`` from a producer thread.
/// Conforming types are `Sendable`: one store may be used from several threads at once.
///
/// ## Identity, links and what figures count
/// A dossier is identified by (source, code). Records from different sources with the same
/// code form one *link group*: the same application seen by several systems. Exactly one record
/// of each group is its *primary*, the one figures and default queries count:
/// the record whose source has the lowest priority number (``setSourcePriority(_:as:)``), sources
/// without a priority coming after all ranked ones, ties broken by source name in byte order. The
/// rule depends only on the stored data, never on import order, so every backend and every
/// order of parallel imports agrees. Each record keeps its own fields and history; relinking is
/// recorded in the audit trail.
///
/// ## Batches
/// Every write is a batch, in one transaction: it lands whole or not at all, and is recorded in
/// the `imports` table under ``ImportRequest/connector``. Upserts are keyed by (source, code) and
/// idempotent: a record equal to the stored one is `unchanged` and writes nothing. A record
/// replaces the stored fields of its key (the source's current view, `nil` meaning unknown),
/// and every changed field is recorded in the audit trail (personal data as "changed", without
/// values). Status history is append-only: entries not yet stored are appended; entries equal in
/// every field to a stored one are skipped; nothing is overwritten or removed. The same key
/// twice in one batch is accepted only with identical content. A record the store rejects ends
/// the batch, or is left out alone under ``RejectionPolicy/skipRecord``.
///
/// The closures and sequences passed to a store run while it holds a transaction: they must not
/// call the same store.
public protocol DossierStore: AnyObject, Sendable {
    /// A description of where the store lives (a file path, later a URL without password).
    var location: String { get }

    /// Upserts a batch of dossiers in one transaction. `records` is consumed lazily, so a batch
    /// of millions never sits in memory; `observe` sees each record's outcome as it happens
    /// (throwing from it aborts and rolls back the batch).
    ///
    /// - Throws: ``StoreError/recordRejected(_:reason:)`` or
    ///   ``StoreError/conflictingDuplicate(_:firstIndex:)`` naming the record (unless
    ///   ``ImportRequest/onRejection`` skips it); ``StoreError/duplicateBatch(_:)``; any error
    ///   thrown by `observe`. Nothing is written when it throws.
    @discardableResult
    func upsert(_ records: some Sequence<DossierRecord>, as request: ImportRequest,
                observe: (RecordOutcome) throws -> Void) throws -> ImportSummary

    /// Upserts a batch of feedback items (PAKN), keyed by (source, code), with the same rules.
    @discardableResult
    func upsertFeedback(_ records: some Sequence<FeedbackRecord>, as request: ImportRequest,
                        observe: (RecordOutcome) throws -> Void) throws -> ImportSummary

    /// One dossier with its full history, or `nil`.
    func dossier(_ key: DossierKey) throws -> Dossier?

    /// The dossiers a query selects, streamed one at a time from one consistent snapshot.
    ///
    /// - Throws: ``StoreError/tooManyOpenCursors(limit:)`` when the store's cursors are all in
    ///   use: each open cursor holds a connection until it is read to the end or closed.
    func dossiers(_ query: DossierQuery) throws -> StoreCursor<Dossier>

    /// How many dossiers a query selects (its `limit` and `order` are ignored).
    func count(_ query: DossierQuery) throws -> Int

    /// How many dossiers a query selects per value of `dimension`, ordered by that value.
    func groupCount(_ query: DossierQuery, by dimension: BreakdownDimension) throws -> [GroupCount]

    /// The figures of a period over the primary dossiers of one centre (`nil`: every centre),
    /// classified by the store itself (in SQL for the database backends), equal to a
    /// ``Domain/PeriodTally`` fed those dossiers.
    ///
    /// - Throws: ``StoreError/centreTimeMismatch(location:stored:requested:)`` if the classifier
    ///   uses another time zone than the store's day columns.
    func periodFigures(_ classifier: PeriodClassifier, centre: String?) throws -> PeriodFigures

    /// The figures of a period per value of `dimension` (the rows of a statistics table, whose
    /// sum is ``periodFigures(_:centre:)``); values with no counted dossier have no row. By
    /// ``Domain/BreakdownDimension/centre`` this is a city's roll-up: one row per ward.
    func periodFigures(_ classifier: PeriodClassifier, by dimension: BreakdownDimension,
                       centre: String?) throws -> [String: PeriodFigures]

    /// The centre the store belongs to (`hostrun db centre`), `nil` until one is set. An import
    /// gives it to every dossier that names no centre; feedback items, which name none, are
    /// that centre's.
    func configuredCentre() throws -> String?

    /// Sets the store's configured centre (`nil` clears it). Dossiers already stored keep theirs.
    func setConfiguredCentre(_ name: String?) throws

    /// Claims one run of a scheduled job: the first caller for a (`job`, `slot`) pair gets a
    /// claim with `granted == true`; every later caller, on any machine sharing the store, gets
    /// the holder's claim with `granted == false`. A scheduler runs the job (and sends its
    /// alerts) only when granted, so two machines never run the same slot twice.
    ///
    /// A claim with a `lease` that its holder did not finish (``finishRun(job:slot:owner:)``)
    /// within the lease is granted to the next caller instead: a holder that died mid-run
    /// blocks its slot only until then.
    ///
    /// - Parameters:
    ///   - job: the job's name, e.g. `"overdue"`.
    ///   - slot: the run's scheduled instant or period as text, e.g. `"2026-05-25T00:30:00Z"`.
    ///   - owner: who claims, e.g. `"host-a pid 4242"`, kept for diagnosis.
    ///   - lease: seconds after which an unfinished claim may be taken over; `nil`: never.
    func claimRun(job: String, slot: String, owner: String, lease: TimeInterval?) throws -> RunClaim

    /// Marks `owner`'s claim on the run finished, so that it never expires; does nothing if
    /// another owner holds it.
    func finishRun(job: String, slot: String, owner: String) throws

    /// The procedure catalogue as last reported by any source, by code.
    func procedures() throws -> [Procedure]

    /// One feedback item, or `nil`.
    func feedback(_ key: DossierKey) throws -> Feedback?

    /// Every feedback item received on a day in `received` (all when `nil`), by receipt time.
    func feedbackItems(received: ClosedRange<LocalDate>?) throws -> StoreCursor<Feedback>

    /// Every record of the link group of `code`, primary first.
    func linkGroup(code: String) throws -> [DossierKey]

    /// Ranks sources for choosing each link group's primary: the first source listed wins.
    /// Sources not listed lose their rank. Relinks every group whose primary changes, as one
    /// batch recorded under `request`.
    @discardableResult
    func setSourcePriority(_ sources: [String], as request: ImportRequest) throws -> ImportSummary

    /// The sources seen so far with their priority (`nil`: unranked), best first.
    func sourcePriority() throws -> [(source: String, priority: Int?)]

    /// The most recent batches, newest first.
    func imports(limit: Int) throws -> [ImportRecord]

    /// Every recorded change of one dossier, oldest first.
    func auditTrail(of key: DossierKey) throws -> [AuditEntry]
}

extension DossierStore {
    /// Upserts a batch without watching each record.
    @discardableResult
    public func upsert(_ records: some Sequence<DossierRecord>,
                       as request: ImportRequest) throws -> ImportSummary {
        try upsert(records, as: request, observe: { _ in })
    }

    /// Upserts a batch of feedback without watching each record.
    @discardableResult
    public func upsertFeedback(_ records: some Sequence<FeedbackRecord>,
                               as request: ImportRequest) throws -> ImportSummary {
        try upsertFeedback(records, as: request, observe: { _ in })
    }

    /// Claims one run of a scheduled job for good (no lease).
    public func claimRun(job: String, slot: String, owner: String) throws -> RunClaim {
        try claimRun(job: job, slot: slot, owner: owner, lease: nil)
    }

    /// The figures of a period over every centre's primary dossiers.
    public func periodFigures(_ classifier: PeriodClassifier) throws -> PeriodFigures {
        try periodFigures(classifier, centre: nil)
    }

    /// The figures of a period per value of `dimension`, over every centre.
    public func periodFigures(_ classifier: PeriodClassifier,
                              by dimension: BreakdownDimension) throws -> [String: PeriodFigures] {
        try periodFigures(classifier, by: dimension, centre: nil)
    }

    /// Every centre of the store, sorted: those its dossiers (of any source) name, `""` for
    /// dossiers that name none, and the configured centre.
    public func centres() throws -> [String] {
        var names = Set(try groupCount(DossierQuery(scope: .all), by: .centre).map(\.key))
        if let configured = try configuredCentre() { names.insert(configured) }
        return names.sorted()
    }

    /// Calls `body` with every dossier a query selects, one at a time.
    public func forEach(_ query: DossierQuery, _ body: (Dossier) throws -> Void) throws {
        try dossiers(query).forEach(body)
    }
}
