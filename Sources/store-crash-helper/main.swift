// Writes batches into a store for StoreTests' crash test, reporting progress on stdout so the
// test can kill this process with SIGKILL in the middle of a batch.
//
//   store-crash-helper STORE FIRST_CODE COUNT
//
// Upserts COUNT dossiers with codes FIRST_CODE… as one batch, printing `progress N` every 1000
// records and `committed` once the batch is in. Exits 2 on bad arguments, 1 on a store error.
import Domain
import Foundation
import Store

let arguments = CommandLine.arguments
guard arguments.count == 4, let first = Int(arguments[2]), let count = Int(arguments[3]) else {
    FileHandle.standardError.write(Data("usage: store-crash-helper STORE FIRST_CODE COUNT\n".utf8))
    exit(2)
}

let procedure = Procedure(code: "1.001193", name: "Đăng ký khai sinh", field: "Hộ tịch",
                          timeLimit: .workingDays(3))
let received = CentreTime.vietnam.instant(LocalDate(year: 2026, month: 3, day: 2)!)
let records = (first..<(first + count)).lazy.map { i in
    DossierRecord(Dossier(
        key: DossierKey(source: "motcua", code: "HS-\(i)"), procedure: procedure,
        department: "Phòng Văn hóa - Xã hội", applicant: Applicant(name: "Nguyễn Văn \(i)"),
        channel: .online, receivedAt: received.addingTimeInterval(Double(i % 5000) * 60),
        dueAt: received.addingTimeInterval(3 * 86_400), status: .processing,
        history: [StatusChange(status: .received, at: received), StatusChange(status: .processing, at: received)]))
}

func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

do {
    let store = try SQLiteStore(path: arguments[1])
    try store.upsert(records, as: ImportRequest(connector: "crash-helper")) { outcome in
        if (outcome.record.index + 1) % 1000 == 0 { say("progress \(outcome.record.index + 1)") }
    }
    say("committed")
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(1)
}
