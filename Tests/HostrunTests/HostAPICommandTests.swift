import Domain
import Foundation
import Store
import Testing

/// The scripting API's commands through the real binary: `--db`, `--now`, `--log-level`,
/// `plugins`, `init` and `docs --check`.
@Suite struct HostAPICommandTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    func temporaryFolder() throws -> String {
        let folder = NSTemporaryDirectory() + "hostrun-cli-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func aScriptReadsTheStoreGivenByDbAtTheTimeGivenByNow() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let time = CentreTime.vietnam
        let store = try SQLiteStore(path: folder + "/centre.db")
        try store.upsert([DossierRecord(Dossier(
            key: DossierKey(source: "motcua", code: "HS-1"),
            procedure: Procedure(code: "1.001193", name: "Đăng ký khai sinh", field: "Hộ tịch", timeLimit: .workingDays(5)),
            department: "Phòng Văn hóa - Xã hội", channel: .online, receivedAt: try time.instant(parsing: "12/05/2026 08:00"),
            dueAt: try time.instant(parsing: "19/05/2026 17:00"), status: .processing))], as: ImportRequest(connector: "tests"))
        let result = try HostrunBinary.run(["--db", folder + "/centre.db", "--now", "25/05/2026 17:00",
                                            Self.root + "/Scripts/overdue-by-department.lua"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "Hồ sơ quá hạn ngày 25/05/2026\nPhòng Văn hóa - Xã hội\t1\nTổng cộng\t1\n")

        let logged = try HostrunBinary.run(["--db", folder + "/centre.db", "--log-level", "warn", "-e",
                                            "log.info('hidden') log.warn('shown', dossiers.count{})"])
        #expect(logged.stderr == "[warn] (command line):1: shown 1\n")
    }

    @Test func aMissingStoreFailsOnlyTheScriptsThatUseIt() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let hello = try HostrunBinary.run(["--db", folder + "/none.db", Self.root + "/Scripts/hello.lua", "Lan"])
        #expect(hello.status == 0 && hello.stdout.hasPrefix("Xin chào, Lan!"))
        let counting = try HostrunBinary.run(["--db", folder + "/none.db", "-e", "print(dossiers.count{})"])
        #expect(counting.status == 1)
        #expect(counting.stderr.contains("(command line):1: dossiers.count: no store at \(folder)/none.db"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/none.db"))
        let badNow = try HostrunBinary.run(["--now", "32/05/2026", "-e", "print(1)"])
        #expect(badNow.status == 2 && badNow.stderr.contains("--now"))
    }

    @Test func pluginsListsKindVersionAndGrantsAndNamesABadField() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for (name, manifest) in [
            ("good", #"return { name = "good", kind = "connector", version = "2.1", description = "Một kết nối", capabilities = { read = {"$SOURCE"}, store_write = true, env = {"TOKEN"} } }"#),
            ("bad", #"return { name = "bad", kind = "report", version = "1", description = "d", capabilities = { read = {"a", 2} } }"#),
        ] {
            try FileManager.default.createDirectory(atPath: folder + "/" + name, withIntermediateDirectories: true)
            FileManager.default.createFile(atPath: folder + "/\(name)/manifest.lua", contents: Data(manifest.utf8))
            FileManager.default.createFile(atPath: folder + "/\(name)/init.lua", contents: Data("return {}".utf8))
        }
        let result = try HostrunBinary.run(["plugins", "--plugin-path", folder])
        #expect(result.status == 1)
        #expect(result.stdout.contains("good 2.1  [connector]  Một kết nối"))
        #expect(result.stdout.contains("  grants: read: $SOURCE; env: TOKEN; store writes (validated import)"))
        #expect(result.stderr.contains("\(folder)/bad/manifest.lua: capabilities.read[2]: expected a string, got number"))
    }

    @Test func initWritesTheEditorFilesAndDocsCheckFindsNothingStale() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try HostrunBinary.run(["init", folder])
        #expect(result.status == 0, "\(result.stderr)")
        let luarc = try String(contentsOfFile: folder + "/.luarc.json", encoding: .utf8)
        #expect(luarc.contains("\"workspace.library\": [\".hostrun/lua-meta\"]"))
        #expect(FileManager.default.fileExists(atPath: folder + "/.hostrun/lua-meta/hostrun.lua"))
        #expect(FileManager.default.fileExists(atPath: folder + "/.luacheckrc"))
        #expect(try HostrunBinary.run(["init", folder]).status == 2)
        let check = try HostrunBinary.run(["docs", "--check", "--root", Self.root])
        #expect(check.status == 0, "\(check.stdout)")
    }
}
