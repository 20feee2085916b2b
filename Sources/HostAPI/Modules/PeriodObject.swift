import Domain
import Foundation
import LuaBridge

/// A reporting period as scripts hold it: the `Period` userdata of `period.*`, taken by
/// `stats.figures` and `d:classify`.
final class PeriodObject {
    let period: ReportingPeriod
    let time: CentreTime

    init(_ period: ReportingPeriod, time: CentreTime) {
        self.period = period
        self.time = time
    }

    static let type = LuaUserdataType<PeriodObject>(
        "Period", "A reporting period: from and to, both dates inclusive, in the centre's zone.",
        methods: [
            LuaMethod("contains", "Whether a time falls on a day of the period.",
                      parameters: [.init("t", "integer|string", "the time")],
                      returns: [.init(.boolean, "true when its day is within from..to")]) { object, call in
                call.returning(object.period.contains(try call.date(2, in: object.time)))
            },
            LuaMethod("months", "The period cut at month boundaries: one period per calendar month it touches.",
                      returns: [.init("Period[]", "in order; the first and last may be partial months")]) { object, call in
                var pieces: [ReportingPeriod] = []
                var start = object.period.from
                while start <= object.period.to {
                    let (year, month, _) = start.civil
                    let nextMonth = month == 12 ? LocalDate(year: year + 1, month: 1, day: 1)! : LocalDate(year: year, month: month + 1, day: 1)!
                    let end = min(nextMonth.adding(days: -1), object.period.to)
                    pieces.append(try ReportingPeriod(from: start, to: end))
                    start = nextMonth
                }
                return call.returning(pieces.map { PeriodBox(PeriodObject($0, time: object.time)) })
            },
        ],
        properties: [
            LuaProperty("from", .integer, "the first day (its first second)") { HostTime.seconds($0.period.from, in: $0.time) },
            LuaProperty("to", .integer, "the last day, included (its first second)") { HostTime.seconds($0.period.to, in: $0.time) },
            LuaProperty("days", .integer, "calendar days in the period") { $0.period.dayCount },
            LuaProperty("label", .string, "\"01/01/2026–25/05/2026\"") { $0.period.description },
        ])
}

/// Pushes a period as its userdata, so that arrays of periods convert like any value.
struct PeriodBox: IntoLua {
    let object: PeriodObject

    init(_ object: PeriodObject) { self.object = object }

    func push(onto stack: LuaStack) {
        stack.push(userdata: object, as: PeriodObject.type)
    }
}
