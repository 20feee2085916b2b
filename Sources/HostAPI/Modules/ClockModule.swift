import Domain
import Foundation
import LuaBridge

/// `clock`: the host's clock (``HostClock``), which `--now` and spec files set.
struct ClockModule {
    let environment: HostEnvironment

    init(_ environment: HostEnvironment) { self.environment = environment }

    static let guide = """
        Every deadline a script computes is measured against this clock, never against the \
        machine's own, so a report run with `hostrun --now "25/05/2026 17:00"` (or a spec file \
        under `hostrun test`) gives the same answer on any day. Without `--now` it follows the \
        system time. `os.time()` still reads the machine's clock: use `clock.now()`.
        """

    var module: HostModule {
        let clock = environment.clock
        let time = environment.time
        let controls = environment.controlsClock
        return HostModule("clock", "The host's clock: now, today, and (in spec files) setting it.", since: "0.1") {
            HostFunction("now", "The current time of the host's clock.",
                         returns: [.init(.integer, "seconds since 1970")], since: "0.1") { call in
                call.returning(HostTime.seconds(clock.now()))
            }
            HostFunction("today", "Today's date on the host's clock, in the centre's zone.",
                         returns: [.init(.integer, "the first second of today")], since: "0.1") { call in
                call.returning(HostTime.seconds(time.localDate(clock.now()), in: time))
            }
            HostFunction("set", "Sets the clock, which then stands still (spec files run by `hostrun test` only).",
                         parameters: [.init("at", "integer|string", "the new time, e.g. \"25/05/2026 17:00\"")],
                         since: "0.1") { call in
                try Self.requireControl(controls, call)
                clock.set(try call.time(1, in: time))
                return 0
            }
            HostFunction("advance", "Moves the clock forward (spec files run by `hostrun test` only).",
                         parameters: [.init("by", "integer|ClockStep", "seconds, or {days=, hours=, minutes=, seconds=}")],
                         returns: [.init(.integer, "the new time")], since: "0.1") { call in
                try Self.requireControl(controls, call)
                clock.advance(by: try Self.step(call))
                return call.returning(HostTime.seconds(clock.now()))
            }
        }
    }

    static let classes = [
        DocumentedClass("ClockStep", "How far `clock.advance` moves the clock; every field optional.", fields: [
            .init("days", HostType.integer.optional, "calendar days"),
            .init("hours", HostType.integer.optional, "hours"),
            .init("minutes", HostType.integer.optional, "minutes"),
            .init("seconds", HostType.integer.optional, "seconds"),
        ]),
    ]

    static let stepFields = ["days": 86_400, "hours": 3_600, "minutes": 60, "seconds": 1]

    private static func step(_ call: LuaCall) throws -> TimeInterval {
        if call.stack.type(at: 1) == .number { return TimeInterval(try call.integer(1)) }
        let options = try OptionsTable(call, 1, allowed: Set(stepFields.keys))
        if call.stack.type(at: 1) != .table {
            throw call.argumentError(1, "integer or table expected, got \(call.stack.typeDescription(at: 1))")
        }
        var seconds = 0
        for (field, unit) in stepFields {
            seconds += (try options.integer(field) ?? 0) * unit
        }
        return TimeInterval(seconds)
    }

    private static func requireControl(_ controls: Bool, _ call: LuaCall) throws {
        guard controls else {
            throw LuaRuntimeMessage("\(call.functionName): only spec files run by `hostrun test` may change the clock (use --now to set it for a script)")
        }
    }
}
