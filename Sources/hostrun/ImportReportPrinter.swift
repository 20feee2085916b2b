import Foundation
import HostAPI

/// `hostrun import`'s result, as text for people and as JSON for programs.
struct ImportReportPrinter {
    let report: ImportReport
    /// Where the store is, as `--db` named it.
    let store: String

    var text: String {
        let files = report.sources.count == 1 ? report.sources[0] : "\(report.sources.count) files"
        var out = "\(report.connector): \(report.records) \(report.kind.rawValue == "feedback" ? "feedback records" : "records") from \(files)\n"
        out += "  inserted \(report.inserted), updated \(report.updated), unchanged \(report.unchanged), "
            + "rejected \(report.rejections.count)\n"
        if !report.rejections.isEmpty {
            out += "rejected:\n"
            for rejection in report.rejections { out += "  \(rejection)\n" }
        }
        switch report.outcome {
        case .written:
            out += "written to \(store)" + (report.importID.map { " (import \($0))" } ?? "") + "\n"
        case .dryRun:
            out += "dry run: nothing was written to \(store)\n"
        case .abortedStrict:
            let count = report.rejections.count
            out += "--strict: \(count) record\(count == 1 ? " was" : "s were") rejected, so nothing was written to \(store)\n"
        }
        return out
    }

    var json: String {
        Self.encode(Output(
            connector: report.connector, kind: report.kind.rawValue, sources: report.sources,
            outcome: report.outcome.rawValue, written: report.wrote, store: store, importID: report.importID,
            batchID: report.batchID, inserted: report.inserted, updated: report.updated,
            unchanged: report.unchanged, rejected: report.rejections.count,
            historyAppended: report.historyAppended,
            rejections: report.rejections.map {
                Rejection(origin: $0.origin, source: $0.key?.source, code: $0.key?.code, field: $0.field,
                          reason: $0.reason)
            }, error: nil))
    }

    /// The JSON of an import that failed before writing anything.
    static func failure(connector: String, sources: [String], message: String) -> String {
        encode(Output(connector: connector, kind: nil, sources: sources, outcome: "failed", written: false,
                      store: nil, importID: nil, batchID: nil, inserted: nil, updated: nil, unchanged: nil,
                      rejected: nil, historyAppended: nil, rejections: nil, error: message))
    }

    private static func encode(_ output: Output) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(output)) ?? Data(), as: UTF8.self) + "\n"
    }

    private struct Output: Encodable {
        var connector: String
        var kind: String?
        var sources: [String]
        var outcome: String
        var written: Bool
        var store: String?
        var importID: Int64?
        var batchID: String?
        var inserted, updated, unchanged, rejected, historyAppended: Int?
        var rejections: [Rejection]?
        var error: String?

        enum CodingKeys: String, CodingKey {
            case connector, kind, sources, outcome, written, store, inserted, updated, unchanged, rejected
            case rejections, error
            case importID = "import_id", batchID = "batch_id", historyAppended = "history_appended"
        }
    }

    private struct Rejection: Encodable {
        var origin: String
        var source: String?
        var code: String?
        var field: String?
        var reason: String
    }
}
