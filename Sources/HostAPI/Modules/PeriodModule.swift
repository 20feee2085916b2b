import Domain
import Foundation
import LuaBridge

/// `period`: reporting periods from dates or from a year and its half, quarter or month.
struct PeriodModule {
    let environment: HostEnvironment

    init(_ environment: HostEnvironment) { self.environment = environment }

    static let guide = """
        A period runs from its first day to its last, both included, in the centre's zone: \
        `period.half_year(2026, 1)` is 01/01/2026–30/06/2026 and `period.range("01/01/2026", \
        "25/05/2026")` the seed report's period. Give one to `stats.figures` for its figures, or \
        to `d:classify` for the cell a dossier falls in; `p:months()` cuts it into months for \
        monthly columns.
        """

    var module: HostModule {
        let time = environment.time
        func make(_ call: LuaCall, _ from: LocalDate?, _ to: LocalDate?) throws -> Int32 {
            guard let from, let to else { throw LuaRuntimeMessage("\(call.functionName): no such period") }
            do {
                call.push(userdata: PeriodObject(try ReportingPeriod(from: from, to: to), time: time), as: PeriodObject.type)
                return 1
            } catch let error as DomainError {
                throw LuaRuntimeMessage("\(call.functionName): \(error)")
            }
        }
        func year(_ call: LuaCall) throws -> Int {
            let year = try call.integer(1)
            guard (1900...9999).contains(year) else { throw call.argumentError(1, "year must be between 1900 and 9999") }
            return Int(year)
        }
        func part(_ call: LuaCall, _ count: Int64) throws -> Int {
            let n = try call.integer(2)
            guard (1...count).contains(n) else { throw call.argumentError(2, "must be between 1 and \(count)") }
            return Int(n)
        }
        func months(_ call: LuaCall, _ y: Int, first: Int, count: Int) throws -> Int32 {
            let last = first + count - 1
            let end = (last == 12 ? LocalDate(year: y + 1, month: 1, day: 1) : LocalDate(year: y, month: last + 1, day: 1))?.adding(days: -1)
            return try make(call, LocalDate(year: y, month: first, day: 1), end)
        }
        return HostModule("period", "Reporting periods: years, halves, quarters, months and ranges of dates.", since: "0.1") {
            HostFunction("range", "A period from one date to another, both included.",
                         parameters: [.init("from", "integer|string", "the first day, e.g. \"01/01/2026\""),
                                      .init("to", "integer|string", "the last day, e.g. \"25/05/2026\"")],
                         returns: [.init("Period", "the period")], since: "0.1") { call in
                try make(call, try call.date(1, in: time), try call.date(2, in: time))
            }
            HostFunction("year", "A calendar year.",
                         parameters: [.init("year", .integer, "e.g. 2026")],
                         returns: [.init("Period", "01/01–31/12")], since: "0.1") { call in
                try months(call, try year(call), first: 1, count: 12)
            }
            HostFunction("half_year", "The first or second half of a year.",
                         parameters: [.init("year", .integer, "e.g. 2026"), .init("half", .integer, "1 (January–June) or 2")],
                         returns: [.init("Period", "the six months")], since: "0.1") { call in
                try months(call, try year(call), first: (try part(call, 2) - 1) * 6 + 1, count: 6)
            }
            HostFunction("quarter", "A quarter of a year.",
                         parameters: [.init("year", .integer, "e.g. 2026"), .init("quarter", .integer, "1 to 4")],
                         returns: [.init("Period", "the three months")], since: "0.1") { call in
                try months(call, try year(call), first: (try part(call, 4) - 1) * 3 + 1, count: 3)
            }
            HostFunction("month", "A month of a year.",
                         parameters: [.init("year", .integer, "e.g. 2026"), .init("month", .integer, "1 to 12")],
                         returns: [.init("Period", "the month")], since: "0.1") { call in
                try months(call, try year(call), first: try part(call, 12), count: 1)
            }
        }
    }

    /// Argument `position` as a period.
    static func period(_ call: LuaCall, _ position: Int32) throws(LuaArgumentError) -> ReportingPeriod {
        try call.userdata(position, as: PeriodObject.type).period
    }
}
