import Domain
import Foundation
import Store
import Testing

/// `hostrun report`, run as the real binary over a store filled by `hostrun demo --scenario
/// seed`: every bundled report in every format it supports, compared with golden files (text
/// formats exactly; XLSX read back cell by cell with openpyxl; DOCX by the text of
/// `word/document.xml`), the seed's own words in section I.1, and the errors an operator meets.
///
/// Golden files live in `Fixtures/reports`; a missing one is recorded (and the test fails so
/// that it is looked at), and `RECORD_SNAPSHOTS=1` records them all anew.
@Suite struct ReportCommandTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let goldens = root.appendingPathComponent("Tests/HostrunTests/Fixtures/reports")
    static let seedReport = root.appendingPathComponent("Plugins/reports/bao-cao-dinh-ky/spec/fixtures/seed-report.txt")

    /// Stores made once for the suite: the seed's records, and a copy where another system
    /// also holds some of them (some lagging behind), for the reconciliation report.
    struct World: Sendable {
        let folder: String
        var seed: String { folder + "/seed.db" }
        var linked: String { folder + "/linked.db" }
    }

    static let world: Result<World, any Error> = Result {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hostrun-reports-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let world = World(folder: folder)
        let demo = try HostrunBinary.run(["demo", "--scenario", "seed", "--db", world.seed])
        guard demo.status == 0 else { throw Failure("hostrun demo failed: \(demo.stderr)") }
        try FileManager.default.copyItem(atPath: world.seed, toPath: world.linked)
        try addSecondSource(to: world.linked)
        return world
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    /// Five resolved dossiers also seen by "vnpost": three as the first system has them, two
    /// still in progress there (their later history not yet sent).
    static func addSecondSource(to path: String) throws {
        let store = try SQLiteStore(path: path)
        var query = DossierQuery(received: LocalDate(year: 2026, month: 3, day: 1)!...LocalDate(year: 2026, month: 3, day: 31)!)
        query.statuses = [.returned, .resolved]
        query.includeHistory = true
        query.limit = 5
        var copies: [DossierRecord] = []
        try store.forEach(query) { dossier in
            var copy = dossier
            copy.key = DossierKey(source: "vnpost", code: dossier.code)
            if copies.count >= 3 {
                let open = Array(dossier.history.prefix { !$0.status.isFinished })
                copy.history = open
                copy.status = open.last?.status ?? .received
                copy.finishedAt = nil
                copy.apologyDueAt = nil
            }
            copies.append(DossierRecord(copy, origin: "ReportCommandTests"))
        }
        guard copies.count == 5 else { throw Failure("the seed has \(copies.count) dossiers to copy, not 5") }
        try store.upsert(copies, as: ImportRequest(connector: "tests"))
    }

    /// What each report is run with.
    struct Case: CustomTestStringConvertible, Sendable {
        var report: String
        var formats: [String]
        var period: [String]
        var now: String
        var linked = false
        var testDescription: String { report }
    }

    static let seedPeriod = ["--from", "01/01/2026", "--to", "25/05/2026"]
    static let cases: [Case] = [
        Case(report: "bao-cao-dinh-ky", formats: ["md", "html", "json", "docx"], period: seedPeriod, now: "25/05/2026 17:00"),
        Case(report: "thong-ke-tthc", formats: ["md", "html", "csv", "json", "xlsx", "docx"], period: seedPeriod, now: "25/05/2026 17:00"),
        Case(report: "chi-so-phuc-vu", formats: ["md", "html", "csv", "json", "xlsx", "docx"], period: seedPeriod, now: "25/05/2026 17:00"),
        // Three weeks after the seed's end, what was in progress then is overdue.
        Case(report: "qua-han", formats: ["md", "html", "csv", "json", "xlsx", "docx"], period: ["--month", "2026-06"], now: "15/06/2026 17:00"),
        Case(report: "pakn", formats: ["md", "html", "csv", "json", "xlsx", "docx"], period: seedPeriod, now: "25/05/2026 17:00"),
        Case(report: "doi-soat", formats: ["md", "html", "csv", "json", "xlsx", "docx"], period: seedPeriod, now: "25/05/2026 17:00", linked: true),
    ]

    /// `hostrun report ARGUMENTS` over the bundled reports.
    func report(_ arguments: [String]) throws -> HostrunBinary.Result {
        let result = try HostrunBinary.run(["report"] + arguments + ["--plugin-path", Self.root.appendingPathComponent("Plugins/reports").path])
        #expect(result.signal == nil, "hostrun report died of signal \(result.signal ?? 0)")
        return result
    }

    /// Writes `name` of `report` in `format` and returns the file.
    func written(_ test: Case, format: String) throws -> URL {
        let world = try Self.world.get()
        let output = URL(fileURLWithPath: world.folder).appendingPathComponent("\(test.report).\(format)")
        let result = try report([test.report] + test.period + ["--now", test.now, "--db", test.linked ? world.linked : world.seed,
                                                                "-o", output.path])
        #expect(result.status == 0, "\(test.report) as \(format): \(result.stderr)")
        return output
    }

    /// Compares `actual` with the golden file `name` byte for byte, recording it when missing
    /// or asked to.
    func compare(_ actual: String, golden name: String) throws {
        try compare(Data(actual.utf8), golden: name)
    }

    func compare(_ actual: Data, golden name: String) throws {
        let url = Self.goldens.appendingPathComponent(name)
        let record = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] != nil
        if record || !FileManager.default.fileExists(atPath: url.path) {
            try FileManager.default.createDirectory(at: Self.goldens, withIntermediateDirectories: true)
            try actual.write(to: url)
            if !record { Issue.record("recorded \(name); check it and commit it") }
            return
        }
        let expected = try Data(contentsOf: url)
        #expect(actual == expected, "\(name) differs from its golden file (RECORD_SNAPSHOTS=1 to record anew):\n\(String(decoding: actual, as: UTF8.self))")
    }

    // MARK: Every report, every format

    @Test(arguments: cases)
    func textFormatsMatchTheirGoldenFiles(_ test: Case) throws {
        for format in test.formats where ["md", "html", "csv", "json"].contains(format) {
            let data = try Data(contentsOf: try written(test, format: format))
            if format == "csv" {
                #expect(data.starts(with: [0xEF, 0xBB, 0xBF]), "CSV starts with the UTF-8 mark Excel needs")
            }
            try compare(data, golden: "\(test.report).\(format)")
        }
    }

    @Test(arguments: cases.filter { $0.formats.contains("xlsx") })
    func spreadsheetsReadBackCellByCell(_ test: Case) throws {
        let file = try written(test, format: "xlsx")
        let dump = try python(Self.xlsxCells, file.path)
        try compare(dump, golden: "\(test.report).xlsx.json")
        // Numbers are numbers, the header bold and frozen.
        let sheets = try #require(try JSONSerialization.jsonObject(with: Data(dump.utf8)) as? [[String: Any]])
        let first = try #require(sheets.first)
        #expect(first["header_bold"] as? Bool == true)
        #expect((first["freeze"] as? String)?.hasPrefix("A") == true)
        let rows = try #require(first["rows"] as? [[Any]])
        #expect(rows.last?.contains { $0 is NSNumber } == true, "the last row has typed numbers")
    }

    @Test(arguments: cases.filter { $0.formats.contains("docx") })
    func documentsReadBackParagraphByParagraph(_ test: Case) throws {
        let file = try written(test, format: "docx")
        try compare(try python(Self.docxText, file.path), golden: "\(test.report).docx.txt")
    }

    @Test func theProseReportRefusesTablesOnlyFormats() throws {
        let world = try Self.world.get()
        for format in ["csv", "xlsx"] {
            let result = try report(["bao-cao-dinh-ky"] + Self.seedPeriod + ["--db", world.seed, "-o", world.folder + "/x.\(format)"])
            #expect(result.status == 2)
            #expect(result.stderr == "hostrun report: report 'bao-cao-dinh-ky' cannot be written as \(format) (it supports docx, html, md, json)\n")
        }
    }

    // MARK: The seed's words

    /// The paragraphs of the seed report that start with `prefix`.
    func seedParagraph(_ prefix: String) throws -> String {
        let seed = try String(contentsOf: Self.seedReport, encoding: .utf8)
        return try #require(seed.split(separator: "\n").map(String.init).first { $0.hasPrefix(prefix) })
    }

    @Test func sectionI1IsTheSeedsParagraphWithTheSeedsNumbers() throws {
        let world = try Self.world.get()
        let result = try report(["bao-cao-dinh-ky", "--from", "01/01/2026", "--to", "25/05/2026", "--db", world.seed])
        #expect(result.status == 0, "\(result.stderr)")
        let paragraphs = result.stdout.split(separator: "\n").map(String.init)
        let figures = try seedParagraph("Từ ngày 01/01/2026 đến ngày 25/5/2026, Trung tâm Phục vụ hành chính công đã tiếp nhận")
        #expect(figures.contains("4.266 hồ sơ") && figures.contains("4.152 hồ sơ trực tuyến"))
        #expect(paragraphs.contains(figures), "section I.1 differs from the seed's:\n\(result.stdout)")
        #expect(paragraphs.contains(try seedParagraph("Tỷ lệ số hóa hồ sơ đạt 98.7%.")))
        #expect(paragraphs.contains(try seedParagraph("Từ ngày 01/01/2026 đến ngày 25/5/2026, Trung tâm đã tiếp nhận 08")))
        #expect(paragraphs.contains(try seedParagraph("Các PAKN trên")))
    }

    @Test func theDocxHasTheSeedsParagraphToo() throws {
        let file = try written(Self.cases[0], format: "docx")
        let paragraphs = try python(Self.docxText, file.path).split(separator: "\n").map(String.init)
        #expect(paragraphs.contains(try seedParagraph("Từ ngày 01/01/2026 đến ngày 25/5/2026, Trung tâm Phục vụ")))
        #expect(paragraphs.prefix(8).contains("Hưng Đạo, ngày tháng năm 2026"))
        #expect(paragraphs.prefix(8).contains("Số: /BC-TTPVHCC"))
        #expect(paragraphs.prefix(8).contains("TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG"))
    }

    // MARK: Errors

    @Test func operatorErrorsAreClearAndExitTwo() throws {
        let world = try Self.world.get()
        let db = ["--db", world.seed]
        let cases: [([String], String)] = [
            (["bao-cao-tuan"] + Self.seedPeriod + db, "hostrun report: unknown report 'bao-cao-tuan' (reports: bao-cao-dinh-ky, chi-so-phuc-vu, doi-soat, pakn, qua-han, thong-ke-tthc, tong-hop-don-vi)\n"),
            (["pakn", "--from", "32/01/2026", "--to", "25/05/2026"] + db, "hostrun report: --from 32/01/2026 is not a date (dd/MM/yyyy): "),
            (["pakn", "--from", "25/05/2026", "--to", "01/01/2026"] + db, "hostrun report: --to 01/01/2026 is before --from 25/05/2026\n"),
            (["pakn", "--half", "2026-3"] + db, "hostrun report: --half 2026-3: expected a year and a number from 1 to 2, e.g. 2026-1\n"),
            (["pakn"] + db, "hostrun report: no period: give --from and --to, or --year, --half, --quarter or --month\n"),
            (["pakn", "--month", "2026-05", "--year", "2026"] + db, "hostrun report: give one period: --from and --to, or --year, --half, --quarter or --month\n"),
            (["pakn", "--month", "2026-05", "-o", world.folder + "/x.pdf"] + db, "hostrun report: -o \(world.folder)/x.pdf: cannot tell the format from '.pdf'; give --format (md, html, csv, json, xlsx, docx)\n"),
            (["pakn", "--month", "2026-05", "--format", "xlsx"] + db, "hostrun report: xlsx is a binary format: give -o FILE\n"),
            (["pakn", "--month", "2026-05", "--option", "soon=3"] + db, "hostrun report: report 'pakn': option 'soon': not an option of this report (options: decimal)\n"),
            (["pakn", "--month", "2026-05", "--option", "decimal=;"] + db, "hostrun report: report 'pakn': option 'decimal': ';' is not one of ,, .\n"),
            (["bao-cao-dinh-ky", "--month", "2026-05", "--option", "text=missing.txt"] + db, "hostrun report: report 'bao-cao-dinh-ky': option 'text': no such file: missing.txt\n"),
        ]
        for (arguments, message) in cases {
            let result = try report(arguments)
            #expect(result.status == 2, "\(arguments): exit \(result.status)\n\(result.stderr)")
            #expect(result.stderr.hasPrefix(message), "\(arguments):\n\(result.stderr)")
        }
    }

    @Test func aMissingStoreIsAScriptErrorNamingIt() throws {
        let world = try Self.world.get()
        let result = try report(["pakn", "--month", "2026-05", "--db", world.folder + "/none.db"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("no store at \(world.folder)/none.db"), "\(result.stderr)")
    }

    // MARK: Reading files back

    /// Runs a Python program on `file` and returns what it prints.
    func python(_ program: String, _ file: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-c", program, file]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure("python3 failed on \(file): \(String(decoding: errors, as: UTF8.self))")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// Every sheet: its name, frozen cell, whether the header row is bold, the number formats
    /// of its last row and every cell's value (dates as yyyy-mm-dd).
    static let xlsxCells = """
        import json, sys, datetime, openpyxl
        book = openpyxl.load_workbook(sys.argv[1])
        sheets = []
        for sheet in book.worksheets:
            rows = [[c.value.date().isoformat() if isinstance(c.value, datetime.datetime) else c.value for c in row]
                    for row in sheet.iter_rows()]
            header = [c for c in sheet[1] if c.value is not None]
            last = list(sheet.iter_rows())[-1]
            sheets.append({"sheet": sheet.title, "freeze": sheet.freeze_panes,
                           "header_bold": all(c.font.bold for c in header),
                           "last_row_formats": [c.number_format for c in last], "rows": rows})
        print(json.dumps(sheets, ensure_ascii=False, indent=1))
        """

    /// The text of each non-empty paragraph of `word/document.xml`, one per line.
    static let docxText = """
        import re, sys, zipfile, html
        xml = zipfile.ZipFile(sys.argv[1]).read("word/document.xml").decode("utf-8")
        for paragraph in re.findall(r"<w:p[ >].*?</w:p>", xml):
            text = "".join(html.unescape(t) for t in re.findall(r"<w:t[^>]*>(.*?)</w:t>", paragraph))
            if text.strip():
                print(text)
        """
}
