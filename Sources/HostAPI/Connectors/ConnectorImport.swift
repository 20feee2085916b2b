import Domain
import Foundation
import LuaBridge
import Sandbox
import Store

/// What `hostrun import` was asked to do beyond the connector and its sources.
public struct ImportSettings: Sendable {
    /// Check and count everything, then write nothing.
    public var dryRun: Bool
    /// Any rejected record aborts the whole batch.
    public var strict: Bool
    /// Given to the connector's `read` as its `options` table.
    public var options: [String: String]
    public var limits: Limits

    public init(dryRun: Bool = false, strict: Bool = false, options: [String: String] = [:],
                limits: Limits = .default) {
        self.dryRun = dryRun
        self.strict = strict
        self.options = options
        self.limits = limits
    }
}

/// The validated import path: runs a connector plugin over its sources and upserts what it
/// yields into the store as one batch.
///
/// The connector runs sandboxed with read access to exactly its source files. Each record it
/// yields is read as a canonical record and checked by the domain's rules; a record that breaks
/// one is *rejected* (named by file, row and reason) and left out, the rest land in one
/// transaction, and with ``ImportSettings/strict`` any rejection rolls everything back. The
/// store rejects a code repeated in the batch with different values. Any failure of the script
/// (an error, a limit, a malformed record) leaves the store untouched.
///
/// Lua runs on the calling thread and the store writes on another, so a large export is read
/// and written at the same time.
public final class ConnectorImport {
    public let plugin: ConnectorPlugin
    public let sources: [String]
    public let settings: ImportSettings
    private let environment: HostEnvironment
    private let output: OutputSink

    /// - Parameters:
    ///   - clock: the host's clock (`--now`), which also dates the batch.
    ///   - output: where the connector's `print` and `warn` go.
    public init(plugin: ConnectorPlugin, sources: [String], settings: ImportSettings = ImportSettings(),
                clock: HostClock = HostClock(), log: HostLog = HostLog(), output: OutputSink) {
        self.plugin = plugin
        self.sources = sources
        self.settings = settings
        self.output = output
        environment = HostEnvironment(clock: clock, log: log,
                                      capabilities: Capabilities(readPaths: sources))
    }

    /// Runs the import.
    ///
    /// - Parameter progress: called on the store's thread with the number of records handled
    ///   so far, after each one.
    /// - Throws: ``ImportError``; nothing was written then.
    public func run(into store: any ConnectorImportStore,
                    progress: @escaping @Sendable (Int) -> Void = { _ in }) throws(ImportError) -> ImportReport {
        for source in sources where !FileManager.default.isReadableFile(atPath: source) {
            let exists = FileManager.default.fileExists(atPath: source)
            throw .unreadableSource(path: source, reason: exists ? "permission denied" : "no such file")
        }
        let run = try ConnectorRun(plugin: plugin, sources: sources, options: settings.options,
                                   environment: environment, limits: settings.limits, output: output)
        let pipe = RecordPipe()
        let writing = StoreWriting(store: store, kind: run.kind, pipe: pipe, settings: settings,
                                   report: ImportReport(connector: plugin.name, kind: run.kind, sources: sources,
                                                        outcome: settings.dryRun ? .dryRun : .written,
                                                        batchID: UUID().uuidString),
                                   progress: progress)
        let thread = Thread { writing.run() }
        thread.stackSize = 4 << 20
        thread.start()

        var writer = PipeWriter(pipe: pipe)
        var failure: (any Error)?
        do {
            try run.run { item in try writer.add(item) }
            try writer.flush()
        } catch {
            failure = error
        }
        pipe.finish(failure: failure)
        let result = writing.wait()
        // The connector's own failure explains the store's rollback; report that first.
        switch (failure, result) {
        case (let error as ImportError, _): throw error
        case (_, .failure(let error as ImportError)): throw error
        case (_, .failure(let error)): throw .store("the import was rolled back: \(error)")
        case (let error?, _): throw .store("the import was rolled back: \(error)")
        case (nil, .success(let report)): return report
        }
    }
}

/// The store's side of an import, on its own thread: pulls the records from the pipe into one
/// batch, collects rejections in order, and counts outcomes.
private final class StoreWriting: @unchecked Sendable {
    private let store: any ConnectorImportStore
    private let kind: RecordKind
    private let pipe: RecordPipe
    private let settings: ImportSettings
    private let progress: @Sendable (Int) -> Void
    // Written by the store's thread only, read once `done` is signalled.
    private var report: ImportReport
    private var result: Result<ImportReport, any Error>?
    private let done = DispatchSemaphore(value: 0)

    /// The batch was rolled back because `--strict` met rejections.
    private struct StrictAbort: Error {}

    init(store: any ConnectorImportStore, kind: RecordKind, pipe: RecordPipe, settings: ImportSettings,
         report: ImportReport, progress: @escaping @Sendable (Int) -> Void) {
        self.store = store
        self.kind = kind
        self.pipe = pipe
        self.settings = settings
        self.report = report
        self.progress = progress
    }

    func wait() -> Result<ImportReport, any Error> {
        done.wait()
        return result!
    }

    func run() {
        defer { done.signal() }
        var reader = PipeReader(pipe: pipe)
        var origins = OriginLog()
        var handled = 0
        let request = ImportRequest(connector: report.connector, batchID: report.batchID,
                                    dryRun: settings.dryRun, onRejection: .skipRecord)
        /// The next item that goes to the store; rejections are noted on the way.
        func next() throws -> PipeItem? {
            while let item = try reader.next() {
                guard case .rejected(let rejection) = item else { return item }
                report.rejections.append(rejection)
                handled += 1
                progress(handled)
                if kind == .dossiers, rejection.key != nil { return item }
            }
            if settings.strict && !report.rejections.isEmpty { throw StrictAbort() }
            return nil
        }
        let observe = { [self] (outcome: RecordOutcome) in
            report.count(outcome)
            handled += 1
            progress(handled)
            if outcome.outcome == .rejected, let error = outcome.rejection {
                report.rejections.append(RecordRejection(
                    error, origin: outcome.record.origin ?? "record \(outcome.record.index + 1)",
                    key: outcome.record.key, firstOrigin: { origins[$0] }))
            }
        }
        do {
            let summary: ImportSummary
            switch kind {
            case .dossiers:
                summary = try store.importDossiers({
                    switch try next() {
                    case .dossier(let record)?:
                        origins.append(record.origin ?? "")
                        return .record(record)
                    case .rejected(let rejection)?: return .listed(rejection.key!)
                    case .feedback?: preconditionFailure("a dossier connector yielded feedback")
                    case nil: return nil
                    }
                }, as: request, observe: observe)
            case .feedback:
                summary = try store.importFeedback({
                    switch try next() {
                    case .feedback(let record)?:
                        origins.append(record.origin ?? "")
                        return record
                    case .dossier?, .rejected?: preconditionFailure("a feedback connector yielded a dossier")
                    case nil: return nil
                    }
                }, as: request, observe: observe)
            }
            report.importID = summary.importID
            result = .success(report)
        } catch is StrictAbort {
            report.outcome = .abortedStrict
            result = .success(report)
        } catch {
            pipe.stop(error)
            result = .failure(error)
        }
    }
}
