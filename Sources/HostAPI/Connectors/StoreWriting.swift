import Foundation
import Store

/// The store's side of a connector import, on its own thread: pulls the records from the pipe
/// into one batch, collects the rejections in the order the connector yielded them (its own and
/// the store's), and says how the batch ended.
final class StoreWriting: @unchecked Sendable {
    /// The store stopped the import; the connector's thread sees this when it sends more.
    struct Stopped: Error {}

    private let store: any ConnectorImportStore
    private let records: ConnectorRecords
    private let pipe: RecordPipe
    private let request: ImportRequest
    private let strict: Bool
    private let progress: @Sendable (Int) -> Void
    // Written on the store's thread only, read once `done` is signalled.
    private var rejections: [ConnectorRejection] = []
    private var result: Result<ConnectorImport, any Error>?
    private let done = DispatchSemaphore(value: 0)

    /// `--strict` met rejections: the batch is rolled back.
    private struct StrictAbort: Error {}

    /// Progress is reported every this many records.
    private static let progressStep = 1024

    init(store: any ConnectorImportStore, records: ConnectorRecords, pipe: RecordPipe, request: ImportRequest,
         strict: Bool, progress: @escaping @Sendable (Int) -> Void) {
        self.store = store
        self.records = records
        self.pipe = pipe
        self.request = request
        self.strict = strict
        self.progress = progress
    }

    /// How the batch ended, once it has.
    func wait() -> Result<ConnectorImport, any Error> {
        done.wait()
        return result!
    }

    func run() {
        defer { done.signal() }
        var reader = PipeReader(pipe: pipe)
        // Only a store that leaves a refused record out (the re-run after a refusal) reports one
        // whose message names an earlier record; the first run keeps no origins, which would
        // otherwise grow with every row of the batch.
        var origins: OriginLog? = request.onRejection == .skipRecord ? OriginLog() : nil
        var handled = 0
        /// The next item for the store; rejections are noted on the way (and, for dossiers, still
        /// handed over so the store remembers the source listed them).
        func next() throws -> ConnectorItem? {
            while let item = try reader.next() {
                guard case .rejected(let rejection) = item else { return item }
                rejections.append(rejection)
                handled += 1
                if handled % Self.progressStep == 0 { progress(handled) }
                if records == .dossiers, rejection.key != nil { return item }
            }
            if strict && !rejections.isEmpty { throw StrictAbort() }
            return nil
        }
        let observe = { [self] (outcome: RecordOutcome) in
            handled += 1
            if handled % Self.progressStep == 0 { progress(handled) }
            if outcome.outcome == .rejected, let error = outcome.rejection {
                rejections.append(ConnectorRejection(error, record: outcome.record, firstOrigin: { origins?[$0] }))
            }
        }
        do {
            let summary: ImportSummary
            switch records {
            case .dossiers:
                summary = try store.importDossiers({
                    switch try next() {
                    case .record(let record)?:
                        origins?.append(record.origin ?? "")
                        return .record(record)
                    case .rejected(let rejection)?: return .listed(rejection.key!)
                    case .feedback?: preconditionFailure("a dossier connector's records are dossiers")
                    case nil: return nil
                    }
                }, as: request, observe: observe)
            case .feedback:
                summary = try store.importFeedback({
                    switch try next() {
                    case .feedback(let record)?:
                        origins?.append(record.origin ?? "")
                        return record
                    case .record?, .rejected?: preconditionFailure("a feedback connector's records are feedback")
                    case nil: return nil
                    }
                }, as: request, observe: observe)
            }
            result = .success(ConnectorImport(records: records, summary: summary, rejections: rejections))
        } catch is StrictAbort {
            result = .failure(PluginError.rejected(rejections))
        } catch {
            pipe.stop(Stopped())
            result = .failure(error)
        }
    }
}
