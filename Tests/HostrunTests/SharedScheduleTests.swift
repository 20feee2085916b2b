import Domain
import Foundation
import Testing

/// Two `hostrun schedule` processes, as on two machines, sharing one store: every run is
/// claimed in the store, so each alert reaches the sink exactly once, whichever process runs.
@Suite("two hostrun schedule processes sharing a store send each alert once", .timeLimit(.minutes(5)))
struct SharedScheduleTests {
    static let config = """
        return {
          checks = { { name = "overdue", schedule = "workingdays 07:30", repeat_after = "2d", sinks = { "alerts" } } },
          sinks = { alerts = { type = "jsonl", path = "alerts.jsonl" } },
        }
        """

    /// A is due Thursday 21/05, B Monday 25/05 (as in ScheduleCommandTests).
    static func load(_ world: ScheduleWorld) throws {
        try world.load([
            CheckWorld.dossier("A", department: "Phòng Tư pháp", received: "18/05/2026 09:00", limit: 3),
            CheckWorld.dossier("B", department: "Phòng Kinh tế", received: "18/05/2026 09:00", limit: 5),
        ])
    }

    /// Runs the two processes at once for each morning and returns the alerts written.
    static func mornings(_ world: ScheduleWorld, store: String) throws -> [String] {
        let config = try world.config(Self.config)
        let flags = ["--config", config, "--once", "--db", store,
                     "--plugin-path", ScheduleCommandTests.repository + "/Plugins"]
        let first = try ServiceProcess(["schedule", "--now", "21/05/2026 07:00"] + flags, in: world.folder)
        #expect(first.waitForExit() == 0, "\(first.standardError)")
        for now in ["22/05/2026 07:30", "25/05/2026 07:30", "26/05/2026 07:30"] {
            let machines = try (0..<2).map { _ in try ServiceProcess(["schedule", "--now", now] + flags, in: world.folder) }
            let statuses = machines.map { $0.waitForExit() }
            let logs = machines.map(\.standardError)
            #expect(statuses == [0, 0], "\(now): \(logs)")
            // One ran the check. The other found the run claimed, or (started once the first
            // had recorded the time as handled) nothing due.
            #expect(logs.filter { $0.contains("overdue: succeeded") }.count == 1, "\(now): \(logs)")
            #expect(logs.filter { $0.contains("overdue: running") }.count
                    == 1 + logs.filter { $0.contains("overdue: skipped [claimed]") && $0.contains("run by ") }.count,
                    "\(now): \(logs)")
        }
        return try world.alerts().map { "\($0.at) \($0.kind) \($0.key)" }
    }

    static let expected = [
        "2026-05-22T07:30:00+07:00 firing A",
        "2026-05-25T07:30:00+07:00 repeated A",
        "2026-05-26T07:30:00+07:00 firing B",
    ]

    @Test func onOneSQLiteFile() throws {
        let world = try ScheduleWorld()
        try Self.load(world)
        #expect(try Self.mornings(world, store: world.storePath) == Self.expected)
    }

    @Test(.enabled(if: TestServer.available, Comment(rawValue: TestServer.skipped)))
    func onOnePostgreSQLDatabase() throws {
        let world = try ScheduleWorld()
        try Self.load(world)
        let database = try TestServer.freshDatabase()
        let copy = try HostrunBinary.run(["db", "copy", "--from", world.storePath, "--to", database])
        try #require(copy.status == 0, "\(copy.stderr)")
        #expect(try Self.mornings(world, store: database) == Self.expected)
    }
}
