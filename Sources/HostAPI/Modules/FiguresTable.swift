import Domain
import LuaBridge

/// Period figures, indicators and feedback figures as the tables `stats.figures` returns.
enum FiguresTable {
    /// Every counter by name (`received`, `carried_over`, `new_online`, …, `new`,
    /// `clock_stopped`), plus `identities_hold`.
    static func counters(_ figures: PeriodFigures) -> LuaTable {
        var table = LuaTable()
        for counter in FigureCounter.allCases {
            table[counter.rawValue] = .integer(Int64(figures[counter]))
        }
        table["identities_hold"] = .boolean(figures.identitiesHold)
        return table
    }

    static func indicator(_ definition: ServiceIndicator, _ figures: PeriodFigures) -> LuaValue {
        let value = definition.evaluate(figures)
        var table = definitionTable(definition)
        table["numerator"] = .integer(Int64(value.numerator))
        table["denominator"] = .integer(Int64(value.denominator))
        table["value"] = value.percent.map { .number($0) } ?? .nil
        return .table(table)
    }

    static func definitionTable(_ definition: ServiceIndicator) -> LuaTable {
        var table = LuaTable()
        table["id"] = .string(LuaString(definition.id))
        table["name"] = .string(LuaString(definition.nameVi))
        table["name_en"] = .string(LuaString(definition.nameEn))
        table["definition"] = .string(LuaString(definition.definitionVi))
        table["definition_en"] = .string(LuaString(definition.definitionEn))
        table["numerator_terms"] = .table(LuaTable(sequence: definition.numerator.map { .string(LuaString($0.rawValue)) }))
        table["denominator_terms"] = .table(LuaTable(sequence: definition.denominator.map { .string(LuaString($0.rawValue)) }))
        return table
    }

    static func feedback(_ figures: FeedbackFigures) -> LuaTable {
        var table = LuaTable()
        table["carried_over"] = .integer(Int64(figures.carriedOver))
        table["received"] = .integer(Int64(figures.received))
        table["handled"] = .integer(Int64(figures.handled))
        table["handled_on_time"] = .integer(Int64(figures.handledOnTime))
        table["rejected"] = .integer(Int64(figures.rejected))
        table["open"] = .integer(Int64(figures.open))
        return table
    }

    static let classes = [
        DocumentedClass("Figures", "The figures of a period (section I of a report), each counter by name; `stats.labels()` gives their Vietnamese lines.", fields:
            FigureCounter.allCases.map { HostParameter($0.rawValue, .integer, $0.vietnameseName) } + [
                .init("identities_hold", .boolean, "received = carried over + new = finished + in progress, and so on"),
                .init("period", "Period", "the period"),
                .init("as_of", .integer, "what the figures know: events after it are ignored"),
                .init("layout", .string, "seed or provincial"),
                .init("indicators", "Indicator[]", "the service indicators, in order"),
                .init("feedback", "FeedbackFigures", "citizens' feedback (PAKN)"),
                .init("by", "table<string, FiguresRow[]>?", "breakdowns asked for with `by`, rows by most received"),
            ]),
        DocumentedClass("FiguresRow", "One row of a breakdown: the figures of one field, procedure, department, channel, source or centre.", fields: [
            .init("key", .string, "the row's value (a procedure code, `online`, …)"),
            .init("label", .string, "a readable name: the procedure's name, the channel's Vietnamese name, else the key"),
        ] + FigureCounter.allCases.map { HostParameter($0.rawValue, .integer, $0.vietnameseName) }),
        DocumentedClass("Indicator", "A service indicator's value, printed with its definition.", fields: [
            .init("id", .string, "digitisation, data_reuse, online_payment, online, fully_online, on_time, or a custom id"),
            .init("name", .string, "its Vietnamese name"),
            .init("name_en", .string, "its English name"),
            .init("definition", .string, "its Vietnamese definition"),
            .init("definition_en", .string, "its English definition"),
            .init("numerator", .integer, "the sum of the numerator's counters"),
            .init("denominator", .integer, "the sum of the denominator's counters"),
            .init("value", HostType.number.optional, "the rate in percent, rounded to two decimals; nil when the denominator is 0"),
            .init("numerator_terms", "string[]", "counter names summed above the line"),
            .init("denominator_terms", "string[]", "counter names summed below the line"),
        ]),
        DocumentedClass("IndicatorDefinition", "A custom indicator for `stats.figures{indicators = ...}`.", fields: [
            .init("id", .string, "a stable name"),
            .init("name", .string, "its name as printed"),
            .init("definition", HostType.string.optional, "its definition as printed"),
            .init("numerator", "string[]", "counter names to sum above the line"),
            .init("denominator", "string[]", "counter names to sum below the line"),
        ]),
        DocumentedClass("FeedbackFigures", "Citizens' feedback (PAKN) of a period.", fields: [
            .init("carried_over", .integer, "received before the period, open at its start"),
            .init("received", .integer, "received in the period"),
            .init("handled", .integer, "answered by the end of the period"),
            .init("handled_on_time", .integer, "answered by the due date"),
            .init("rejected", .integer, "not accepted for handling"),
            .init("open", .integer, "still open at the end"),
        ]),
        DocumentedClass("FiguresOptions", "Options of `stats.figures`.", fields: [
            .init("layout", HostType.string.optional, "\"seed\" (default: withdrawn and clock-stopped on their own lines) or \"provincial\""),
            .init("by", "string|string[]?", "breakdowns: field, procedure, department, channel, source, centre (one row per ward)"),
            .init("as_of", "integer|string?", "what is known (default: the end of the period, or clock.now() if earlier)"),
            .init("indicators", "IndicatorDefinition[]?", "indicators to compute instead of the defaults"),
        ]),
    ]
}
