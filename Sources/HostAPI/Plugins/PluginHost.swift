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
        return ConnectorReader(session: session, read: try session.function("read"), sources: sources,
                               options: options, deadlines: deadlines)
    }

    /// Runs a connector and collects its checked records and its rejections. Nothing is written.
    public func runConnector(_ plugin: InstalledPlugin, sources: [String], options: LuaTable = LuaTable()) throws -> ConnectorOutput {
        var output = ConnectorOutput()
        try readConnector(plugin, sources: sources, options: options) { item in
            switch item {
            case .record(let record): output.records.append(record)
            case .rejected(let rejection): output.rejections.append(rejection)
            }
        }
        return output
    }

    /// Runs a connector and upserts its checked records into the store in one transaction,
    /// streaming (a million records never sit in memory). Rejected records are skipped and
    /// reported, or with `strict` abort the whole batch. A failure of the connector itself
    /// aborts the batch too: nothing is written unless the whole source was read.
    public func importConnector(_ plugin: InstalledPlugin, sources: [String], options: LuaTable = LuaTable(),
                                request: ImportRequest, strict: Bool = false) throws -> ConnectorImport {
        guard grants(for: plugin, placeholders: ["SOURCE": sources]).storeWrite else {
            throw PluginError.storeWriteNotGranted(plugin: plugin.manifest.name)
        }
        guard let store else { throw PluginError.store("no store to import into") }
        let target: any DossierStore
        do { target = try store.store() } catch { throw PluginError.store("\(error)") }
        let pump = RecordPump(reader: try connectorReader(plugin, sources: sources, options: options), strict: strict)
        pump.advance()
        try pump.check()
        let summary: ImportSummary
        do {
            summary = try target.upsert(pump, as: request) { _ in try pump.check() }
        } catch let error as StoreError {
            throw PluginError.store("\(error)")
        }
        try pump.check()
        return ConnectorImport(summary: summary, rejections: pump.rejections)
    }
}

/// One item a connector yields: a checked record, or a rejection.
public enum ConnectorItem: Sendable {
    case record(DossierRecord)
    case rejected(ConnectorRejection)
}

/// What a connector yielded, checked.
public struct ConnectorOutput: Sendable {
    public var records: [DossierRecord] = []
    public var rejections: [ConnectorRejection] = []
}

/// What an import wrote, and what it refused.
public struct ConnectorImport: Sendable {
    public var summary: ImportSummary
    public var rejections: [ConnectorRejection]
}

/// Pulls a connector's records one at a time: for each source, its `read(source, options)`
/// gives an iterator function (called until it returns nil) or an array of records.
final class ConnectorReader {
    private let session: PluginSession
    private let read: LuaReference
    private var sources: [String?]
    private let options: LuaTable
    private let deadlines: DeadlineCalculator
    private var iterator: LuaReference?
    private var array: [LuaValue] = []
    private var position = 0
    private var index = 0

    init(session: PluginSession, read: LuaReference, sources: [String], options: LuaTable, deadlines: DeadlineCalculator) {
        self.session = session
        self.read = read
        self.sources = sources.isEmpty ? [nil] : sources.map(Optional.some)
        self.options = options
        self.deadlines = deadlines
    }

    /// The next record, checked, or rejection; nil when every source is read.
    func next() throws -> ConnectorItem? {
        guard let value = try nextValue() else {
            session.sandbox.output.flush()
            return nil
        }
        defer { index += 1 }
        guard case .table(let table) = value else {
            return .rejected(ConnectorRejection(origin: "record \(index + 1)", key: nil, field: nil,
                                                reason: "a connector must yield tables, got \(value.type.name)"))
        }
        do throws(ConnectorRejection) {
            return .record(try CanonicalRecord.decode(table, index: index, deadlines: deadlines))
        } catch {
            return .rejected(error)
        }
    }

    private func nextValue() throws -> LuaValue? {
        while true {
            if let iterator {
                let value = try call(iterator, []).first ?? .nil
                if value != .nil { return value }
                self.iterator = nil
            } else if position < array.count {
                defer { position += 1 }
                return array[position]
            }
            guard !sources.isEmpty else { return nil }
            let source = sources.removeFirst()
            let first = try call(read, [source.map { .string(LuaString($0)) } ?? .nil, .table(options)]).first ?? .nil
            array = []
            position = 0
            switch first {
            case .function(let function): iterator = function
            case .table(let table): array = table.sequence
            case .nil: break
            default:
                throw PluginError.lua(plugin: session.plugin.manifest.name,
                                      LuaError(.runtime, "read must return an iterator function or an array of records, not a \(first.type.name)"))
            }
        }
    }

    private func call(_ function: LuaReference, _ arguments: [LuaValue]) throws -> [LuaValue] {
        do {
            return try session.sandbox.state.call(function, arguments)
        } catch {
            throw PluginError.lua(plugin: session.plugin.manifest.name, error)
        }
    }
}

/// The records of an import as the store's batch consumes them, one ahead of the store, so
/// that a failure of the connector (or a rejection under `strict`) is known before the record
/// before it is written, and the batch is rolled back instead of committed short.
final class RecordPump: Sequence, IteratorProtocol {
    private let reader: ConnectorReader
    private let strict: Bool
    private var pending: DossierRecord?
    private var failure: (any Error)?
    private var ended = false
    private(set) var rejections: [ConnectorRejection] = []

    init(reader: ConnectorReader, strict: Bool) {
        self.reader = reader
        self.strict = strict
    }

    /// Reads ahead to the next record, collecting rejections on the way.
    func advance() {
        pending = nil
        guard failure == nil, !ended else { return }
        do {
            while let item = try reader.next() {
                switch item {
                case .record(let record):
                    pending = record
                    return
                case .rejected(let rejection):
                    if strict {
                        failure = PluginError.rejected(rejection)
                        return
                    }
                    rejections.append(rejection)
                }
            }
            ended = true
        } catch {
            failure = error
        }
    }

    func next() -> DossierRecord? {
        guard let current = pending else { return nil }
        advance()
        return current
    }

    /// Throws the failure met so far, if any.
    func check() throws {
        if let failure { throw failure }
    }
}
