import ArgumentParser
import DemoData
import Domain
import Foundation
import PostgresStore
import Store

/// `hostrun demo`: fills a store with a realistic ward dataset, so a newcomer sees real reports
/// within a minute, or with the records behind the seed report (`--scenario seed`).
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Fill a store with demo dossiers (a generated ward, or the records behind the seed report).",
        discussion: """
            EXAMPLES:
              hostrun demo --db demo.db                         # 5,000 dossiers, 01/07/2025–25/05/2026
              hostrun demo --dossiers 1000000 --seed 7 --db big.db
              hostrun demo --scenario seed --db seed.db         # the six-month report's 4,266 dossiers
              hostrun demo --centre "Phường Cửa Nam" --seed 2 --db city.db   # one ward of a shared store
            """
    )

    enum Scenario: String, ExpressibleByArgument, CaseIterable {
        /// A generated ward of `--dossiers` dossiers.
        case ward
        /// The records whose figures are the seed report's section I.
        case seed
    }

    @OptionGroup var store: StoreOptions

    @Option(help: "What to generate: ward (random, realistic) or seed (the seed report's records).")
    var scenario: Scenario = .ward

    @Option(help: "How many dossiers a generated ward receives.")
    var dossiers: Int = 5_000

    @Option(help: "Any number: the same seed gives the same dataset.")
    var seed: UInt64 = 1

    @Option(help: ArgumentHelp("A generated ward's centre: its dossiers name it and their codes start with it, so several wards fill one store.",
                               valueName: "name"))
    var centre: String?

    /// Records per transaction: large enough to be fast, small enough that memory stays flat.
    private static let batchSize = 10_000

    func validate() throws {
        if dossiers < 0 { throw ValidationError("--dossiers must not be negative") }
        if centre != nil && scenario == .seed { throw ValidationError("--centre is for a generated ward (--scenario ward)") }
    }

    func run() throws {
        let store = try StoreFactory.open(self.store.location)
        // Each transaction is an import batch of its own in the store's audit trail.
        let connector = "demo:\(scenario.rawValue)"
        var request: ImportRequest { ImportRequest(connector: connector) }
        var summary = Summary()
        switch scenario {
        case .seed:
            let data = SeedScenario()
            summary.add(try store.upsert(data.dossiers.map { DossierRecord($0, origin: "demo") }, as: request))
            summary.add(try store.upsertFeedback(data.feedback.map { FeedbackRecord($0, origin: "demo") }, as: request))
        case .ward:
            let centre = centre.map(VietnameseText.nfc)
            let data = DemoDataset(dossiers: dossiers, seed: seed)
            let prefix = centre.map { "\($0)/" } ?? ""
            var batch: [DossierRecord] = []
            batch.reserveCapacity(Self.batchSize)
            for var dossier in data {
                dossier.key.code = prefix + dossier.key.code
                dossier.centre = centre
                batch.append(DossierRecord(dossier, origin: "demo"))
                if batch.count == Self.batchSize {
                    summary.add(try store.upsert(batch, as: request))
                    batch.removeAll(keepingCapacity: true)
                }
            }
            summary.add(try store.upsert(batch, as: request))
            summary.add(try store.upsertFeedback(data.feedback.map { item in
                var item = item
                item.key.code = prefix + item.key.code
                return FeedbackRecord(item, origin: "demo")
            }, as: request))
        }
        print("\(store.location): \(summary.inserted) inserted, \(summary.updated) updated, \(summary.unchanged) unchanged")
    }

    private struct Summary {
        var inserted = 0, updated = 0, unchanged = 0
        mutating func add(_ s: ImportSummary) {
            inserted += s.inserted
            updated += s.updated
            unchanged += s.unchanged
        }
    }
}
