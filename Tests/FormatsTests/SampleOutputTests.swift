import Foundation
import Testing
@testable import Formats

/// Writes the sample report in every format. render-check.sh runs this with
/// HOSTRUN_FORMATS_SAMPLES set to keep the files, then opens them in LibreOffice and Chromium.
@Suite struct SampleOutputTests {
    @Test func writesEveryFormat() throws {
        let directory = try ProcessInfo.processInfo.environment["HOSTRUN_FORMATS_SAMPLES"]
            .map { URL(fileURLWithPath: $0, isDirectory: true) } ?? Fixture.scratchDirectory()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for format in ReportFormat.allCases {
            let url = directory.appendingPathComponent("report.\(format.fileExtension)")
            try format.writer.write(SampleReport.document, to: url)
            let size = try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int ?? 0
            #expect(size > 500, "\(url.lastPathComponent) has \(size) bytes")
        }
    }
}
