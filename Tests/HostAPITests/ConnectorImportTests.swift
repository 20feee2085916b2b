import Domain
import Foundation
import HostAPI
import LuaBridge
import Sandbox
import Store
import Testing

/// The validated import path: a connector yields canonical records; the host checks them with
/// the domain and upserts them in one transaction of the store.
@Suite struct ConnectorImportTests {
    static let manifest = """
        return { name = "lines", kind = "connector", version = "1.0", description = "one record per line",
                 capabilities = { read = {"$SOURCE"}, store_write = true } }
        """

    /// Reads `code;status;received;finished` lines through csv.rows and yields canonical records.
    static let connector = """
        local M = {}
        function M.read(source, options)
          local rows = csv.rows(source, {header = false, separator = ";"})
          return function()
            local row, n = rows()
            if not row then return nil end
            if row[1] == "BOOM" then error("cannot read " .. source .. " row " .. n) end
            return {
              origin = "lines.csv row " .. n, code = row[1], source = options.source or "motcua",
              procedure_code = "1.001193", procedure_name = "Đăng ký khai sinh", field = "Hộ tịch",
              department = "Phòng Văn hóa - Xã hội", channel = "online", status = row[2],
              received_at = row[3], finished_at = row[4], time_limit = {days = 5},
              applicant_name = "Nguyễn Văn An", digitised = "1",
            }
          end
        end
        return M
        """

    struct Setup {
        let world: ScriptWorld
        let host: PluginHost
        let plugin: InstalledPlugin
        let source: String

        func write(_ lines: String) {
            FileManager.default.createFile(atPath: source, contents: Data(lines.utf8))
        }

        func importLines(strict: Bool = false) throws -> ConnectorImport {
            try host.importConnector(plugin, sources: [source], request: ImportRequest(connector: "lines"), strict: strict)
        }

        func count() throws -> String { try world.run("print(dossiers.count{})") }
    }

    func setup(manifest: String = Self.manifest, connector: String = Self.connector) throws -> Setup {
        let world = try ScriptWorld()
        let plugins = try PluginFolder(world)
        try plugins.write("lines", manifest: manifest, files: ["init.lua": connector])
        let plugin = try #require(PluginCatalog(searchFolders: [plugins.root]).plugin(named: "lines"))
        let host = PluginHost(clock: world.clock,
                              store: StoreAccess(location: .file(path: world.storePath), mode: .createIfMissing, clock: world.clock),
                              output: CapturedOutput())
        return Setup(world: world, host: host, plugin: plugin, source: world.folder + "/lines.csv")
    }

    @Test func recordsAreCheckedImportedAndReimportChangesNothing() throws {
        let s = try setup()
        s.write("HS-1;processing;20/05/2026 08:00;\nHS-2;resolved;18/05/2026 08:00;22/05/2026 10:00\n")
        let first = try s.importLines()
        #expect(first.summary.inserted == 2 && first.rejections.isEmpty)
        let again = try s.importLines()
        #expect(again.summary.unchanged == 2 && again.summary.inserted == 0 && again.summary.updated == 0)
        let out = try s.world.run("local d = dossiers.get('HS-1') print(text.format_date(d.due_at, 'datetime'), d.digitised, d.applicant.name)")
        #expect(out == "27/05/2026 17:00\ttrue\tN***** V** A*\n")
    }

    @Test func rejectedRecordsAreSkippedAndNamedOrAbortTheBatchWhenStrict() throws {
        let s = try setup()
        s.write("HS-1;processing;20/05/2026 08:00;\nHS-2;resolved;22/05/2026 08:00;18/05/2026 10:00\nHS-3;flying;20/05/2026;\nHS-4;processing;31/02/2026;\n")
        let result = try s.importLines()
        #expect(result.summary.inserted == 1)
        #expect(result.rejections.map(\.description) == [
            "lines.csv row 2 (motcua/HS-2): finished_at: 2026-05-18T10:00:00+07:00 is before receipt 2026-05-22T08:00:00+07:00",
            "lines.csv row 3 (motcua/HS-3): status: 'flying' is not one of received, processing, supplement_requested, "
                + "awaiting_payment, resolved, returned, refused, withdrawn",
            "lines.csv row 4 (motcua/HS-4): received_at: “31/02/2026”: day 31 does not exist in 02/2026",
        ])
        let strict = try setup()
        strict.write("HS-1;processing;20/05/2026 08:00;\nHS-3;flying;20/05/2026;\n")
        #expect(throws: PluginError.self) { try strict.importLines(strict: true) }
        #expect(try strict.count() == "0\n")
    }

    @Test func csvRecordsAreReadByTheHostAsTheRowsWouldBeRecords() throws {
        let s = try setup(connector: """
            local M = {}
            function M.read(source) return csv.records(source) end
            return M
            """)
        let header = "code,source,procedure_code,field,department,channel,received_at,status,centre,finished_at"
        let rows = """
            HS-1,motcua,1.001193,Hộ tịch,Phòng Văn hóa - Xã hội,online,20/05/2026 08:00,processing,Phường Phú Thượng,
            HS-2,motcua,1.001193,Hộ tịch,Phòng Văn hóa - Xã hội,online,20/05/2026 08:00,processing, ,
            """
        // An unknown column is an unknown field of each record, as a table with it would be.
        s.write(header + ",note\n" + rows.replacingOccurrences(of: "\n", with: ",x\n") + ",x\n")
        #expect(try s.importLines().rejections.map(\.description) == [
            "\(s.source):row 2: note: unknown field (not a column of the canonical model)",
            "\(s.source):row 3: note: unknown field (not a column of the canonical model)",
        ])
        s.write(header + "\n" + rows + "\n")
        #expect(try s.importLines().summary.inserted == 2)
        let store = try #require(try s.host.store?.store())
        #expect(try store.dossier(DossierKey(source: "motcua", code: "HS-1"))?.centre == "Phường Phú Thượng")
        #expect(try store.dossier(DossierKey(source: "motcua", code: "HS-2"))?.centre == nil)
        #expect(try s.importLines().summary.unchanged == 2)
    }

    @Test func aConnectorThatFailsMidwayWritesNothing() throws {
        let s = try setup()
        s.write("HS-1;processing;20/05/2026 08:00;\nHS-2;processing;20/05/2026 08:00;\nBOOM;x;y;\n")
        do {
            _ = try s.importLines()
            Issue.record("the import should have failed")
        } catch {
            #expect("\(error)".contains("lines/init.lua:7: cannot read"))
        }
        #expect(try s.count() == "0\n")
    }

    @Test func onlyAConnectorWhoseManifestAsksMayWrite() throws {
        let s = try setup(manifest: Self.manifest.replacingOccurrences(of: ", store_write = true", with: ""))
        s.write("HS-1;processing;20/05/2026 08:00;\n")
        #expect(throws: PluginError.self) { try s.importLines() }
        // Reading (a dry run) needs no store write.
        let output = try s.host.runConnector(s.plugin, sources: [s.source])
        #expect(output.records.map(\.dossier.code) == ["HS-1"])
    }

    @Test func scriptsHaveNoWayToWriteTheStore() throws {
        let world = try ScriptWorld()
        try world.load(Fixtures.ward)
        #expect(world.failure("dossiers.import({})")?.message == "script.lua:1: attempt to call a nil value (field 'import')")
        #expect(world.failure("local d = dossiers.get('HS-001') d.status = 'resolved'")?.message.contains("cannot set field") == true)
    }

    @Test func aPluginSessionCallsExportedFunctionsWithItsGrants() throws {
        let world = try ScriptWorld()
        try world.load(Fixtures.ward)
        let plugins = try PluginFolder(world)
        try plugins.write("overdue", manifest: """
            return { name = "overdue", kind = "check", version = "1", description = "overdue dossiers",
                     capabilities = { personal_data = true } }
            """, files: ["init.lua": """
            local M = {}
            function M.run(options)
              local names = {}
              for d in dossiers.query{overdue_on = clock.today(), order = "due_at"} do names[#names + 1] = d.applicant.name or d.code end
              return {status = #names > 0 and "warning" or "ok", items = names, limit = options.limit}
            end
            return M
            """])
        let plugin = try #require(PluginCatalog(searchFolders: [plugins.root]).plugin(named: "overdue"))
        let host = PluginHost(clock: world.clock, store: StoreAccess(location: .file(path: world.storePath), clock: world.clock))
        let session = try host.open(plugin)
        let result = try session.call("run", [["limit": 3]])
        #expect(result.first == ["status": "warning", "items": ["Nguyễn Văn An", "HS-002"], "limit": 3])
        var policy = OperatorPolicy()
        policy.everyone.personalData = true
        let masked = try PluginHost(policy: policy, clock: world.clock,
                                    store: StoreAccess(location: .file(path: world.storePath), clock: world.clock)).open(plugin)
        #expect(try masked.call("run", [[:]]).first?.tableValue?["items"] == ["N***** V** A*", "HS-002"])
    }
}
