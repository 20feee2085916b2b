import Domain
import Foundation
import GRDB
import Testing
@testable import PostgresStore
@testable import Store

@Suite struct UpsertTests {
    @Test(arguments: StoreBackend.all)
    func insertedDossierReadsBackEqual(_ backend: StoreBackend) throws {
        let t = try TemporaryStore(backend)
        let original = Fixtures.dossier("H1")
        var withOptionals = Fixtures.dossier("H2", status: .processing)
        withOptionals.apologyDueAt = withOptionals.dueAt!.addingTimeInterval(86_400)
        withOptionals.applicant.address = "Số 1 Hàng Bông, Hoàn Kiếm"
        withOptionals.procedure = Fixtures.land
        var bare = Fixtures.dossier("H3", channel: .postal)
        bare.procedure.timeLimit = nil
        bare.procedure.afternoonCutoff = nil
        bare.applicant = Applicant()
        bare.dueAt = nil
        bare.history = []
        let summary = try t.store.upsert(Fixtures.records([original, withOptionals, bare]), as: Fixtures.request)
        #expect(summary.inserted == 3 && summary.updated == 0 && summary.unchanged == 0)
        #expect(summary.historyAppended == 2 + 1)
        #expect(try t.store.dossier(original.key) == original)
        #expect(try t.store.dossier(withOptionals.key) == withOptionals)
        #expect(try t.store.dossier(bare.key) == bare)
        #expect(try t.store.dossier(DossierKey(source: "motcua", code: "missing")) == nil)
    }

    @Test(arguments: StoreBackend.all)
    func reimportingTheSameBatchChangesNothing(_ backend: StoreBackend) throws {
        let t = try TemporaryStore(backend)
        let batch = Fixtures.records((1...20).map { Fixtures.dossier("H\($0)") })
        try t.store.upsert(batch, as: Fixtures.request)
        let before = try t.snapshot(except: "imports")
        var outcomes: [UpsertOutcome] = []
        let again = try t.store.upsert(batch, as: Fixtures.request) { outcomes.append($0.outcome) }
        #expect(again.unchanged == 20 && again.inserted == 0 && again.updated == 0)
        #expect(again.historyAppended == 0)
        #expect(outcomes == Array(repeating: .unchanged, count: 20))
        // Only the run itself is recorded.
        #expect(try t.snapshot(except: "imports") == before)
        #expect(try t.store.imports(limit: 5).map(\.unchanged) == [20, 0])
    }

    @Test(arguments: StoreBackend.all)
    func changedFieldsAreUpdatedAndAudited(_ backend: StoreBackend) throws {
        let t = try TemporaryStore(backend)
        var dossier = Fixtures.dossier("H1", status: .processing)
        try t.store.upsert(Fixtures.records([dossier]), as: ImportRequest(connector: "first"))
        dossier.status = .resolved
        dossier.finishedAt = Fixtures.at(2026, 1, 6, 14, 30)
        dossier.history.append(StatusChange(status: .resolved, at: dossier.finishedAt!, source: "motcua"))
        dossier.applicant.phone = "0987654321"
        var seen: [RecordOutcome] = []
        let summary = try t.store.upsert(Fixtures.records([dossier]), as: ImportRequest(connector: "second")) {
            seen.append($0)
        }
        #expect(summary.updated == 1 && summary.historyAppended == 1)
        let outcome = try #require(seen.first)
        #expect(outcome.outcome == .updated)
        #expect(outcome.changes == [
            FieldChange(field: "applicant_phone", old: nil, new: nil, isPersonal: true),
            FieldChange(field: "status", old: "processing", new: "resolved"),
            FieldChange(field: "finished_at", old: nil, new: "2026-01-06T14:30:00+07:00"),
        ])
        let trail = try t.store.auditTrail(of: dossier.key)
        #expect(trail.map(\.change) == outcome.changes)
        #expect(Set(trail.map(\.connector)) == ["second"])
        #expect(try t.store.dossier(dossier.key) == dossier)
    }

    @Test(arguments: StoreBackend.all)
    func historyIsAppendedNeverOverwritten(_ backend: StoreBackend) throws {
        let t = try TemporaryStore(backend)
        let received = Fixtures.at(2026, 2, 2)
        var dossier = Fixtures.dossier("H1", received: received, status: .processing)
        try t.store.upsert(Fixtures.records([dossier]), as: Fixtures.request)
        // The source now reports only its latest entry, plus a new one: the old entry stays.
        let supplement = StatusChange(status: .supplementRequested, at: received.addingTimeInterval(7200),
                                      actor: "cán bộ B", source: "motcua", note: "thiếu giấy chứng sinh")
        dossier.history = [supplement]
        dossier.status = .supplementRequested
        try t.store.upsert(Fixtures.records([dossier]), as: Fixtures.request)
        let stored = try #require(try t.store.dossier(dossier.key))
        #expect(stored.history.map(\.status) == [.processing, .supplementRequested])
        #expect(stored.history.last == supplement)
        // The same entry again is not appended twice.
        let again = try t.store.upsert(Fixtures.records([dossier]), as: Fixtures.request)
        #expect(again.unchanged == 1 && again.historyAppended == 0)
    }

    @Test(arguments: StoreBackend.all)
    func historyAndAuditRejectUpdateAndDelete(_ backend: StoreBackend) throws {
        let t = try TemporaryStore(backend)
        var dossier = Fixtures.dossier("H1", status: .processing)
        try t.store.upsert(Fixtures.records([dossier]), as: Fixtures.request)
        dossier.department = "Phòng Kinh tế"
        try t.store.upsert(Fixtures.records([dossier]), as: Fixtures.request)
        for sql in ["UPDATE status_history SET note = 'x'", "DELETE FROM status_history",
                    "UPDATE audit SET new_value = 'x'", "DELETE FROM audit"] {
            let error = #expect(throws: (any Error).self) { try t.execute(sql) }
            #expect("\(error.map { "\($0)" } ?? "")".contains("append-only"), "\(sql)")
        }
        #expect(try t.rows("SELECT COUNT(*) FROM audit") == [["1"]])
    }

    @Test(arguments: StoreBackend.all)
    func aConstraintViolationNamesTheRecordAndWritesNothing(_ backend: StoreBackend) throws {
        let t = try TemporaryStore(backend)
        var bad = Fixtures.dossier("H2")
        bad.finishedAt = bad.receivedAt.addingTimeInterval(-60)
        let batch = Fixtures.records([Fixtures.dossier("H1"), bad, Fixtures.dossier("H3")])
        let error = #expect(throws: StoreError.self) { try t.store.upsert(batch, as: Fixtures.request) }
        guard case let .recordRejected(record, reason)? = error else {
            Issue.record("expected recordRejected, got \(String(describing: error))")
            return
        }
        #expect(record == RecordReference(index: 1, key: bad.key, origin: "fixture row 3"))
        #expect(reason.contains("finished_at must not be before received_at"))
        #expect("\(error!)".hasPrefix("fixture row 3 (motcua/H2): rejected by the store"))
        #expect(try t.store.count(DossierQuery(scope: .all)) == 0)
        #expect(try t.store.imports(limit: 10).isEmpty)
    }

    @Test(arguments: StoreBackend.all)
    func theSameKeyTwiceInABatchMustBeIdentical(_ backend: StoreBackend) throws {
        let t = try TemporaryStore(backend)
        let first = Fixtures.dossier("H1")
        var outcomes: [UpsertOutcome] = []
        try t.store.upsert(Fixtures.records([first, Fixtures.dossier("H2"), first]), as: Fixtures.request) {
            outcomes.append($0.outcome)
        }
        #expect(outcomes == [.inserted, .inserted, .unchanged])

        var changed = first
        changed.department = "Phòng Kinh tế"
        let error = #expect(throws: StoreError.self) {
            try t.store.upsert(Fixtures.records([Fixtures.dossier("H3"), first, changed]), as: Fixtures.request)
        }
        #expect(error == .conflictingDuplicate(
            RecordReference(index: 2, key: first.key, origin: "fixture row 4"), firstIndex: 1))
        #expect(try t.store.dossier(DossierKey(source: "motcua", code: "H3")) == nil)
        #expect(try t.store.dossier(first.key)?.department == first.department)
    }

    /// Past what the PostgreSQL writer keeps in memory of the rows a batch wrote, a repeated key
    /// is still told apart: identical, it is unchanged; different, it is refused, naming the first.
    @Test(arguments: StoreBackend.all)
    func theSameKeyFarApartInALongBatch(_ backend: StoreBackend) throws {
        let t = try TemporaryStore(backend)
        let count = WrittenRows.rowsKeptInMemory + 2 * PostgresDossierWriter.chunkSize
        let dossiers = (1...count).map { Fixtures.dossier("H\($0)") }
        var changed = dossiers[1]
        changed.department = "Phòng Kinh tế"
        let skipping = ImportRequest(connector: "test", onRejection: .skipRecord)
        var outcomes: [RecordOutcome] = []
        let summary = try t.store.upsert(Fixtures.records(dossiers + [dossiers[0], changed]), as: skipping) {
            outcomes.append($0)
        }
        #expect(summary.inserted == count && summary.unchanged == 1 && summary.rejected == 1)
        #expect(outcomes[count].outcome == .unchanged)
        #expect(outcomes[count + 1].rejection == .conflictingDuplicate(outcomes[count + 1].record, firstIndex: 1))
        #expect(try t.store.dossier(changed.key) == dossiers[1])

        // Another batch (another transaction): nothing of the first one's memory is left.
        let error = #expect(throws: StoreError.self) {
            try t.store.upsert(Fixtures.records(dossiers + [changed]), as: Fixtures.request)
        }
        #expect(error == .conflictingDuplicate(
            RecordReference(index: count, key: changed.key, origin: "fixture row \(count + 2)"), firstIndex: 1))
        let again = try t.store.upsert(Fixtures.records(dossiers), as: Fixtures.request)
        #expect(again.unchanged == count && again.inserted == 0 && again.updated == 0)
    }

    /// Feedback items are remembered as dossiers are: a repeated key far apart is still told
    /// apart once the PostgreSQL writer moved the batch's rows out of memory.
    @Test(arguments: StoreBackend.all)
    func theSameFeedbackKeyFarApartInALongBatch(_ backend: StoreBackend) throws {
        let t = try TemporaryStore(backend)
        let count = WrittenRows.rowsKeptInMemory + 10
        let items = (1...count).map {
            Feedback(key: DossierKey(source: "pakn", code: "PA-\($0)"), subject: "Chậm trả kết quả",
                     receivedAt: Fixtures.at(2026, 3, 2), dueAt: Fixtures.at(2026, 3, 16), status: .processing)
        }
        var changed = items[1]
        changed.subject = "Thái độ phục vụ"
        var outcomes: [UpsertOutcome] = []
        let error = #expect(throws: StoreError.self) {
            try t.store.upsertFeedback((items + [items[0], changed]).map { FeedbackRecord($0) }, as: Fixtures.request) {
                outcomes.append($0.outcome)
            }
        }
        #expect(outcomes.count == count + 1 && outcomes.last == .unchanged)
        #expect(error == .conflictingDuplicate(RecordReference(index: count + 1, key: changed.key), firstIndex: 1))
    }

    @Test(arguments: StoreBackend.all)
    func skippingRejectedRecordsLandsTheRestAndSaysWhy(_ backend: StoreBackend) throws {
        let t = try TemporaryStore(backend)
        // The bad record is the first to bring its source and procedure: the next one, which
        // shares them, must not suffer from the rollback of the first.
        var bad = Fixtures.dossier("H1", source: "hokinhdoanh")
        bad.procedure = Procedure(code: "2.000720", name: "Đăng ký hộ kinh doanh", field: "Hộ kinh doanh")
        bad.finishedAt = bad.receivedAt.addingTimeInterval(-60)
        var good = Fixtures.dossier("H2", source: "hokinhdoanh")
        good.procedure = bad.procedure
        var conflicting = good
        conflicting.department = "Phòng Kinh tế"
        let request = ImportRequest(connector: "test", onRejection: .skipRecord)
        var outcomes: [RecordOutcome] = []
        let summary = try t.store.upsert(Fixtures.records([bad, good, conflicting, Fixtures.dossier("H3")]),
                                         as: request) { outcomes.append($0) }
        #expect(outcomes.map(\.outcome) == [.rejected, .inserted, .rejected, .inserted])
        #expect(outcomes[0].rejection?.description.contains("finished_at must not be before received_at") == true)
        #expect(outcomes[2].rejection == .conflictingDuplicate(outcomes[2].record, firstIndex: 1))
        #expect(summary.rejected == 2 && summary.inserted == 2)
        #expect(try t.store.imports(limit: 1).first?.rejected == 2)
        #expect(try t.store.dossier(bad.key) == nil)
        #expect(try t.store.dossier(good.key) == good)
        #expect(try t.store.procedures().map(\.code) == ["1.001193", "2.000720"])
    }

    @Test(arguments: StoreBackend.all)
    func aDryRunReportsOutcomesAndLeavesNoTrace(_ backend: StoreBackend) throws {
        let t = try TemporaryStore(backend)
        try t.store.upsert(Fixtures.records([Fixtures.dossier("H1")]), as: Fixtures.request)
        let before = try t.snapshot()
        var changed = Fixtures.dossier("H1")
        changed.department = "Phòng Kinh tế"
        let request = ImportRequest(connector: "test", dryRun: true)
        let summary = try t.store.upsert(Fixtures.records([changed, Fixtures.dossier("H2")]), as: request)
        #expect(summary.updated == 1 && summary.inserted == 1 && summary.importID == nil && summary.dryRun)
        #expect(try t.snapshot() == before)
    }

    @Test(arguments: StoreBackend.all)
    func importsAreRecordedAndBatchIdsAreUnique(_ backend: StoreBackend) throws {
        let t = try TemporaryStore(backend)
        let request = ImportRequest(connector: "canonical", batchID: "export-2026-01.csv")
        let summary = try t.store.upsert(Fixtures.records([Fixtures.dossier("H1")]), as: request)
        let record = try #require(try t.store.imports(limit: 5).first)
        #expect(record.id == summary.importID && record.connector == "canonical")
        #expect(record.batchID == "export-2026-01.csv" && record.inserted == 1)
        #expect(record.startedAt == Fixtures.clock && record.finishedAt == Fixtures.clock)
        #expect(throws: StoreError.duplicateBatch("export-2026-01.csv")) {
            try t.store.upsert(Fixtures.records([Fixtures.dossier("H2")]), as: request)
        }
    }

    @Test(arguments: StoreBackend.all)
    func anErrorFromTheObserverRollsTheBatchBack(_ backend: StoreBackend) throws {
        struct Stop: Error {}
        let t = try TemporaryStore(backend)
        #expect(throws: Stop.self) {
            try t.store.upsert(Fixtures.records((1...10).map { Fixtures.dossier("H\($0)") }),
                               as: Fixtures.request) { if $0.record.index == 6 { throw Stop() } }
        }
        #expect(try t.store.count(DossierQuery(scope: .all)) == 0)
        #expect(try t.store.imports(limit: 10).isEmpty)
    }

    @Test(arguments: StoreBackend.all)
    func feedbackUpsertsWithTheSameRules(_ backend: StoreBackend) throws {
        let t = try TemporaryStore(backend)
        var item = Feedback(key: DossierKey(source: "pakn", code: "PA-1"), subject: "Chậm trả kết quả",
                            receivedAt: Fixtures.at(2026, 3, 2), dueAt: Fixtures.at(2026, 3, 16),
                            status: .processing)
        let first = try t.store.upsertFeedback([FeedbackRecord(item)], as: Fixtures.request)
        #expect(first.inserted == 1)
        #expect(try t.store.upsertFeedback([FeedbackRecord(item)], as: Fixtures.request).unchanged == 1)
        item.status = .handled
        item.handledAt = Fixtures.at(2026, 3, 10)
        var changes: [FieldChange] = []
        try t.store.upsertFeedback([FeedbackRecord(item)], as: Fixtures.request) { changes = $0.changes }
        #expect(changes.map(\.field) == ["status", "handled_at"])
        #expect(try t.store.feedback(item.key) == item)
        var all: [Feedback] = []
        try t.store.feedbackItems(received: nil).forEach { all.append($0) }
        #expect(all == [item])
    }
}
