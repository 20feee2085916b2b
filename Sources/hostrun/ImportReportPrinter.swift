import Foundation
import HostAPI

/// `hostrun import`'s result, as text for people and as JSON for programs.
struct ImportReportPrinter {
    let connector: String
    let sources: [String]
    /// Where the store is, as `--db` named it.
    let store: String
    let dryRun: Bool
    /// What the import wrote, when it did.
    var result: ConnectorImport?
    /// What `--strict` refused, when it did.
    var strictRejections: [ConnectorRejection] = []

    private var rejections: [ConnectorRejection] { result?.rejections ?? strictRejections }

    /// `written`, `dry_run` or `aborted_strict`.
    private var outcome: String {
        if result == nil { return "aborted_strict" }
        return dryRun ? "dry_run" : "written"
    }

    var text: String {
        let files = sources.count == 1 ? sources[0] : "\(sources.count) files"
        var out = ""
        if let result {
            let summary = result.summary
            let records = result.records == .feedback ? "feedback records" : "records"
            // `rejections` holds the store's rejections too, which `summary.total` counts.
            let count = summary.total - summary.rejected + rejections.count
            out += "\(connector): \(count) \(records) from \(files)\n"
            out += "  inserted \(summary.inserted), updated \(summary.updated), unchanged \(summary.unchanged), "
                + "rejected \(rejections.count)\n"
        } else {
            out += "\(connector): \(files)\n"
        }
        if !rejections.isEmpty {
            out += "rejected:\n"
            for rejection in rejections { out += "  \(rejection)\n" }
        }
        switch outcome {
        case "written": out += "written to \(store)" + (result?.summary.importID.map { " (import \($0))" } ?? "") + "\n"
        case "dry_run": out += "dry run: nothing was written to \(store)\n"
        default:
            let count = rejections.count
            out += "--strict: \(count) record\(count == 1 ? " was" : "s were") rejected, so nothing was written to \(store)\n"
        }
        return out
    }

    var json: String {
        let summary = result?.summary
        return Self.encode(Output(
            connector: connector, records: result?.records.rawValue, sources: sources, outcome: outcome,
            written: outcome == "written", store: store, importID: summary?.importID, batchID: summary?.batchID,
            inserted: summary?.inserted, updated: summary?.updated, unchanged: summary?.unchanged,
            rejected: rejections.count, historyAppended: summary?.historyAppended,
            rejections: rejections.map {
                Rejection(origin: $0.origin, source: $0.key?.source, code: $0.key?.code, field: $0.field, reason: $0.reason)
            }, error: nil))
    }

    /// The JSON of an import that failed before writing anything.
    func failure(_ message: String) -> String {
        Self.encode(Output(connector: connector, records: nil, sources: sources, outcome: "failed", written: false,
                           store: store, importID: nil, batchID: nil, inserted: nil, updated: nil, unchanged: nil,
                           rejected: nil, historyAppended: nil, rejections: nil, error: message))
    }

    private static func encode(_ output: Output) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(output)) ?? Data(), as: UTF8.self) + "\n"
    }

    private struct Output: Encodable {
        var connector: String
        var records: String?
        var sources: [String]
        var outcome: String
        var written: Bool
        var store: String
        var importID: Int64?
        var batchID: String?
        var inserted, updated, unchanged, rejected, historyAppended: Int?
        var rejections: [Rejection]?
        var error: String?

        enum CodingKeys: String, CodingKey {
            case connector, records, sources, outcome, written, store, inserted, updated, unchanged, rejected
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
