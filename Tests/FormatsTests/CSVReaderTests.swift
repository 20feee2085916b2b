import Foundation
import Testing
@testable import Formats

@Suite struct CSVReaderTests {
    @Test func readsSemicolonFileWithBOMAndMultilineFields() throws {
        let reader = try CSVReader(url: Fixture.url("semicolon-bom-multiline.csv"))
        #expect(reader.delimiter == .semicolon)
        #expect(reader.encoding == .utf8)
        #expect(reader.header?.names == ["Mã hồ sơ", "Họ tên", "Địa chỉ", "Ghi chú", "Lệ phí"])
        let rows = try reader.allRows()
        #expect(rows.count == 3)
        #expect(rows[0]["Họ tên"] == "Trần Văn Đức")
        #expect(rows[0]["Địa chỉ"] == "Số 5, đường Lê Lợi")
        // Written decomposed (NFD) in the file; read back composed.
        #expect(rows[1]["Họ tên"] == "Nguyễn Thị Hòa")
        #expect(rows[1]["Họ tên"]!.unicodeScalars.count == "Nguyễn Thị Hòa".precomposedStringWithCanonicalMapping.unicodeScalars.count)
        #expect(rows[1]["Địa chỉ"] == "Tổ 3\r\nKhu phố 2")
        #expect(rows[1]["Ghi chú"] == "Khách nói \"gấp\"")
        #expect(rows[2]["ghi chú"] == "Dòng 1\nDòng 2\nDòng 3")
        #expect(rows.map(\.number) == [2, 3, 4])
        #expect(rows.map(\.line) == [2, 3, 5])
    }

    @Test func readsWindows1258AndComposesToneMarks() throws {
        let reader = try CSVReader(url: Fixture.url("windows-1258.csv"))
        let rows = try reader.allRows()
        #expect(reader.encoding == .windows1258)
        #expect(rows.map { $0["ho_ten"] } == ["Nguyễn Văn Hùng", "Phạm Thị Thu Hương", "Võ Thành Trường"])
        #expect(rows[1]["phong_ban"] == "Phòng Kinh tế, Hạ tầng và Đô thị")
        #expect(rows[0]["linh_vuc"]!.unicodeScalars.count == 7)  // "Hộ tịch", composed
    }

    @Test func readsUTF16LittleEndianTabFile() throws {
        let reader = try CSVReader(url: Fixture.url("utf16le-tab.csv"))
        #expect(reader.encoding == .utf16LittleEndian)
        #expect(reader.delimiter == .tab)
        let rows = try reader.allRows()
        #expect(rows.map { $0["Người nộp"] } == ["Đặng Thị Lụa", "Bùi Quốc Việt 😀"])
    }

    @Test func readsUTF16BigEndianFile() throws {
        let reader = try CSVReader(url: Fixture.url("utf16be.csv"))
        #expect(reader.encoding == .utf16BigEndian)
        let rows = try reader.allRows()
        #expect(rows.map { $0["Kênh"] } == ["Trực tuyến", "Trực tiếp"])
    }

    @Test func unterminatedQuoteNamesTheRowWhereItOpened() throws {
        let reader = try CSVReader(url: Fixture.url("truncated.csv"))
        #expect(try reader.nextRow()?["ten"] == "Hòa")
        #expect(try reader.nextRow()?["ghi_chu"] == "hai\ndòng")
        let error = Fixture.formatError { _ = try reader.nextRow() }
        #expect(error?.reason == .unterminatedQuote)
        #expect(error?.location?.row == 4)
        #expect(error?.location?.line == 5)
        #expect(error?.location?.columnName == "ghi_chu")
        #expect(error?.description.hasPrefix("truncated.csv, row 4 (line 5), column 3 \"ghi_chu\": the quote") == true)
    }

    @Test func missingColumnsAreNamedWithTheFile() throws {
        let reader = try CSVReader(url: Fixture.url("wrong-columns.csv"))
        let error = Fixture.formatError { try reader.requireColumns(["code", "ma_thu_tuc", "ngay", "kenh"]) }
        #expect(error?.reason == .missingColumns(missing: ["ma_thu_tuc", "kenh"], found: ["code", "ten_thu_tuc", "ngay"]))
        #expect(error?.file == "wrong-columns.csv")
    }

    @Test func headerLookupIgnoresCaseSpacingAndNormalisation() throws {
        let url = try Fixture.write(" MÃ  HỒ SƠ ,Tên\nA,B\n", name: "h.csv")
        let reader = try CSVReader(url: url)
        let row = try #require(try reader.nextRow())
        #expect(row["mã hồ sơ"] == "A")
        #expect(row.location(ofColumn: "tên").description == "row 2, column 2 \"Tên\"")
        #expect(row["Ma ho so"] == nil)
        #expect(throws: FormatError.self) { try row.value("Ma ho so") }
    }

    @Test func crlfLfAndCrLineEndingsAndBlankLines() throws {
        let url = try Fixture.write("a,b\r\n1,2\n\n3,4\r5,6", name: "eol.csv")
        let rows = try CSVReader(url: url).allRows()
        #expect(rows.map(\.fields) == [["1", "2"], ["3", "4"], ["5", "6"]])
        #expect(rows.map(\.number) == [2, 4, 5])
    }

    @Test func explicitDelimiterOverridesDetection() throws {
        let url = try Fixture.write("a;b,c\n1;2,3\n", name: "d.csv")
        #expect(try CSVReader(url: url).header?.names == ["a;b", "c"])
        let reader = try CSVReader(url: url, options: CSVReadOptions(delimiter: .semicolon))
        #expect(reader.header?.names == ["a", "b,c"])
    }

    @Test func recordLongerThanTheLimitFailsWithoutReadingOn() throws {
        let long = String(repeating: "x", count: 300_000)
        let url = try Fixture.write("a,b\n1,2\n3,\(long)\n4,5\n", name: "long.csv")
        let reader = try CSVReader(url: url, options: CSVReadOptions(maxRecordBytes: 64 << 10, chunkSize: 4096))
        #expect(try reader.nextRow()?.fields == ["1", "2"])
        let error = Fixture.formatError { _ = try reader.nextRow() }
        #expect(error?.reason == .recordTooLarge(limit: 64 << 10))
        #expect(error?.location?.row == 3)
    }

    @Test func aRunawayQuoteHitsTheLimitToo() throws {
        let url = try Fixture.write("a,b\n1,\"" + String(repeating: "y,\n", count: 50_000), name: "runaway.csv")
        let reader = try CSVReader(url: url, options: CSVReadOptions(maxRecordBytes: 16 << 10, chunkSize: 1000))
        let error = Fixture.formatError { _ = try reader.nextRow() }
        #expect(error?.reason == .recordTooLarge(limit: 16 << 10))
    }

    @Test func theDefaultLimitStopsAMultiMegabyteLine() throws {
        let url = try Fixture.write("a,b\n1," + String(repeating: "z", count: 6 << 20) + "\n", name: "huge-line.csv")
        let reader = try CSVReader(url: url)
        let error = Fixture.formatError { _ = try reader.nextRow() }
        #expect(error?.reason == .recordTooLarge(limit: 4 << 20))
        #expect(error?.description == "huge-line.csv, row 2: the record is longer than the limit of 4194304 bytes "
                + "(a missing line break or a runaway quote?)")
    }

    @Test func utf16WithoutBOMReadsWhenNamed() throws {
        let url = try Fixture.write(Array("mã,tên\nA,Lụa\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] },
                                    name: "nobom.csv")
        let reader = try CSVReader(url: url, options: CSVReadOptions(encoding: TextEncoding(name: "utf-16le")))
        #expect(try reader.allRows().map { $0["tên"] } == ["Lụa"])
    }

    @Test func fieldsAcrossTinyChunksMatchOneBigChunk() throws {
        let text = "Mã,Ghi chú\n\"A\"\"1\",\"dòng 1\r\ndòng 2\"\n" + (1...200).map { "K\($0),\"Hòa \($0)\"\n" }.joined()
        let url = try Fixture.write(text, name: "chunks.csv")
        let whole = try CSVReader(url: url).allRows().map(\.fields)
        for size in [1, 2, 3, 7, 64] {
            let pieces = try CSVReader(url: url, options: CSVReadOptions(chunkSize: size)).allRows().map(\.fields)
            #expect(pieces == whole, "chunk size \(size)")
        }
        #expect(whole[0] == ["A\"1", "dòng 1\r\ndòng 2"])
        #expect(whole.count == 201)
    }

    @Test func invalidUTF8AfterAnUTF8StartNamesTheField() throws {
        var bytes = Array("ma,ten\nA,Hòa\n".utf8)
        bytes += Array("B,Nguy".utf8) + [0xEA, 0xEC] + Array("n\n".utf8)  // Windows-1258 bytes
        let url = try Fixture.write(bytes, name: "mixed.csv")
        // The encoding is settled on the first chunk holding non-ASCII; here that chunk is all
        // UTF-8, and the Windows-1258 bytes come in a later one.
        let reader = try CSVReader(url: url, options: CSVReadOptions(chunkSize: 16))
        #expect(try reader.nextRow()?["ten"] == "Hòa")
        let error = Fixture.formatError { _ = try reader.nextRow() }
        #expect(error?.location?.row == 3)
        #expect(error?.location?.column == 2)
        guard case .invalidEncoding(let encoding, _)? = error?.reason else {
            Issue.record("expected an encoding error, got \(String(describing: error))")
            return
        }
        #expect(encoding == "UTF-8")
        // When the evidence is in the first chunk, detection picks Windows-1258 for the file.
        let detected = try CSVReader(url: url)
        let names = try detected.allRows().map { $0["ten"] ?? "" }
        #expect(names == ["HĂ²a", "Nguyến"])  // 0xC3 is Ă in Windows-1258
        #expect(detected.encoding == .windows1258)
    }

    @Test func undefinedWindows1258ByteIsAnError() throws {
        let url = try Fixture.write(Array("a\n".utf8) + [0x81, 0x0A], name: "undef.csv")
        let reader = try CSVReader(url: url, options: CSVReadOptions(encoding: .windows1258))
        let error = Fixture.formatError { _ = try reader.nextRow() }
        guard case .invalidEncoding(let encoding, _)? = error?.reason else {
            Issue.record("expected an encoding error, got \(String(describing: error))")
            return
        }
        #expect(encoding == "Windows-1258")
    }

    @Test func raggedRowsAreErrorsUnlessAllowed() throws {
        let url = try Fixture.write("a,b,c\n1,2,3,,\n1,2\n", name: "ragged.csv")
        let reader = try CSVReader(url: url)
        #expect(try reader.nextRow()?.fields == ["1", "2", "3"])  // trailing empty fields dropped
        let error = Fixture.formatError { _ = try reader.nextRow() }
        #expect(error?.reason == .fieldCount(found: 2, expected: 3))
        let lenient = try CSVReader(url: url, options: CSVReadOptions(allowsRaggedRows: true))
        #expect(try lenient.allRows().map(\.fields.count) == [5, 2])
    }

    @Test func emptyFileHasNoHeader() throws {
        let url = try Fixture.write("", name: "empty.csv")
        #expect(Fixture.formatError { _ = try CSVReader(url: url) }?.reason == .missingHeader)
        let noHeader = try CSVReader(url: url, options: CSVReadOptions(hasHeader: false))
        #expect(try noHeader.nextRow() == nil)
    }

    @Test func missingFileIsAnIOError() {
        let error = Fixture.formatError { _ = try CSVReader(url: URL(fileURLWithPath: "/nonexistent/x.csv")) }
        #expect(error?.file == "x.csv")
    }
}
