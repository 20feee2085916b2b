import Foundation
import Testing
@testable import Formats

@Suite struct JSONReaderTests {
    @Test func readsAPortalRecordKeepingTypesApart() throws {
        let value = try JSONFileReader().read(Fixture.url("dvc-sync.json"))
        #expect(value["MaHoSo"] == .string("G22.99-260105-0001"))
        #expect(value["KenhThucHien"] == .integer(2))
        #expect(value["DaThanhToan"] == .bool(true))
        #expect(value["LePhi"] == .number(50000.5))
        #expect(value["GhiChu"] == .null)
        #expect(value["ChuHoSo"]?["HoVaTen"] == .string("Nguyễn Văn An"))
        #expect(value["TepDinhKem"]?[2] == .integer(3))
        #expect(value["Khong"] == nil)
    }

    @Test func malformedJSONNamesFileAndLine() {
        let error = Fixture.formatError { _ = try JSONFileReader().read(Fixture.url("broken.json")) }
        #expect(error?.file == "broken.json")
        #expect(error?.location?.line == 5)
        #expect(error?.location?.column == 3)
    }

    @Test func decodingMismatchNamesTheKeyPath() {
        struct Record: Decodable { let MaHoSo: String; let KenhThucHien: String }
        let error = Fixture.formatError { _ = try JSONFileReader().decode(Record.self, from: Fixture.url("dvc-sync.json")) }
        #expect(error?.description.contains(".KenhThucHien") == true)
    }

    @Test func refusesAFileOverTheLimit() {
        let error = Fixture.formatError { _ = try JSONFileReader(maxBytes: 100).read(Fixture.url("dvc-sync.json")) }
        #expect(error?.reason == .fileTooLarge(bytes: 258, limit: 100))
    }
}
