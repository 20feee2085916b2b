import Domain
import Store

/// Copies one store into another in batches (`hostrun db copy`): source priorities first, so
/// that link groups get the same primaries, then every dossier with its history, then the
/// feedback; finally checks the counts.
struct StoreCopier {
    let source: any DossierStore
    let target: any DossierStore
    let batchSize: Int
    /// The centre given to dossiers that have none.
    let centre: String?
    let progress: (String) -> Void

    /// What the copy did; `inserted`, `updated` and `unchanged` count dossiers.
    struct Result {
        var dossiers = 0
        var feedback = 0
        var inserted = 0
        var unchanged = 0
        var updated = 0

        var summary: String {
            "copied \(dossiers) dossiers (\(inserted) new, \(updated) updated, \(unchanged) already there) "
                + "and \(feedback) feedback items; counts checked"
        }
    }

    /// The counts did not match after the copy.
    struct CountMismatch: Error, CustomStringConvertible {
        let what: String
        let expected: Int
        let found: Int
        var description: String { "after the copy, \(what): expected \(expected), found \(found)" }
    }

    func run() throws -> Result {
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
