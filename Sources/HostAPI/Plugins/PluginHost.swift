import Domain
import Foundation
import LuaBridge
import Sandbox
import Store

/// Runs plugins with exactly the grants their manifests ask for and the operator allows: the
/// Swift API under `hostrun import`, `report`, `check` and the test harness.
///
/// Connectors never write to the store themselves. A connector's entry returns
/// `{read = function(source, options) ... end}`, giving an iterator (or an array) of canonical
/// records (``CanonicalRecord``); the host checks each record with the domain and, for
/// ``importConnector(_:sources:options:request:strict:)``, upserts the batch through the store
/// in one transaction: the only way anything writes dossiers.
public final class PluginHost {
    public let policy: OperatorPolicy
    public let clock: HostClock
    public let store: StoreAccess?
    public let deadlines: DeadlineCalculator
    public let log: HostLog
    public var limits: Limits
    public var output: OutputSink

    public init(policy: OperatorPolicy = .allowAll, clock: HostClock = HostClock(), store: StoreAccess? = nil,
                deadlines: DeadlineCalculator = DeadlineCalculator(), log: HostLog = HostLog(),
                limits: Limits = .default, output: OutputSink = StandardOutputSink()) {
        self.policy = policy
        self.clock = clock
        self.store = store
        self.deadlines = deadlines
        self.log = log
        self.limits = limits
        self.output = output
    }

    /// The grants of a plugin for one run.
    public func grants(for plugin: InstalledPlugin, placeholders: [String: [String]] = [:]) -> PluginGrants {
        PluginGrants(manifest: plugin.manifest, folder: plugin.folder, policy: policy, placeholders: placeholders)
    }

    /// Loads a plugin in its own sandbox with its grants (`$SOURCE`, `$OUTPUT` filled from
    /// `placeholders`).
    public func open(_ plugin: InstalledPlugin, placeholders: [String: [String]] = [:]) throws(PluginError) -> PluginSession {
        let grants = grants(for: plugin, placeholders: placeholders)
        let environment = HostEnvironment(clock: clock, store: store, deadlines: deadlines, log: log,
                                          grants: ScriptGrants(personalData: grants.personalData),
                                          capabilities: grants.capabilities)
        return try PluginSession(plugin: plugin, grants: grants, environment: environment, limits: limits, output: output)
    }

    // MARK: Connectors

    /// Runs a connector over its sources and hands each record (checked) or rejection to `each`,
    /// one at a time, in order. Nothing is written.
    public func readConnector(_ plugin: InstalledPlugin, sources: [String], options: LuaTable = LuaTable(),
                              each: (ConnectorItem) throws -> Void) throws {
        let reader = try connectorReader(plugin, sources: sources, options: options)
        while let item = try reader.next() { try each(item) }
    }

    private func connectorReader(_ plugin: InstalledPlugin, sources: [String], options: LuaTable) throws -> ConnectorReader {
        guard plugin.manifest.kind == .connector else {
            throw PluginError.wrongKind(plugin: plugin.manifest.name, expected: .connector, actual: plugin.manifest.kind)
        }
        let session = try open(plugin, placeholders: ["SOURCE": sources])
        return try ConnectorReader(session: session, sources: sources, options: options, deadlines: deadlines)
    }

    /// Runs a connector and collects its checked records and its rejections. Nothing is written.
    public func runConnector(_ plugin: InstalledPlugin, sources: [String], options: LuaTable = LuaTable()) throws -> ConnectorOutput {
        var output = ConnectorOutput()
        try readConnector(plugin, sources: sources, options: options) { item in
            switch item {
            case .record(let record): output.records.append(record)
            case .feedback(let record): output.feedback.append(record)
            case .rejected(let rejection): output.rejections.append(rejection)
            }
        }
        return output
    }

    /// Runs a connector and upserts its checked records into the store in one transaction,
    /// streaming (a million records never sit in memory): the connector runs on this thread and
    /// the store writes on another, so reading and writing overlap. Rejected records are
    /// skipped and reported; the store rejects a code repeated in the batch with different
    /// values. With `strict`, any rejection rolls the whole batch back
    /// (``PluginError/rejected(_:)`` lists them all). A failure of the connector itself rolls
    /// everything back too: nothing is written unless the whole source was read.
    ///
    /// A dossier import is also a snapshot of each source it lists (see
    /// ``Store/ConnectorImportStore``), for `hostrun reconcile`.
    ///
    /// - Parameter progress: called on the store's thread with the number of records handled.
    public func importConnector(_ plugin: InstalledPlugin, sources: [String], options: LuaTable = LuaTable(),
                                request: ImportRequest, strict: Bool = false,
                                progress: @escaping @Sendable (Int) -> Void = { _ in }) throws -> ConnectorImport {
        guard grants(for: plugin, placeholders: ["SOURCE": sources]).storeWrite else {
            throw PluginError.storeWriteNotGranted(plugin: plugin.manifest.name)
        }
        guard let store else { throw PluginError.store("no store to import into") }
        let target: any ConnectorImportStore
        do {
            guard let opened = try store.store() as? any ConnectorImportStore else {
                throw PluginError.store("the store \(try store.store().location) cannot take connector imports")
            }
            target = opened
        } catch let error as PluginError {
            throw error
        } catch {
            throw PluginError.store("\(error)")
        }
        // Optimistic: records are written without a savepoint each (one costs as much as the
        // record). Should the store refuse one, which the host's checks leave only to a code
        // repeated with different values, the batch is rolled back and run again with a
        // savepoint per record, so that the refused record alone is left out.
        var request = request
        request.onRejection = .abortBatch
        do {
            return try importOnce(plugin, sources: sources, options: options, into: target, request: request,
                                  strict: strict, progress: progress)
        } catch let error as StoreError where error.refusesOneRecord {
            request.onRejection = .skipRecord
            return try importOnce(plugin, sources: sources, options: options, into: target, request: request,
                                  strict: strict, progress: progress)
        }
    }

    /// One run of the connector into one batch of the store.
    private func importOnce(_ plugin: InstalledPlugin, sources: [String], options: LuaTable,
                            into target: any ConnectorImportStore, request: ImportRequest, strict: Bool,
                            progress: @escaping @Sendable (Int) -> Void) throws -> ConnectorImport {
        let reader = try connectorReader(plugin, sources: sources, options: options)
        let pipe = RecordPipe()
        let writing = StoreWriting(store: target, records: reader.records, pipe: pipe, request: request,
                                   strict: strict, progress: progress)
        let thread = Thread { writing.run() }
        thread.stackSize = 4 << 20
        thread.start()

        var writer = PipeWriter(pipe: pipe)
        var failure: (any Error)?
        do {
            let centre = try target.configuredCentre()
            while let item = try reader.next() { try writer.add(item.inCentre(centre)) }
            try writer.flush()
        } catch {
            failure = error
        }
        pipe.finish(failure: failure)
        let written = writing.wait()
        // The connector's own failure explains the store's rollback: report it first.
        if let failure, !(failure is StoreWriting.Stopped) { throw failure }
        switch written {
        case .success(let result): return result
        case .failure(let error as PluginError): throw error
        case .failure(let error as StoreError) where error.refusesOneRecord: throw error
        case .failure(let error): throw PluginError.store("\(error)")
        }
    }
}

extension StoreError {
    /// The store refused one record of a batch (a constraint, a conflicting repeat of a code).
    var refusesOneRecord: Bool {
        switch self {
        case .recordRejected, .conflictingDuplicate: true
        default: false
        }
    }
}

/// One item a connector yields: a checked record, or a rejection.
public enum ConnectorItem: Sendable {
    case record(DossierRecord)
    case feedback(FeedbackRecord)
    case rejected(ConnectorRejection)
}

/// What a connector yielded, checked.
public struct ConnectorOutput: Sendable {
    public var records: [DossierRecord] = []
    public var feedback: [FeedbackRecord] = []
    public var rejections: [ConnectorRejection] = []
}

/// What an import wrote, and what it refused.
public struct ConnectorImport: Sendable {
    /// What the connector yields.
    public var records: ConnectorRecords
    public var summary: ImportSummary
    /// Every record left out, in the order the connector yielded them.
    public var rejections: [ConnectorRejection]
}
