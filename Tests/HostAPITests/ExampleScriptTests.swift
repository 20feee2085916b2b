import Domain
import Foundation
import HostAPI
import Sandbox
import Testing

/// The example scripts of `Scripts/`, run as shipped against a real store on 25/05/2026 17:00.
@Suite struct ExampleScriptTests {
    static let scripts = GeneratedDocsTests.root + "/Scripts/"

    func run(_ script: String, _ arguments: [String] = [], environment: (ScriptWorld) -> HostEnvironment = { $0.environment() })
        throws -> (ScriptWorld, String) {
        let world = try ScriptWorld()
        try world.load(Fixtures.ward)
        let source = try String(contentsOfFile: Self.scripts + script, encoding: .utf8)
        return (world, try world.run(source, name: script, arguments: arguments, environment: environment(world)))
    }

    @Test func overdueByDepartment() throws {
        let (_, out) = try run("overdue-by-department.lua")
        #expect(out == "Hồ sơ quá hạn ngày 25/05/2026\nPhòng Kinh tế\t1\nPhòng Văn hóa - Xã hội\t1\nTổng cộng\t2\n")
    }

    @Test func dueSoon() throws {
        let (_, out) = try run("due-soon.lua")
        #expect(out == """
            Hồ sơ đến hạn trong 2 ngày làm việc (đến 27/05/2026)
            HS-003\tPhòng Văn hóa - Xã hội\tĐăng ký khai sinh\t27/05/2026\tcòn 2 ngày làm việc
            Tổng cộng: 1 hồ sơ

            """)
        let (_, one) = try run("due-soon.lua", ["1"])
        #expect(one.hasSuffix("Tổng cộng: 0 hồ sơ\n"))
    }

    @Test func refusalsCSVGoesToAGrantedPathOnly() throws {
        let world = try ScriptWorld()
        try world.load(Fixtures.ward)
        let folder = world.folder + "/out"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let source = try String(contentsOfFile: Self.scripts + "refusals-csv.lua", encoding: .utf8)
        let granted = world.environment(capabilities: Capabilities(writePaths: [folder]))
        let printed = try world.run(source, name: "refusals-csv.lua", arguments: [folder + "/tu-choi.csv", "01/05/2026", "25/05/2026"],
                                    environment: granted)
        #expect(printed == "Đã ghi 1 hồ sơ bị từ chối (01/05/2026–25/05/2026) vào \(folder)/tu-choi.csv\n")
        let bytes = try #require(FileManager.default.contents(atPath: folder + "/tu-choi.csv"))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(String(decoding: bytes.dropFirst(3), as: UTF8.self) == "ma_ho_so,thu_tuc,linh_vuc,phong,ngay_tiep_nhan,ngay_tu_choi,ly_do\r\n"
            + "HS-004,Đăng ký khai sinh,Hộ tịch,Phòng Văn hóa - Xã hội,04/05/2026,08/05/2026,Hồ sơ không đủ điều kiện: thiếu giấy chứng sinh\r\n")
        #expect(world.log.lines == ["[info] refusals-csv.lua:34: refusals written 1 rows"])
        // Without the grant the sandbox has no fs at all.
        let refused = try? world.run(source, name: "refusals-csv.lua", arguments: [folder + "/x.csv"])
        #expect(refused == nil)
    }
}
