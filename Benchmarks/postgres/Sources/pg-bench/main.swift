// The hostrun side of Benchmarks/postgres/run.sh. Each command does one measured job and prints
// its result on stdout in the same form as the psql side, so run.sh can check both agree.
//
//   pg-bench migrate URL                   creates the store's tables
//   pg-bench import URL PER_CENTRE CENTRES FIRST STEP SEED
//       imports DemoData wards FIRST, FIRST+STEP, … below CENTRES, PER_CENTRE dossiers each,
//       one batch of at most 20,000 dossiers per transaction
//   pg-bench figures URL FROM TO [CENTRE]   the period's figures (of one centre), one line
//   pg-bench rollup URL FROM TO             the roll-up: one line per centre, then the total
//
// Ward c is "Phường c" (three digits), its codes prefixed "Pc." so that wards never share a
// code; within a ward, codes repeat across sources as DemoData links them. Dates are
// yyyy-MM-dd. Timing and peak memory are measured outside, by /usr/bin/time.
import DemoData
import Domain
import Foundation
import PostgresStore
import Store

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("pg-bench: \(message)\n".utf8))
    exit(2)
}

func date(_ text: String) -> LocalDate {
    let parts = text.split(separator: "-").compactMap { Int($0) }
    guard parts.count == 3, let date = LocalDate(year: parts[0], month: parts[1], day: parts[2]) else {
        fail("not a date: \(text)")
    }
    return date
}

func centreName(_ c: Int) -> String { "Phường " + String(format: "%03d", c) }

/// `key|counter|counter|…` in the order of ``FigureCounter/stored``, as the SQL prints it.
func line(_ key: String, _ figures: PeriodFigures) -> String {
    ([key] + FigureCounter.stored.map { String(figures[$0]) }).joined(separator: "|")
}

let arguments = Array(CommandLine.arguments.dropFirst())
do {
    switch (arguments.first, arguments.count) {
    case ("migrate", 2):
        print(try PostgreSQLStore.migrate(url: arguments[1]).joined(separator: ", "))
    case ("import", 7):
        guard let perCentre = Int(arguments[2]), let centres = Int(arguments[3]), let first = Int(arguments[4]),
              let step = Int(arguments[5]), let seed = UInt64(arguments[6]), step > 0
        else { fail("import URL PER_CENTRE CENTRES FIRST STEP SEED") }
        let store = try PostgreSQLStore(url: arguments[1])
        var total = ImportSummary(importID: nil, batchID: "", connector: "", dryRun: false,
                                  startedAt: Date(), finishedAt: Date())
        for c in stride(from: first, to: centres, by: step) {
            let ward = DemoDataset(dossiers: perCentre, seed: seed &+ UInt64(c),
                                   from: LocalDate(year: 2024, month: 7, day: 1)!,
                                   through: LocalDate(year: 2026, month: 6, day: 30)!, ward: centreName(c))
            var records: [DossierRecord] = []
            records.reserveCapacity(20_000)
            func flush() throws {
                let summary = try store.upsert(records, as: ImportRequest(connector: "pg-bench"))
                total.inserted += summary.inserted
                total.historyAppended += summary.historyAppended
                records.removeAll(keepingCapacity: true)
            }
            for var dossier in ward {
                dossier.key.code = "P\(c)." + dossier.key.code
                dossier.centre = centreName(c)
                records.append(DossierRecord(dossier))
                if records.count == 20_000 { try flush() }
            }
            if !records.isEmpty { try flush() }
        }
        print("inserted \(total.inserted), history \(total.historyAppended)")
    case ("figures", 4), ("figures", 5):
        let store = try PostgreSQLStore(url: arguments[1])
        let classifier = PeriodClassifier(period: try ReportingPeriod(from: date(arguments[2]), to: date(arguments[3])))
        let centre = arguments.count == 5 ? arguments[4] : nil
        print(line(centre ?? "total", try store.periodFigures(classifier, centre: centre)))
    case ("rollup", 4):
        let store = try PostgreSQLStore(url: arguments[1])
        let classifier = PeriodClassifier(period: try ReportingPeriod(from: date(arguments[2]), to: date(arguments[3])))
        let rows = try store.periodFigures(classifier, by: .centre)
        for (centre, figures) in rows.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
            print(line(centre, figures))
        }
        print(line("total", rows.values.reduce(PeriodFigures(), +)))
    default:
        fail("usage: pg-bench migrate URL | import URL PER_CENTRE CENTRES FIRST STEP SEED | figures URL FROM TO [CENTRE] "
             + "| rollup URL FROM TO")
    }
} catch {
    FileHandle.standardError.write(Data("pg-bench: \(error)\n".utf8))
    exit(1)
}
