import Domain
import Foundation
import Scheduling
import Testing

/// Builds `ConfigValue` tables tersely: `t(["name": s("overdue")])`.
func t(_ fields: [String: ConfigValue]) -> ConfigValue { .table(fields) }
func s(_ text: String) -> ConfigValue { .string(text) }
func l(_ items: ConfigValue...) -> ConfigValue { .list(items) }

@Suite("Scheduler configuration: decoded from the table schedule.lua returns, with clear errors")
struct ScheduleConfigTests {
    /// The example configuration of docs/scheduling.md, as the host hands it over.
    static let example = t([
        "timezone": s("Asia/Ho_Chi_Minh"),
        "checks": l(
            t(["name": s("overdue"), "schedule": s("workingdays 07:30"),
               "sinks": l(s("log"), s("alerts")), "repeat_after": s("1d")]),
            t(["name": s("due-soon"), "schedule": s("workingdays 07:30,13:30"),
               "args": t(["days": .integer(2)]), "sinks": l(s("alerts"), s("leaders")),
               "repeat_after": s("1d")]),
            t(["name": s("source-silent"), "schedule": s("0 * * * *"),
               "args": t(["hours": .integer(26)]), "sinks": l(s("log"), s("ops")),
               "repeat_after": s("12h"), "catch_up": s("skip"), "timeout": s("2m")]),
            t(["name": s("weekly-due-dates"), "check": s("due-date-mismatch"),
               "schedule": s("30 6 * * MON"), "sinks": l(s("alerts")), "catch_up": s("all"),
               "catch_up_limit": .integer(2), "timeout": s("10m")])),
        "sinks": t([
            "alerts": t(["type": s("jsonl"), "path": s("/var/lib/hostrun/alerts.jsonl")]),
            "ops": t(["type": s("webhook"), "url": s("https://ops.example.vn/hooks/hostrun")]),
            "leaders": t(["type": s("email"), "smtp_host": s("127.0.0.1"),
                          "from": s("hostrun@example.vn"), "to": l(s("lanhdao@example.vn"))]),
        ]),
    ])

    @Test("the documented example decodes into typed entries with defaults filled in")
    func example() throws {
        let config = try ScheduleConfig.decode(ScheduleConfigTests.example, source: "schedule.lua")
        #expect(config.centreTime == .vietnam)
        #expect(config.checks.map(\.name)
            == ["overdue", "due-soon", "source-silent", "weekly-due-dates"])
        #expect(config.checks.map(\.check)
            == ["overdue", "due-soon", "source-silent", "due-date-mismatch"])
        #expect(config.checks.map(\.schedule.text)
            == ["workingdays 07:30", "workingdays 07:30,13:30", "0 * * * *", "30 6 * * MON"])
        #expect(config.checks.map(\.repeatAfter) == [86_400, 86_400, 43_200, nil])
        #expect(config.checks.map(\.timeout) == [300, 300, 120, 600])
        #expect(config.checks.map(\.catchUp) == [.once, .once, .skip, .all(limit: 2)])
        #expect(config.checks[1].args == ["days": .integer(2)])
        #expect(config.checks[3].sinks == ["alerts"])
        #expect(config.sinks.map(\.name) == ["alerts", "leaders", "log", "ops"])
        let ops = try #require(config.sinks.first { $0.name == "ops" })
        #expect(ops.kind == .webhook(url: URL(string: "https://ops.example.vn/hooks/hostrun")!,
                                     timeout: 10, headers: [:]))
        #expect(ops.retry == RetryPolicy(attempts: 5, initialDelay: 2))
        #expect(ops.capacity == 100)
        let leaders = try #require(config.sinks.first { $0.name == "leaders" })
        guard case .email(let mail) = leaders.kind else { Issue.record("not e-mail"); return }
        #expect(mail.port == 25)
        #expect(mail.to == ["lanhdao@example.vn"])
        // The configured entries become scheduler jobs, with the dispatcher they name.
        let dispatcher = try config.makeDispatcher()
        #expect(dispatcher.sinkNames == ["alerts", "leaders", "log", "ops"])
        let jobs = config.checks.map { $0.job(run: { _ in .unknown("") }, kill: { _ in }) }
        _ = try Scheduler(jobs: jobs, workingDays: TestCalendar2026(),
                          store: InMemorySchedulerStateStore(), dispatcher: dispatcher)
    }

    @Test("options of a sink: headers, retries, buffer")
    func sinkOptions() throws {
        let config = try ScheduleConfig.decode(t([
            "checks": l(t(["name": s("x"), "schedule": s("@daily"), "sinks": l(s("ops"))])),
            "sinks": t(["ops": t([
                "type": s("webhook"), "url": s("http://127.0.0.1:8080/h"), "timeout": s("5s"),
                "headers": t(["Authorization": s("Bearer abc")]), "retries": .integer(8),
                "retry_delay": s("1s"), "buffer": .integer(50),
            ])]),
        ]), source: "schedule.lua")
        let ops = try #require(config.sinks.first { $0.name == "ops" })
        #expect(ops.kind == .webhook(url: URL(string: "http://127.0.0.1:8080/h")!, timeout: 5,
                                     headers: ["Authorization": "Bearer abc"]))
        #expect(ops.retry == RetryPolicy(attempts: 8, initialDelay: 1))
        #expect(ops.capacity == 50)
    }

    @Test("fixed-offset time zones only")
    func timezones() throws {
        func zone(_ name: String) throws -> CentreTime {
            try ScheduleConfig.decode(t(["timezone": s(name), "checks": l(
                t(["name": s("x"), "schedule": s("@daily")]))]), source: "s.lua").centreTime
        }
        #expect(try zone("Asia/Saigon") == .vietnam)
        #expect(try zone("UTC+07:00") == .vietnam)
        #expect(try zone("UTC-03:30") == CentreTime(utcOffsetSeconds: -12_600))
        #expect(throws: ConfigError(source: "s.lua", path: "timezone", message: "\"Europe/Paris\" is not supported: use Asia/Ho_Chi_Minh or a fixed offset such as UTC+07:00 (schedules need a zone without daylight saving)")) {
            try zone("Europe/Paris")
        }
    }

    /// The error for the example with one field of one check replaced.
    func error(check index: Int = 0, _ field: String, _ value: ConfigValue?) -> String {
        guard case .table(var top) = ScheduleConfigTests.example,
              case .list(var checks) = top["checks"], case .table(var entry) = checks[index]
        else { return "bad fixture" }
        entry[field] = value
        checks[index] = .table(entry)
        top["checks"] = .list(checks)
        do {
            _ = try ScheduleConfig.decode(.table(top), source: "schedule.lua")
            return "accepted"
        } catch {
            return error.description
        }
    }

    @Test("errors name the file, the entry and the field")
    func errors() {
        #expect(error("schedule", s("0 25 * * *"))
            == "schedule.lua: checks[1] (\"overdue\").schedule: hour: bad token '25': out of range 0–23")
        #expect(error("repeat_after", s("tomorrow"))
            == "schedule.lua: checks[1] (\"overdue\").repeat_after: expected a duration above zero such as 90s, 15m, 12h or 1d, found \"tomorrow\"")
        #expect(error(check: 1, "timeout", .integer(0))
            == "schedule.lua: checks[2] (\"due-soon\").timeout: expected a duration above zero such as 90s, 15m, 12h or 1d, found 0")
        #expect(error("shedule", s("@daily"))
            == "schedule.lua: checks[1] (\"overdue\").shedule: unknown field")
        #expect(error("sinks", l(s("log"), s("pager")))
            == "schedule.lua: checks[1] (\"overdue\").sinks[2]: no sink named \"pager\"; defined: alerts, leaders, log, ops")
        #expect(error("sinks", l(s("log"), .integer(2)))
            == "schedule.lua: checks[1] (\"overdue\").sinks[2]: expected a string, found an integer")
        #expect(error(check: 1, "name", s("overdue"))
            == "schedule.lua: checks[2] (\"overdue\").name: the name is already used by checks[1]")
        #expect(error(check: 1, "schedule", s("0 25 * * *"))
            == "schedule.lua: checks[2] (\"due-soon\").schedule: hour: bad token '25': out of range 0–23")
        #expect(error("name", nil) == "schedule.lua: checks[1].name: is required")
        #expect(error("catch_up", s("twice"))
            == "schedule.lua: checks[1] (\"overdue\").catch_up: expected \"skip\", \"once\" or \"all\", found \"twice\"")
        #expect(error("catch_up_limit", .integer(5))
            == "schedule.lua: checks[1] (\"overdue\").catch_up_limit: only applies with catch_up = \"all\"")
        #expect(error("args", s("x"))
            == "schedule.lua: checks[1] (\"overdue\").args: expected a table, found a string")
    }

    @Test("sink errors name the sink and the field")
    func sinkErrors() {
        func error(_ sink: ConfigValue) -> String {
            do {
                _ = try ScheduleConfig.decode(t([
                    "checks": l(t(["name": s("x"), "schedule": s("@daily")])),
                    "sinks": t(["ops": sink]),
                ]), source: "schedule.lua")
                return "accepted"
            } catch { return error.description }
        }
        #expect(error(t(["type": s("webhook"), "url": s("ftp://x")]))
            == "schedule.lua: sinks.ops.url: expected an http or https URL, found \"ftp://x\"")
        #expect(error(t(["type": s("webhook")])) == "schedule.lua: sinks.ops.url: is required")
        #expect(error(t(["type": s("pager")]))
            == "schedule.lua: sinks.ops.type: expected one of log, jsonl, webhook, email, found \"pager\"")
        #expect(error(t(["type": s("email"), "smtp_host": s("h"), "from": s("a@b"),
                         "to": s("x\r\nBcc: y@z")]))
            == "schedule.lua: sinks.ops.to: \"x\r\nBcc: y@z\" is not a mail address")
        #expect(error(t(["type": s("email"), "smtp_host": s("h"), "from": s("a@b"),
                         "to": l()]))
            == "schedule.lua: sinks.ops.to: needs at least one address")
        #expect(error(t(["type": s("jsonl"), "path": s("/x"), "buffer": .integer(0)]))
            == "schedule.lua: sinks.ops.buffer: must be from 1 to 100000, found 0")
        #expect(error(t(["type": s("log"), "colour": .boolean(true)]))
            == "schedule.lua: sinks.ops.colour: unknown field")
        #expect(error(s("log")) == "schedule.lua: sinks.ops: expected a table, found a string")
    }

    @Test("the top level: checks are required, unknown fields refused")
    func topLevel() {
        func error(_ value: ConfigValue) -> String {
            do { _ = try ScheduleConfig.decode(value, source: "schedule.lua"); return "accepted" }
            catch { return error.description }
        }
        #expect(error(t([:])) == "schedule.lua: checks: is required")
        #expect(error(t(["checks": l()])) == "schedule.lua: checks: expected a non-empty list of check entries")
        #expect(error(t(["checks": l(t(["name": s("x"), "schedule": s("@daily")])),
                         "chekcs": l()])) == "schedule.lua: chekcs: unknown field")
        #expect(error(l(s("x"))) == "schedule.lua: expected a table, found a list")
    }

    @Test("durations: numbers are seconds; text combines s, m, h, d, w")
    func durations() throws {
        func repeatAfter(_ value: ConfigValue) throws -> TimeInterval? {
            try ScheduleConfig.decode(t(["checks": l(t([
                "name": s("x"), "schedule": s("@daily"), "repeat_after": value,
            ]))]), source: "s.lua").checks[0].repeatAfter
        }
        #expect(try repeatAfter(.integer(90)) == 90)
        #expect(try repeatAfter(.number(1.5)) == 1.5)
        #expect(try repeatAfter(s("1h30m")) == 5400)
        #expect(try repeatAfter(s("2d")) == 172_800)
        #expect(try repeatAfter(s("1w")) == 604_800)
        for bad in ["", "h", "10", "1x", "-5m", "0s"] {
            #expect(throws: ConfigError.self) { try repeatAfter(s(bad)) }
        }
    }
}
