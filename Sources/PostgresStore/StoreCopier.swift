import Domain
import Store

/// Copies one store into another in batches (`hostrun db copy`): source priorities first, so
/// that link groups get the same primaries, then every dossier with its history, then the
/// feedback; finally checks the counts. Each batch lands whole or not at all, and a copy run
/// again finds what is already there unchanged, so an interrupted copy is finished by running
/// it again. The audit trail stays in the source: the target records the copy as batches of
/// the connector `db copy`.
public struct StoreCopier {
    public let source: any DossierStore
    public let target: any DossierStore
    public let batchSize: Int
    /// The centre given to dossiers that have none (a ward's file joining a city's database).
    public let centre: String?
    /// Told after each batch, e.g. `5000 of 120000 dossiers`.
    public let progress: (String) -> Void

    public init(source: any DossierStore, target: any DossierStore, batchSize: Int = 5000,
                centre: String? = nil, progress: @escaping (String) -> Void = { _ in }) {
        precondition(batchSize > 0, "a batch holds at least one dossier")
        self.source = source
        self.target = target
        self.batchSize = batchSize
        self.centre = centre
        self.progress = progress
    }

    /// What the copy did; `inserted`, `updated` and `unchanged` count dossiers.
    public struct Result: Sendable, Hashable {
        public var dossiers = 0
        public var feedback = 0
        public var inserted = 0
        public var unchanged = 0
        public var updated = 0

        public var summary: String {
            "copied \(dossiers) dossiers (\(inserted) new, \(updated) updated, \(unchanged) already there) "
                + "and \(feedback) feedback items; counts checked"
        }
    }

    /// The counts did not match after the copy.
    public struct CountMismatch: Error, CustomStringConvertible {
        public let what: String
        public let expected: Int
        public let found: Int
        public var description: String { "after the copy, \(what): expected \(expected), found \(found)" }
    }

    /// Copies everything and checks the counts.
    ///
    /// - Throws: any store error (the batches before it stay copied), or ``CountMismatch``.
    public func run() throws -> Result {
        var result = Result()
        let ranked = try source.sourcePriority().filter { $0.priority != nil }.map(\.source)
        if !ranked.isEmpty { try target.setSourcePriority(ranked, as: ImportRequest(connector: "db copy")) }

        let expected = try source.count(DossierQuery(scope: .all))
        let before = try target.count(DossierQuery(scope: .all))
        var batch: [DossierRecord] = []
        batch.reserveCapacity(batchSize)
        func flush() throws {
            guard !batch.isEmpty else { return }
            let summary = try target.upsert(batch, as: ImportRequest(connector: "db copy"))
            result.inserted += summary.inserted
            result.updated += summary.updated
            result.unchanged += summary.unchanged
            result.dossiers += batch.count
            progress("\(result.dossiers) of \(expected) dossiers")
            batch.removeAll(keepingCapacity: true)
        }
        try source.forEach(DossierQuery(scope: .all, order: .key, includeHistory: true)) { dossier in
            var dossier = dossier
            if dossier.centre == nil { dossier.centre = centre }
            batch.append(DossierRecord(dossier, origin: "\(source.location) \(dossier.key)"))
            if batch.count == batchSize { try flush() }
        }
        try flush()

        var feedback: [FeedbackRecord] = []
        try source.feedbackItems(received: nil).forEach { feedback.append(FeedbackRecord($0)) }
        if !feedback.isEmpty { try target.upsertFeedback(feedback, as: ImportRequest(connector: "db copy")) }
        result.feedback = feedback.count

        try check("dossiers read", expected, result.dossiers)
        let after = try target.count(DossierQuery(scope: .all))
        try check("new dossiers in the target", result.inserted, after - before)
        if before == 0 {
            try check("dossiers in the target", expected, after)
            try check("primary dossiers in the target", try source.count(DossierQuery()), try target.count(DossierQuery()))
        }
        return result
    }

    private func check(_ what: String, _ expected: Int, _ found: Int) throws {
        guard expected == found else { throw CountMismatch(what: what, expected: expected, found: found) }
    }
}
