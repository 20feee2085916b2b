// The store side of Benchmarks/store/run.sh. Each command does one measured job and prints
// its result on stdout in the same form as the sqlite3 side, so run.sh can check both agree.
//
//   store-bench insert DB COUNT SEED     upsert COUNT DemoData dossiers as one batch
//   store-bench figures DB FROM TO       the period's figures, total then by field
//   store-bench overdue DB DATE          the overdue list as of DATE, one line per dossier
//
// Dates are yyyy-MM-dd. Timing and peak memory are measured outside, by /usr/bin/time.
// The dossiers are DemoData's ward, received over two years up to 30/06/2026.
import DemoData
import Domain
import Foundation
import Store

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("store-bench: \(message)\n".utf8))
    exit(2)
}

func date(_ text: String) -> LocalDate {
    let parts = text.split(separator: "-").compactMap { Int($0) }
    guard parts.count == 3, let date = LocalDate(year: parts[0], month: parts[1], day: parts[2]) else {
        fail("not a date: \(text)")
    }
    return date
}

func milliseconds(_ date: Date?) -> String {
    date.map { String(Int64(($0.timeIntervalSince1970 * 1000).rounded())) } ?? ""
}

/// Writes lines through one buffer: printing a million lines one `print` at a time would
/// measure the console, not the store.
struct Output {
    private var buffer = Data()
    mutating func line(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        buffer.append(0x0A)
        if buffer.count >= 1 << 16 { flush() }
    }
    mutating func flush() {
        FileHandle.standardOutput.write(buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}

let arguments = Array(CommandLine.arguments.dropFirst())
do {
    switch (arguments.first, arguments.count) {
    case ("insert", 4):
        guard let count = Int(arguments[2]), let seed = UInt64(arguments[3]) else { fail("insert DB COUNT SEED") }
        let store = try SQLiteStore(path: arguments[1])
        let dataset = DemoDataset(dossiers: count, seed: seed, from: LocalDate(year: 2024, month: 7, day: 1)!,
                                  through: LocalDate(year: 2026, month: 6, day: 30)!)
        let records = dataset.lazy.map { DossierRecord($0) }
        let summary = try store.upsert(records, as: ImportRequest(connector: "store-bench"))
        print("inserted \(summary.inserted), updated \(summary.updated), unchanged \(summary.unchanged), "
              + "history \(summary.historyAppended)")
    case ("figures", 4):
        let store = try SQLiteStore(path: arguments[1])
        let classifier = PeriodClassifier(period: try ReportingPeriod(from: date(arguments[2]), to: date(arguments[3])))
        func line(_ key: String, _ figures: PeriodFigures) -> String {
            ([key] + FigureCounter.stored.map { String(figures[$0]) }).joined(separator: "|")
        }
        print(line("total", try store.periodFigures(classifier)))
        for (field, figures) in try store.periodFigures(classifier, by: .field)
            .sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
            print(line(field, figures))
        }
    case ("overdue", 3):
        let store = try SQLiteStore(path: arguments[1])
        var output = Output()
        try store.forEach(.overdue(asOf: date(arguments[2]))) { d in
            output.line([d.source, d.code, milliseconds(d.dueAt), milliseconds(d.receivedAt), d.status.rawValue,
                         d.department, d.procedure.code, d.applicant.name ?? ""].joined(separator: "|"))
        }
        output.flush()
    default:
        fail("usage: store-bench insert DB COUNT SEED | figures DB FROM TO | overdue DB DATE")
    }
} catch {
    FileHandle.standardError.write(Data("store-bench: \(error)\n".utf8))
    exit(1)
}
