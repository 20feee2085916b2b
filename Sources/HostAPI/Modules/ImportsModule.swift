import Foundation
import LuaBridge
import Store

/// `imports`: the batches that wrote the store, so a script (the `source-silent` check, say) can
/// tell when each feed last delivered.
struct ImportsModule {
    let environment: HostEnvironment

    init(_ environment: HostEnvironment) { self.environment = environment }

    static let guide = """
        Every write to the store is a batch recorded under the connector that made it \
        (`canonical`, `dvcqg`, `demo:ward`, …), with its start and end time and what it did. \
        A batch that wrote nothing new still counts: `unchanged` says how many records it \
        found as they were, so a feed that delivers the same data every night is not silent. \
        Failed and dry-run batches leave no trace.
        """

    static let classes = [
        DocumentedClass("ImportBatch", "One batch that wrote the store.", fields: [
            .init("connector", .string, "the connector or script that wrote it"),
            .init("batch_id", .string, "the batch's unique id"),
            .init("started_at", .integer, "when it began"),
            .init("finished_at", HostType.integer.optional, "when it committed"),
            .init("inserted", .integer, "records new to the store"),
            .init("updated", .integer, "records changed"),
            .init("unchanged", .integer, "records found as they were"),
            .init("history_appended", .integer, "status changes appended"),
        ]),
    ]

    /// Most batches `imports.recent` returns at once.
    static let recentLimit: Int64 = 10_000

    var module: HostModule {
        let environment = self.environment
        return HostModule("imports", "The store's import batches: what each connector wrote, and when.", since: "0.1") {
            HostFunction("recent", "The most recent batches, newest first.",
                         parameters: [.init("limit", HostType.integer.optional, "how many (default 20, at most 10000)")],
                         returns: [.init("ImportBatch[]", "newest first")], since: "0.1") { call in
                let limit = try call.optional(1, as: Int64.self) ?? 20
                guard (0...Self.recentLimit).contains(limit) else {
                    throw call.argumentError(1, "must be between 0 and \(Self.recentLimit)")
                }
                let batches = try environment.storeOperation(call) { try $0.imports(limit: Int(limit)) }
                return call.returning(LuaTable(sequence: batches.map(Self.table)))
            }
            HostFunction("latest", "The latest batch of every connector that ever wrote the store.",
                         returns: [.init("ImportBatch[]", "one per connector, by connector name")], since: "0.1") { call in
                // The imports table holds one row per batch (a few a day), so reading it whole
                // is cheap; the first row of each connector, newest first, is its latest.
                let batches = try environment.storeOperation(call) { try $0.imports(limit: Int.max) }
                var latest: [String: ImportRecord] = [:]
                for batch in batches where latest[batch.connector] == nil { latest[batch.connector] = batch }
                let sorted = latest.values.sorted { $0.connector < $1.connector }
                return call.returning(LuaTable(sequence: sorted.map(Self.table)))
            }
        }
    }

    private static func table(_ batch: ImportRecord) -> LuaValue {
        var table = LuaTable()
        table["connector"] = .string(LuaString(batch.connector))
        table["batch_id"] = .string(LuaString(batch.batchID))
        table["started_at"] = .integer(HostTime.seconds(batch.startedAt))
        table["finished_at"] = batch.finishedAt.map { .integer(HostTime.seconds($0)) } ?? .nil
        table["inserted"] = .integer(Int64(batch.inserted))
        table["updated"] = .integer(Int64(batch.updated))
        table["unchanged"] = .integer(Int64(batch.unchanged))
        table["history_appended"] = .integer(Int64(batch.historyAppended))
        return .table(table)
    }
}
