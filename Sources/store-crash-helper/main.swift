// Writes batches into a store for StoreTests: the crash test kills this process with SIGKILL in
// the middle of a batch; the parallel-import test runs several of it at once on one database.
//
//   store-crash-helper STORE FIRST_CODE COUNT [BATCH_SIZE [SOURCE]]
//
// STORE is an SQLite file or a postgres:// URL. Upserts COUNT dossiers with codes FIRST_CODE…
// from SOURCE (default motcua), BATCH_SIZE per batch (default: all in one), printing
// `progress N` every 1000 records and `committed` once every batch is in. Exits 2 on bad
// arguments, 1 on a store error.
import Domain
import Foundation
import PostgresStore
import Store

let arguments = CommandLine.arguments
guard (4...6).contains(arguments.count), let first = Int(arguments[2]), let count = Int(arguments[3]),
      let batchSize = arguments.count > 4 ? Int(arguments[4]) : count, batchSize > 0
else {
    FileHandle.standardError.write(Data("usage: store-crash-helper STORE FIRST_CODE COUNT [BATCH_SIZE [SOURCE]]\n".utf8))
    exit(2)
}
let source = arguments.count > 5 ? arguments[5] : "motcua"

let procedure = Procedure(code: "1.001193", name: "Đăng ký khai sinh", field: "Hộ tịch",
                          timeLimit: .workingDays(3))
let received = CentreTime.vietnam.instant(LocalDate(year: 2026, month: 3, day: 2)!)
func records(_ codes: Range<Int>) -> some Sequence<DossierRecord> {
    codes.lazy.map { i in
        DossierRecord(Dossier(
            key: DossierKey(source: source, code: "HS-\(i)"), procedure: procedure,
            department: "Phòng Văn hóa - Xã hội", applicant: Applicant(name: "Nguyễn Văn \(i)"),
            channel: .online, receivedAt: received.addingTimeInterval(Double(i % 5000) * 60),
            dueAt: received.addingTimeInterval(3 * 86_400), status: .processing,
            history: [StatusChange(status: .received, at: received), StatusChange(status: .processing, at: received)],
            centre: "Phường \(i % 7)"))
    }
}

func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

do {
    let store = try StoreFactory.open(StoreLocation.resolve(flag: arguments[1]))
    for start in stride(from: first, to: first + count, by: batchSize) {
        let end = min(start + batchSize, first + count)
        try store.upsert(records(start..<end), as: ImportRequest(connector: "crash-helper")) { outcome in
            let done = start - first + outcome.record.index + 1
            if done % 1000 == 0 { say("progress \(done)") }
        }
    }
    say("committed")
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(1)
}
