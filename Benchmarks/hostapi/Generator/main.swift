// hostapi-benchmark-data: writes the data of the host API benchmarks (see README.md beside
// this folder): a store of N DemoData dossiers (deterministic), the same dossiers' code, status
// and department as a Lua table file for the lua5.4 baseline, and the SQL the store runs for
// the figures of the second half of 2025, for the sqlite3 baseline.
//
//   hostapi-benchmark-data 1000000 .build/benchmarks/hostapi
import DemoData
import Domain
import Foundation
import Store

let arguments = CommandLine.arguments
guard arguments.count == 3, let count = Int(arguments[1]), count > 0 else {
    FileHandle.standardError.write(Data("usage: hostapi-benchmark-data COUNT FOLDER\n".utf8))
    exit(2)
}
let folder = arguments[2]
try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
let storePath = folder + "/bench.db"
for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: storePath + suffix) }

let dataset = DemoDataset(dossiers: count, seed: 2026)
let started = Date()

// The Lua baseline's table, written while the dossiers stream into the store.
FileManager.default.createFile(atPath: folder + "/dossiers-table.lua", contents: nil)
let table = try FileHandle(forWritingTo: URL(fileURLWithPath: folder + "/dossiers-table.lua"))
var buffer = "return {\n"
func quoted(_ text: String) -> String {
    "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
}
let records = dataset.lazy.map { dossier -> DossierRecord in
    buffer += "{code=\(quoted(dossier.code)),status=\(quoted(dossier.status.rawValue)),department=\(quoted(dossier.department))},\n"
    if buffer.utf8.count > 1 << 20 {
        table.write(Data(buffer.utf8))
        buffer = ""
    }
    return DossierRecord(dossier)
}
let store = try SQLiteStore(path: storePath)
let summary = try store.upsert(records, as: ImportRequest(connector: "benchmark"))
try store.upsertFeedback(dataset.feedback.map { FeedbackRecord($0) }, as: ImportRequest(connector: "benchmark"))
buffer += "}\n"
table.write(Data(buffer.utf8))
try table.close()

// The figures of 01/07/2025–31/12/2025, as `stats.figures(period.half_year(2025, 2))` asks the
// store for them when run after the period.
let period = try ReportingPeriod(from: LocalDate(year: 2025, month: 7, day: 1)!, to: LocalDate(year: 2025, month: 12, day: 31)!)
let sql = SQLiteStore.figuresSQL(PeriodClassifier(period: period)) + ";\n"
try Data(sql.utf8).write(to: URL(fileURLWithPath: folder + "/figures.sql"))

print("wrote \(summary.inserted) dossiers to \(storePath) in \(Int(Date().timeIntervalSince(started))) s")
