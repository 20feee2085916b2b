import Domain
import Foundation
import LuaBridge
import Store

/// `dossiers`: the dossiers of the store, read-only: one by code, streamed by query, counted and
/// grouped by the store itself.
struct DossiersModule {
    let environment: HostEnvironment

    init(_ environment: HostEnvironment) { self.environment = environment }

    static let guide = """
        Scripts read the store; they never change it (only connector plugins import, through \
        the host's validated path). `dossiers.query` streams: \
        `for d in dossiers.query{status = "processing", field = "Hộ tịch", due_before = "25/05/2026"} do` \
        holds one small batch at a time however many dossiers match, and leaving the loop \
        early closes the query. `dossiers.count` and `dossiers.group_by` are answered by the \
        store (SQL), not by looping in Lua: prefer them for numbers.

        A dossier seen by several systems (the same code from two sources) is counted once: \
        queries return the primary record unless `scope = "all"`. Applicants' personal data is \
        masked unless the script is granted it (`--allow-personal-data`, or `personal_data = \
        true` in a plugin's manifest and allowed by the operator).

        In a store shared by several centres (wards), a run with `--centre NAME` sees that \
        centre's dossiers only: every query, count and group is that centre's, with no change \
        to the script. `group_by("centre")` counts per centre.
        """

    static let dimensions = ["field", "procedure", "department", "channel", "source", "centre", "status"]

    static let classes = [
        QueryOptions.documentation,
        DocumentedClass("GroupCount", "One group of `dossiers.group_by`.", fields: [
            .init("key", .string, "the group's value: a field, procedure code, department, channel, source, centre or status"),
            .init("label", HostType.string.optional, "a readable name for codes: the procedure's name, the channel's Vietnamese name"),
            .init("count", .integer, "dossiers in the group"),
        ]),
    ]

    var module: HostModule {
        let environment = self.environment
        return HostModule("dossiers", "The store's dossiers: get one, stream a query, count and group in the store.", since: "0.1") {
            HostFunction("get", "One dossier by its code (the primary record when several systems have it), or by code and source.",
                         parameters: [.init("code", .string, "the dossier's code"),
                                      .init("source", HostType.string.optional, "the source system")],
                         returns: [.init("Dossier?", "the dossier with its history, or nil")], since: "0.1") { call in
                let code = try call.string(1)
                let source = try call.optional(2, as: String.self)
                let dossier = try environment.storeOperation(call) { store -> Dossier? in
                    if let source { return try store.dossier(DossierKey(source: source, code: code)) }
                    guard let primary = try store.linkGroup(code: code).first else { return nil }
                    return try store.dossier(primary)
                }
                guard let dossier else { return call.returning(LuaValue.nil) }
                call.push(userdata: DossierObject(dossier, environment: environment, historyLoaded: true), as: DossierObject.type)
                return 1
            }
            HostFunction("query", "Streams the dossiers a query selects: `for d in dossiers.query{...} do`.",
                         parameters: [.init("opts", "QueryOptions?", "filters, order and limit")],
                         returns: [.init("fun(): Dossier?", "the iterator of a generic for")], since: "0.1") { call in
                let query = try QueryOptions.read(call, 1, environment)
                let cursor = try environment.storeOperation(call) { try $0.dossiers(query) }
                return DossierStream(cursor: cursor, environment: environment, historyLoaded: query.includeHistory)
                    .pushForLoop(call)
            }
            HostFunction("count", "How many dossiers a query selects, counted by the store.",
                         parameters: [.init("opts", "QueryOptions?", "filters (order and limit are ignored)")],
                         returns: [.init(.integer, "the number of dossiers")], since: "0.1") { call in
                let query = try QueryOptions.read(call, 1, environment)
                return call.returning(try environment.storeOperation(call) { try $0.count(query) })
            }
            HostFunction("group_by", "How many dossiers a query selects per field, procedure, department, channel, source, centre or status, counted by the store.",
                         parameters: [.init("dimension", .string, "field, procedure, department, channel, source, centre or status"),
                                      .init("opts", "QueryOptions?", "filters (order and limit are ignored)")],
                         returns: [.init("GroupCount[]", "one entry per value with dossiers, by key")], since: "0.1") { call in
                let dimension = try call.string(1)
                guard Self.dimensions.contains(dimension) else {
                    throw call.argumentError(1, "'\(dimension)' is not one of \(Self.dimensions.joined(separator: ", "))")
                }
                let query = try QueryOptions.read(call, 2, environment)
                let groups = try environment.storeOperation(call) { store in try Self.groups(store, query, dimension) }
                return call.returning(LuaTable(sequence: groups))
            }
        }
    }

    /// The groups of a dimension; `status` counts each status in the store.
    private static func groups(_ store: any DossierStore, _ query: DossierQuery, _ dimension: String) throws -> [LuaValue] {
        func entry(_ key: String, _ label: String?, _ count: Int) -> LuaValue {
            var table = LuaTable()
            table["key"] = .string(LuaString(key))
            table["label"] = label.map { .string(LuaString($0)) } ?? .nil
            table["count"] = .integer(Int64(count))
            return .table(table)
        }
        if dimension == "status" {
            var result: [LuaValue] = []
            for status in DossierStatus.allCases.sorted(by: { $0.rawValue < $1.rawValue })
            where query.statuses?.contains(status) ?? true {
                var one = query
                one.statuses = [status]
                let count = try store.count(one)
                if count > 0 { result.append(entry(status.rawValue, nil, count)) }
            }
            return result
        }
        let breakdown = BreakdownDimension(rawValue: dimension)!
        let names = breakdown == .procedure
            ? Dictionary(try store.procedures().map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a }) : [:]
        return try store.groupCount(query, by: breakdown).map { group in
            let label = breakdown == .channel ? Channel(rawValue: group.key)?.vietnameseName : names[group.key]
            return entry(group.key, label, group.count)
        }
    }
}
