import Domain
import Foundation
import Store
import Testing

/// `hostrun import` and `hostrun reconcile`, run as the real binary over the bundled connectors
/// and their fixtures: every connector imports its export and imports it again without change,
/// rejects its bad inputs by file, row and reason, writes nothing when it fails or under
/// `--strict`, and reads nothing but its sources.
@Suite struct ImportCommandTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let connectors = root.appendingPathComponent("Plugins/connectors").path

    /// A fresh folder for one test's store and files.
    struct Workspace {
        let folder: String
        var store: String { folder + "/centre.db" }

        init() throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("hostrun-import-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }

        /// `hostrun import CONNECTOR FIXTURE…` into this workspace's store.
        func importing(_ connector: String, _ fixtures: [String], _ flags: [String] = []) throws -> HostrunBinary.Result {
            try HostrunBinary.run(["import", connector] + fixtures.map(ImportCommandTests.fixture) + flags
                                  + ["--db", store, "--plugin-path", ImportCommandTests.connectors])
        }

        /// The same, as JSON.
        func importingJSON(_ connector: String, _ fixture: String, _ flags: [String] = []) throws -> [String: Any] {
            let result = try importing(connector, [fixture], flags + ["--json"])
            return try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any],
                                "\(result.stdout)\(result.stderr)")
        }

        /// Dossiers (or feedback items) and import batches in the store; (0, 0) when there is none.
        func written() throws -> (records: Int, imports: Int) {
            guard FileManager.default.fileExists(atPath: store) else { return (0, 0) }
            let opened = try SQLiteStore(path: store)
            var feedback = 0
            try opened.feedbackItems(received: nil).forEach { _ in feedback += 1 }
            return (try opened.count(DossierQuery(scope: .all)) + feedback, try opened.imports(limit: 100).count)
        }
    }

    /// `connector/spec/fixtures/file` under the bundled connectors.
    static func fixture(_ path: String) -> String {
        let parts = path.split(separator: "/", maxSplits: 1)
        return "\(connectors)/\(parts[0])/spec/fixtures/\(parts[1])"
    }

    static let exports: [(connector: String, fixture: String, records: Int)] = [
        ("canonical", "canonical/ho-so.csv", 6),
        ("canonical", "canonical/ho-so-excel-1258.csv", 2),
        ("dvcqg", "dvcqg/dong-bo-ho-so.json", 7),
        ("motcua", "motcua/bao-cao-thang-01-2026.xlsx", 10),
        ("dkkd", "dkkd/ho-kinh-doanh-thang-01-2026.csv", 5),
        ("dkkd", "dkkd/ho-kinh-doanh-thang-01-2026.xlsx", 5),
        ("hotich", "hotich/so-khai-sinh-thang-01-2026.txt", 5),
        ("dvcqg-pakn", "dvcqg-pakn/phan-anh-thang-01-2026.csv", 5),
    ]

    @Test(arguments: exports)
    func importsItsExportAndAgainChangesNothing(_ export: (connector: String, fixture: String, records: Int)) throws {
        let workspace = try Workspace()
        let first = try workspace.importingJSON(export.connector, export.fixture)
        #expect(first["outcome"] as? String == "written")
        #expect(first["inserted"] as? Int == export.records)
        #expect(first["rejected"] as? Int == 0)
        let again = try workspace.importingJSON(export.connector, export.fixture)
        #expect(again["inserted"] as? Int == 0 && again["updated"] as? Int == 0)
        #expect(again["unchanged"] as? Int == export.records)
        #expect(try workspace.written() == (export.records, 2))
    }

    static let badRows: [(connector: String, fixture: String, written: Int, rejections: [String])] = [
        ("canonical", "canonical/bad-rows.csv", 1, [
            "bad-rows.csv:row 3 (motcua/000.31.21.H56-260105-0002): finished_at: 2026-01-04T09:30:00+07:00 is before receipt 2026-01-05T08:47:00+07:00",
            "bad-rows.csv:row 4 (hotich/HT-H56.21-260105-0001): status: 'dang_xu_ly' is not one of received, processing, supplement_requested, awaiting_payment, resolved, returned, refused, withdrawn",
            "bad-rows.csv:row 5 (dkkd/HKD.31.21.260106.0001): channel: 'truc_tuyen' is not one of online, in_person, postal",
            "bad-rows.csv:row 6 (motcua/000.31.21.H56-260106-0003): received_at: “31/02/2026 10:02”: day 31 does not exist in 02/2026",
            "bad-rows.csv:row 7 (dvcqg/G22.31.21-260107-0004): fully_online: 'co' is not true, false, 1 or 0",
            "bad-rows.csv:row 8 (motcua/000.31.21.H56-260105-0001): the same dossier appears earlier in this batch (\(fixture("canonical/bad-rows.csv")):row 2) with different values",
            "bad-rows.csv:row 9: code: is required",
            "bad-rows.csv:row 10 (motcua/000.31.21.H56-260107-0009): fully_online: is set but the channel is in_person",
        ]),
        ("dvcqg", "dvcqg/ma-khong-hop-le.json", 1, [
            "ma-khong-hop-le.json:data[2] (dvcqg/G22.31.21-260120-0002): TrangThaiHoSo 8 has no mapping in dvcqg/status-codes.lua",
            "ma-khong-hop-le.json:data[3] (dvcqg/G22.31.21-260120-0003): KenhThucHien 5 has no mapping in dvcqg/channel-codes.lua",
            "ma-khong-hop-le.json:data[4] (dvcqg/G22.31.21-260120-0004): received_at: “20260231083000”: day 31 does not exist in 02/2026",
            "ma-khong-hop-le.json:data[5] (dvcqg/G22.31.21-260120-0005): finished_at: 2026-01-19T16:00:00+07:00 is before receipt 2026-01-20T08:30:00+07:00",
            "ma-khong-hop-le.json:data[6] (dvcqg/G22.31.21-260120-0006): procedure_code: is required",
            "ma-khong-hop-le.json:data[7] (dvcqg/G22.31.21-260120-0007): TenLinhVuc 'Giáo dục và Đào tạo' has no department in dvcqg/departments.lua",
        ]),
        ("motcua", "motcua/du-lieu-loi.xlsx", 1, [
            "du-lieu-loi.xlsx:row 10 (motcua/000.31.21.H56-260105-0002): Trạng thái 'Đang chờ phê duyệt' has no mapping in motcua/status-words.lua",
            "du-lieu-loi.xlsx:row 11 (motcua/000.31.21.H56-260106-0003): Kênh tiếp nhận 'Zalo' has no mapping in motcua/channel-words.lua",
            "du-lieu-loi.xlsx:row 12 (motcua/000.31.21.H56-260107-0004): finished_at: 2026-01-06T09:00:00+07:00 is before receipt 2026-01-07T15:30:00+07:00",
            "du-lieu-loi.xlsx:row 13 (motcua/000.31.21.H56-260105-0001): the same dossier appears earlier in this batch (\(fixture("motcua/du-lieu-loi.xlsx")):row 9) with different values",
            "du-lieu-loi.xlsx:row 14 (motcua/000.31.21.H56-260108-0005): received_at: “32/01/2026 08:00”: day 32 does not exist in 01/2026",
        ]),
        ("dkkd", "dkkd/du-lieu-loi.csv", 0, [
            "du-lieu-loi.csv:row 2 (dkkd/HKD.31.21.260106.0001): Tình trạng hồ sơ 'Đã hủy' has no mapping in dkkd/status-words.lua",
            "du-lieu-loi.csv:row 3 (dkkd/HKD.31.21.260109.0002): Loại hồ sơ 'Đăng ký hộ kinh doanh du lịch' has no procedure in dkkd/procedures.lua",
            "du-lieu-loi.csv:row 4 (dkkd/HKD.31.21.260112.0003): finished_at: 2026-01-13T07:00:00+07:00 is before receipt 2026-01-13T07:30:00+07:00",
            "du-lieu-loi.csv:row 5 (dkkd/HKD.31.21.260115.0004): received_at: “31/04/2026 08:30”: day 31 does not exist in 04/2026",
        ]),
        ("hotich", "hotich/du-lieu-loi.txt", 0, [
            "du-lieu-loi.txt:row 2 (hotich/HT-H56.21-260105-0001): Trạng thái 'Đã lưu tạm' has no mapping in hotich/status-words.lua",
            "du-lieu-loi.txt:row 3 (hotich/HT-H56.21-260105-0002): Hình thức tiếp nhận 'Zalo' has no mapping in hotich/channel-words.lua",
            "du-lieu-loi.txt:row 4 (hotich/HT-H56.21-260107-0003): finished_at: 2026-01-07T08:00:00+07:00 is before receipt 2026-01-07T08:30:00+07:00",
            "du-lieu-loi.txt:row 5 (hotich/HT-H56.21-260109-0004): received_at: “09/13/2026 15:20”: month 13 does not exist",
        ]),
        ("dvcqg-pakn", "dvcqg-pakn/du-lieu-loi.csv", 0, [
            "du-lieu-loi.csv:row 2 (pakn/PAKN-2026-000160): Tình trạng 'Đã chuyển cơ quan khác' has no mapping in dvcqg-pakn/status-words.lua",
            "du-lieu-loi.csv:row 3 (pakn/PAKN-2026-000161): handled_at: is missing although the status is handled",
            "du-lieu-loi.csv:row 4 (pakn/PAKN-2026-000162): handled_at: 2026-01-21T08:00:00+07:00 is before receipt 2026-01-22T11:00:00+07:00",
            "du-lieu-loi.csv:row 5 (pakn/PAKN-2026-000163): received_at: “30/02/2026 08:00”: day 30 does not exist in 02/2026",
        ]),
    ]

    @Test(arguments: badRows)
    func rejectsBadRecordsByRowAndReasonAndWritesTheRest(
        _ bad: (connector: String, fixture: String, written: Int, rejections: [String])
    ) throws {
        let workspace = try Workspace()
        let result = try workspace.importing(bad.connector, [bad.fixture])
        #expect(result.status == 0, "\(result.stderr)")
        let folder = Self.fixture(bad.fixture).dropLast(bad.fixture.split(separator: "/")[1].count)
        let listed = result.stdout.split(separator: "\n").filter { $0.hasPrefix("  " + folder) }
            .map { $0.dropFirst(2 + folder.count) }
        #expect(listed.map(String.init) == bad.rejections)
        #expect(try workspace.written().records == bad.written)
        // Each record counted once, a record the store refused among them.
        #expect(result.stdout.hasPrefix("\(bad.connector): \(bad.written + bad.rejections.count) "))

        let strict = try Workspace()
        let refused = try strict.importing(bad.connector, [bad.fixture], ["--strict"])
        #expect(refused.status == 1)
        #expect(refused.stdout.contains("--strict: \(bad.rejections.count) records were rejected, so nothing was written"))
        #expect(try strict.written() == (0, 0))
    }

    static let brokenFiles: [(connector: String, fixture: String, message: String)] = [
        ("canonical", "canonical/extra-column.csv", "unknown column(s) ghi_chu; the canonical columns are code, source"),
        ("canonical", "canonical/missing-column.csv", "missing column(s) status"),
        ("canonical", "canonical/truncated.csv", "truncated.csv, row 7, column 4 \"procedure_name\": the quote opened here is never closed"),
        ("dvcqg", "dvcqg/bi-cat-ngang.json", "json.decode: line 114, column 33: the string is never closed"),
        ("dvcqg", "dvcqg/khong-phai-dong-bo.json", "not a dossier-sync export of the national portal"),
        ("motcua", "motcua/thieu-cot-trang-thai.xlsx", "never found \"Trạng thái\""),
        ("motcua", "motcua/tai-ve-do-dang.xlsx", "tai-ve-do-dang.xlsx: not a readable ZIP package (truncated or corrupt)"),
        ("dkkd", "dkkd/sai-danh-sach.csv", "missing column(s) \"Hình thức nộp\", \"Họ tên chủ hộ\""),
        ("dkkd", "dkkd/bi-cat-ngang.csv", "the quote opened here is never closed"),
        ("hotich", "hotich/so-ket-hon.txt", "missing column(s) \"Hình thức tiếp nhận\", \"Mã hồ sơ\""),
        ("dvcqg-pakn", "dvcqg-pakn/sai-danh-sach.csv", "missing column(s) \"Hạn xử lý\", \"Mã PAKN\""),
    ]

    @Test(arguments: brokenFiles)
    func aSourceItCannotReadWritesNothing(_ broken: (connector: String, fixture: String, message: String)) throws {
        let workspace = try Workspace()
        // A good export first, in the same batch: the broken one must roll it back too.
        let good = Self.exports.first { $0.connector == broken.connector }!.fixture
        let result = try workspace.importing(broken.connector, [good, broken.fixture])
        #expect(result.status == 1)
        #expect(result.stderr.contains("hostrun import: connector \(broken.connector) failed: "), "\(result.stderr)")
        #expect(result.stderr.contains(broken.message), "\(result.stderr)")
        #expect(result.stderr.hasSuffix("nothing was written\n"))
        #expect(!result.stderr.contains("stack traceback"))
        #expect(try workspace.written() == (0, 0))
    }

    @Test func dryRunChecksAndWritesNothing() throws {
        let workspace = try Workspace()
        let result = try workspace.importing("canonical", ["canonical/bad-rows.csv"], ["--dry-run"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("  inserted 1, updated 0, unchanged 0, rejected 8\n"))
        #expect(result.stdout.hasSuffix("dry run: nothing was written to \(workspace.store)\n"))
        #expect(try workspace.written().records == 0)
    }

    @Test func jsonNamesEveryRejection() throws {
        let workspace = try Workspace()
        let output = try workspace.importingJSON("dvcqg", "dvcqg/ma-khong-hop-le.json")
        #expect(output["connector"] as? String == "dvcqg" && output["records"] as? String == "dossiers")
        #expect(output["written"] as? Bool == true && output["import_id"] as? Int == 1)
        let rejections = try #require(output["rejections"] as? [[String: String]])
        #expect(rejections.count == 6)
        #expect(rejections[2] == ["origin": Self.fixture("dvcqg/ma-khong-hop-le.json") + ":data[4]", "source": "dvcqg",
                                  "code": "G22.31.21-260120-0004", "field": "received_at",
                                  "reason": "“20260231083000”: day 31 does not exist in 02/2026"])
        let failed = try workspace.importingJSON("dvcqg", "dvcqg/khong-phai-dong-bo.json")
        #expect(failed["outcome"] as? String == "failed" && failed["written"] as? Bool == false)
        #expect((failed["error"] as? String)?.contains("not a dossier-sync export") == true)
    }

    /// A connector of the test's own, in a folder of its own.
    func connector(_ name: String, in workspace: Workspace, _ source: String) throws -> String {
        let folder = workspace.folder + "/" + name
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try """
            return { name = "\(name)", kind = "connector", version = "1", description = "a test connector",
                     capabilities = { read = { "$SOURCE" }, store_write = true } }
            """.write(toFile: folder + "/manifest.lua", atomically: true, encoding: .utf8)
        try source.write(toFile: folder + "/init.lua", atomically: true, encoding: .utf8)
        return folder
    }

    @Test func aConnectorThatFailsMidwayWritesNothing() throws {
        let workspace = try Workspace()
        let plugin = try connector("midway", in: workspace, """
            local M = {}
            function M.read(source)
              local n = 0
              return function()
                n = n + 1
                if n == 3 then error("lost the connection at record " .. n) end
                return { code = "HS-" .. n, source = "midway", procedure_code = "1.001193", field = "Hộ tịch",
                         department = "Văn phòng HĐND và UBND", channel = "online", status = "received",
                         received_at = "05/01/2026 08:00" }
              end
            end
            return M
            """)
        let source = workspace.folder + "/export.txt"
        try "".write(toFile: source, atomically: true, encoding: .utf8)
        let result = try HostrunBinary.run(["import", "midway", source, "--db", workspace.store, "--plugin-path", plugin])
        #expect(result.status == 1)
        #expect(result.stderr == "hostrun import: connector midway failed: midway/init.lua:6: lost the connection at record 3\n"
                    + "nothing was written\n")
        #expect(try workspace.written() == (0, 0))
    }

    @Test func aConnectorReadsNothingButItsSources() throws {
        let workspace = try Workspace()
        let secret = workspace.folder + "/secret.csv"
        try "code\nX\n".write(toFile: secret, atomically: true, encoding: .utf8)
        let plugin = try connector("nosy", in: workspace, """
            local M = {}
            function M.read(source) return csv.rows("\(secret)") end
            return M
            """)
        let source = workspace.folder + "/export.csv"
        try "code\nY\n".write(toFile: source, atomically: true, encoding: .utf8)
        let result = try HostrunBinary.run(["import", "nosy", source, "--db", workspace.store, "--plugin-path", plugin])
        #expect(result.status == 1)
        #expect(result.stderr.contains("csv.rows: access to \(secret) is not granted"), "\(result.stderr)")
        #expect(try workspace.written() == (0, 0))
    }

    @Test func operatorErrorsNameWhatIsWrong() throws {
        let workspace = try Workspace()
        let missing = try workspace.importing("canonical", ["canonical/no-such-file.csv"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("cannot read \(Self.fixture("canonical/no-such-file.csv")): no such file"))
        let unknown = try workspace.importing("nope", ["canonical/ho-so.csv"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("no connector 'nope' (connectors: canonical, dkkd, dvcqg, dvcqg-pakn, hotich, motcua"),
                "\(unknown.stderr)")
        #expect(try HostrunBinary.run(["import", "canonical"]).status == 2)
        #expect(try workspace.written() == (0, 0))
    }

    @Test func reconcileFindsMissingVanishedAndConflictingDossiers() throws {
        let workspace = try Workspace()
        for (connector, fixture) in [("motcua", "motcua/bao-cao-thang-01-2026.xlsx"), ("dkkd", "dkkd/ho-kinh-doanh-thang-01-2026.csv"),
                                     ("dvcqg", "dvcqg/dong-bo-ho-so.json"), ("motcua", "motcua/bao-cao-thang-01-2026-lan-2.xlsx")] {
            #expect(try workspace.importing(connector, [fixture]).status == 0)
        }
        let rules = Self.root.appendingPathComponent("Plugins/connectors/reconcile.lua").path
        let result = try HostrunBinary.run(["reconcile", "--db", workspace.store, "--rules", rules, "--json"])
        #expect(result.status == 1, "\(result.stderr)")
        let output = try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let missing = try #require(output["missing"] as? [[String: String]])
        // Household businesses registered in dkkd that the centre never received.
        #expect(missing.filter { $0["source"] == "dkkd" }.map { $0["code"]! }
                    == ["HKD.31.21.260112.0003", "HKD.31.21.260115.0004", "HKD.31.21.260120.0005"])
        // motcua dossiers the portal's sync does not hold (two of ten are synced).
        #expect(missing.filter { $0["source"] == "motcua" && $0["expected_in"] == "dvcqg" }.count == 8)
        let vanished = try #require(output["vanished"] as? [[String: Any]])
        #expect(vanished.map { $0["code"] as? String } == ["000.31.21.H56-260113-0007"])
        #expect(vanished.first?["last_seen_import"] as? Int == 1 && vanished.first?["latest_import"] as? Int == 4)
        let conflicts = try #require(output["conflicts"] as? [[String: Any]])
        #expect(conflicts.map { $0["field"] as? String } == ["received_at", "due_at"])
        #expect(conflicts.first?["values"] as? [String: String] == ["dvcqg": "08/01/2026", "motcua": "07/01/2026"])

        let text = try HostrunBinary.run(["reconcile", "--db", workspace.store, "--rules", rules])
        #expect(text.stdout.contains("dkkd\n  not in motcua: 3 (Hồ sơ hộ kinh doanh"))
        #expect(text.stdout.contains("  000.31.21.H56-260107-0004  received_at: dvcqg 08/01/2026, motcua 07/01/2026\n"))
        #expect(text.stdout.hasSuffix("\(workspace.store): 11 missing, 1 vanished, 2 conflicting\n"))
    }

    @Test func reconcileOfSourcesThatAgreeExitsZero() throws {
        let workspace = try Workspace()
        #expect(try workspace.importing("hotich", ["hotich/so-khai-sinh-thang-01-2026.txt"]).status == 0)
        let result = try HostrunBinary.run(["reconcile", "--db", workspace.store])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout == "\(workspace.store): 0 missing, 0 vanished, 0 conflicting\n")
        let noStore = try HostrunBinary.run(["reconcile", "--db", workspace.folder + "/none.db"])
        #expect(noStore.status == 2 && noStore.stderr.contains("no store at"))
    }
}
