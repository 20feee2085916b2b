import Domain
import Foundation
import LuaBridge
import Store

/// `stats`: a period's figures, breakdowns, service indicators and feedback figures, computed
/// by the store (SQL aggregation), never by looping over dossiers in Lua.
struct StatsModule {
    let environment: HostEnvironment

    init(_ environment: HostEnvironment) { self.environment = environment }

    static let guide = """
        `stats.figures(period.range("01/01/2026", "25/05/2026"))` returns section I of the \
        periodic report as numbers: received (carried over, new online, in person, postal), \
        finished (early, on time, late, refused, withdrawn), in progress (within the limit, \
        overdue, supplement requested, awaiting payment), the service indicators with their \
        definitions, and the feedback figures. `by = {"field"}` adds the rows of the statistics \
        table, whose sum is the whole. The identities of the figures always hold \
        (`f.identities_hold`).

        The default layout is the seed report's: withdrawn and clock-stopped dossiers on lines \
        of their own; `layout = "provincial"` files a withdrawn dossier as on time and a \
        clock-stopped one as within the limit, as some provincial systems do.

        In a store shared by several centres, `by = {"centre"}` is the city's roll-up: one row \
        per ward, whose sum is the whole. Under `--centre NAME` every figure is that centre's \
        alone; feedback items name no centre and count for the store's configured centre only \
        (`hostrun db centre`).
        """

    static let breakdowns = ["field", "procedure", "department", "channel", "source", "centre"]

    var module: HostModule {
        let environment = self.environment
        return HostModule("stats", "A period's figures, breakdowns, indicators and feedback, computed by the store.", since: "0.1") {
            HostFunction("figures", "The figures of a period, with indicators, feedback and any breakdowns asked for.",
                         parameters: [.init("period", "Period", "the reporting period"),
                                      .init("opts", "FiguresOptions?", "{layout =, by =, as_of =, indicators =}")],
                         returns: [.init("Figures", "every counter, indicators, feedback and breakdowns")], since: "0.1") { call in
                let period = try PeriodModule.period(call, 1)
                let request = try FiguresRequest(call, environment)
                let classifier = PeriodClassifier(period: period, asOf: request.asOf(period, environment), time: environment.time)
                let result = try environment.storeOperation(call) { store in try request.compute(store, classifier) }
                var table = result
                table["period"] = .userdata(try Self.reference(call, PeriodObject(period, time: environment.time)))
                return call.returning(table)
            }
            HostFunction("labels", "The Vietnamese line of every counter, as reports print it.",
                         returns: [.init("table<string, string>", "counter name → line, e.g. carried_over → \"Từ kỳ trước chuyển sang\"")],
                         since: "0.1") { call in
                call.returning(Dictionary(uniqueKeysWithValues: FigureCounter.allCases.map { ($0.rawValue, $0.vietnameseName) }))
            }
            HostFunction("indicator_definitions", "The default service indicators: ids, names, definitions and terms.",
                         returns: [.init("Indicator[]", "without values")], since: "0.1") { call in
                call.returning(LuaTable(sequence: ServiceIndicator.defaults.map { .table(FiguresTable.definitionTable($0)) }))
            }
        }
    }

    /// A userdata pushed and held as a value, to sit in a result table.
    private static func reference(_ call: LuaCall, _ object: PeriodObject) throws -> LuaReference {
        call.push(userdata: object, as: PeriodObject.type)
        defer { call.stack.pop() }
        guard case .userdata(let reference) = try call.stack.read(LuaValue.self, at: -1) else {
            throw LuaRuntimeMessage("stats.figures: cannot hold the period")
        }
        return reference
    }
}

/// The options of one `stats.figures` call, and the computation they ask for.
private struct FiguresRequest {
    var layout: ReportLayout
    var dimensions: [BreakdownDimension]
    var asOf: Date?
    var indicators: [ServiceIndicator]

    init(_ call: LuaCall, _ environment: HostEnvironment) throws {
        let options = try OptionsTable(call, 2, allowed: ["layout", "by", "as_of", "indicators"])
        layout = try options.choice("layout", as: ReportLayout.self) ?? .seed
        dimensions = try (options.strings("by") ?? []).map { name in
            guard let dimension = BreakdownDimension(rawValue: name) else {
                throw options.error("by", "'\(name)' is not one of \(StatsModule.breakdowns.joined(separator: ", "))")
            }
            return dimension
        }
        asOf = try options.time("as_of", in: environment.time)
        indicators = ServiceIndicator.defaults
        if let custom = try options.value("indicators", as: [LuaTable].self) {
            indicators = try custom.enumerated().map { offset, table in
                try Self.indicator(table, options.error("indicators", "[\(offset + 1)]: expected {id =, name =, numerator = {...}, denominator = {...}}"))
            }
        }
    }

    /// The default as-of: the end of the period (the classifier's own default), or the
    /// clock's now if earlier (an interim report knows nothing after now).
    func asOf(_ period: ReportingPeriod, _ environment: HostEnvironment) -> Date? {
        if let asOf { return asOf }
        let now = environment.clock.now()
        return now < environment.time.startOfDay(period.to.adding(days: 1)) ? now : nil
    }

    private static func indicator(_ table: LuaTable, _ error: LuaArgumentError) throws -> ServiceIndicator {
        func terms(_ key: String) throws -> [FigureCounter] {
            guard case .table(let list) = table[key], list.fields.isEmpty, !list.sequence.isEmpty else { throw error }
            return try list.sequence.map { value in
                guard let name = value.stringValue, let counter = FigureCounter(rawValue: name) else {
                    throw LuaArgumentError(position: error.position, function: error.function,
                                           reason: "field 'indicators': unknown counter '\(value.stringValue ?? value.type.name)' in \(key)")
                }
                return counter
            }
        }
        guard let id = table["id"].stringValue, let name = table["name"].stringValue else { throw error }
        let definition = table["definition"].stringValue ?? ""
        return ServiceIndicator(id: id, nameVi: name, nameEn: name, definitionVi: definition, definitionEn: definition,
                                numerator: try terms("numerator"), denominator: try terms("denominator"))
    }

    func compute(_ store: any DossierStore, _ classifier: PeriodClassifier) throws -> LuaTable {
        let figures = try store.periodFigures(classifier).arranged(as: layout)
        var table = FiguresTable.counters(figures)
        table["as_of"] = .integer(HostTime.seconds(classifier.asOf))
        table["layout"] = .string(LuaString(layout.rawValue))
        table["indicators"] = .table(LuaTable(sequence: indicators.map { FiguresTable.indicator($0, figures) }))
        var feedback = FeedbackFigures()
        try store.feedbackItems(received: nil).forEach { item in
            if let placement = classifier.placement(of: item) { feedback.add(placement) }
        }
        table["feedback"] = .table(FiguresTable.feedback(feedback))
        guard !dimensions.isEmpty else { return table }
        let procedureNames = dimensions.contains(.procedure)
            ? Dictionary(try store.procedures().map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a }) : [:]
        var by = LuaTable()
        for dimension in dimensions {
            let rows = try store.periodFigures(classifier, by: dimension).mapValues { $0.arranged(as: layout) }
            let ordered = rows.keys.sorted { a, b in
                rows[a]!.received != rows[b]!.received ? rows[a]!.received > rows[b]!.received : a < b
            }
            by[dimension.rawValue] = .table(LuaTable(sequence: ordered.map { key in
                var row = FiguresTable.counters(rows[key]!)
                row["key"] = .string(LuaString(key))
                let label = dimension == .channel ? Channel(rawValue: key)?.vietnameseName : procedureNames[key]
                row["label"] = .string(LuaString(label ?? key))
                return .table(row)
            }))
        }
        table["by"] = .table(by)
        return table
    }
}
