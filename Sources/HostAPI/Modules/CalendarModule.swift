import Domain
import Foundation
import LuaBridge

/// `calendar`: the working-day calendar (weekends, public holidays, make-up working days) and
/// due dates under the centre's rules.
struct CalendarModule {
    let environment: HostEnvironment

    init(_ environment: HostEnvironment) { self.environment = environment }

    static let guide = """
        Working days are Monday to Friday, minus the public holidays of the holiday files, plus \
        the Saturdays declared make-up working days (Sat 22/08/2026, say). Files are shipped for \
        2025–2027; `calendar.has_holidays(year)` tells whether a year is covered.

        Dates are times (the first second of the day in the centre's zone) or text such as \
        "25/05/2026". Counting follows the deadline rules: a limit of n working days runs from \
        the next working day after receipt, so `calendar.add_working_days("22/05/2026", 1)` is \
        Monday 25/05/2026.
        """

    static let classes = [
        DocumentedClass("Holiday", "A day a holiday file lists.", fields: [
            .init("date", .integer, "the day (its first second)"),
            .init("name", .string, "its name as the government notice writes it"),
            .init("working", .boolean, "true for a make-up working day, false for a day off"),
        ]),
        DocumentedClass("DueDateOptions", "Options of `calendar.due_date`.", fields: [
            .init("cutoff", HostType.string.optional, "afternoon cut-off \"HH:mm\": receipts after it count from the next working day"),
        ]),
        DocumentedClass("TimeLimit", "A procedure's time limit: `{days = 5}` working days or `{hours = 4}` working hours.", fields: [
            .init("days", HostType.integer.optional, "working days"),
            .init("hours", HostType.integer.optional, "working hours within office hours"),
        ]),
    ]

    var module: HostModule {
        let deadlines = environment.deadlines
        let calendar = deadlines.calendar
        let time = environment.time
        return HostModule("calendar", "Working days, public holidays and due dates.", since: "0.1") {
            HostFunction("is_working_day", "Whether a date is a working day.",
                         parameters: [.init("date", "integer|string", "the date")],
                         returns: [.init(.boolean, "true on a working day")], since: "0.1") { call in
                call.returning(calendar.isWorkingDay(try call.date(1, in: time)))
            }
            HostFunction("next_working_day", "The date itself if it is a working day, else the next working day.",
                         parameters: [.init("date", "integer|string", "the date")],
                         returns: [.init(.integer, "the working day")], since: "0.1") { call in
                call.returning(HostTime.seconds(calendar.workingDay(onOrAfter: try call.date(1, in: time)), in: time))
            }
            HostFunction("add_working_days", "The nth working day after a date (not counting the date itself).",
                         parameters: [.init("date", "integer|string", "the date counted from"),
                                      .init("n", .integer, "how many working days, 0 or more")],
                         returns: [.init(.integer, "the date n working days later")], since: "0.1") { call in
                let date = try call.date(1, in: time)
                let n = try call.integer(2)
                guard n >= 0, n <= 100_000 else { throw call.argumentError(2, "must be between 0 and 100000") }
                return call.returning(HostTime.seconds(calendar.workingDay(Int(n), after: date), in: time))
            }
            HostFunction("working_days_between", "Working days after `from` up to and including `to` (negative when `to` is earlier).",
                         parameters: [.init("from", "integer|string", "the first date (not counted)"),
                                      .init("to", "integer|string", "the last date (counted)")],
                         returns: [.init(.integer, "the number of working days")], since: "0.1") { call in
                call.returning(calendar.workingDays(from: try call.date(1, in: time), to: try call.date(2, in: time)))
            }
            HostFunction("holidays", "The days a year's holiday file lists: days off and make-up working days, by date.",
                         parameters: [.init("year", .integer, "the year, e.g. 2026")],
                         returns: [.init("Holiday[]", "empty when no file covers the year")], since: "0.1") { call in
                let year = try call.integer(1)
                guard let file = calendar.years[Int(year)] else { return call.returning(LuaTable()) }
                let days = (file.daysOff.map { ($0, false) } + file.workingDays.map { ($0, true) })
                    .sorted { $0.0.date < $1.0.date }
                return call.returning(LuaTable(sequence: days.map { day, working -> LuaValue in
                    ["date": .integer(HostTime.seconds(day.date, in: time)), "name": .string(LuaString(day.name)),
                     "working": .boolean(working)]
                }))
            }
            HostFunction("has_holidays", "Whether a holiday file covers a year (without one only weekends are known).",
                         parameters: [.init("year", .integer, "the year")],
                         returns: [.init(.boolean, "true when the year's holidays are known")], since: "0.1") { call in
                call.returning(calendar.hasHolidayData(for: Int(try call.integer(1))))
            }
            HostFunction("due_date", "The due time of a dossier received at a time, under the centre's rules.",
                         parameters: [.init("received_at", "integer|string", "when it was received"),
                                      .init("limit", "integer|TimeLimit", "working days, or {days = n} or {hours = n}"),
                                      .init("opts", "DueDateOptions?", "{cutoff = \"15:00\"}")],
                         returns: [.init(.integer, "the due time (the close of office hours for a limit in days)")],
                         since: "0.1") { call in
                let received = try call.time(1, in: time)
                let limit = try Self.timeLimit(call, 2)
                let options = try OptionsTable(call, 3, allowed: ["cutoff"])
                var cutoff: LocalTime?
                if let text = try options.string("cutoff") {
                    do throws(DateParseError) {
                        cutoff = try LocalTime(parsing: text)
                    } catch {
                        throw options.error("cutoff", error.description)
                    }
                }
                return call.returning(HostTime.seconds(deadlines.dueAt(receivedAt: received, limit: limit, cutoff: cutoff)))
            }
        }
    }

    /// Argument `position` as a time limit: an integer of working days or `{days=}`/`{hours=}`.
    static func timeLimit(_ call: LuaCall, _ position: Int32) throws -> TimeLimit {
        if call.stack.type(at: position) == .number {
            let days = try call.integer(position)
            guard days > 0, days <= 10_000 else { throw call.argumentError(position, "a limit must be 1 to 10000 working days") }
            return .workingDays(Int(days))
        }
        guard call.stack.type(at: position) == .table else {
            throw call.argumentError(position, "integer or table expected, got \(call.stack.typeDescription(at: position))")
        }
        let options = try OptionsTable(call, position, allowed: ["days", "hours"])
        switch (try options.integer("days"), try options.integer("hours")) {
        case let (days?, nil) where days > 0 && days <= 10_000: return .workingDays(days)
        case let (nil, hours?) where hours > 0 && hours <= 100_000: return .workingHours(hours)
        default: throw call.argumentError(position, "expected {days = n} or {hours = n} with n > 0")
        }
    }
}
