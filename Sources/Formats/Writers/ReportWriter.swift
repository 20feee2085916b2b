import Foundation

/// Renders a `ReportDocument` into one file format.
public protocol ReportWriter: Sendable {
    /// Writes `document` to a new file at `url` (replacing one that exists).
    func write(_ document: ReportDocument, to url: URL) throws(FormatError)
}

/// A writer of a text format, which can also render to a string (for previews and golden tests).
public protocol TextReportWriter: ReportWriter {
    func render(_ document: ReportDocument) throws(FormatError) -> String
}

/// The formats a report can be written in.
public enum ReportFormat: String, CaseIterable, Sendable {
    case markdown, html, csv, json, xlsx, docx

    /// Accepts the format's name or its file extension: `md`, `markdown`, `htm`, `html`, …
    public init?(name: String) {
        switch name.lowercased() {
        case "md", "markdown": self = .markdown
        case "htm", "html": self = .html
        default:
            guard let format = ReportFormat(rawValue: name.lowercased()) else { return nil }
            self = format
        }
    }

    public var fileExtension: String { self == .markdown ? "md" : rawValue }

    /// The writer with its default options.
    public var writer: any ReportWriter {
        switch self {
        case .markdown: return MarkdownReportWriter()
        case .html: return HTMLReportWriter()
        case .csv: return CSVReportWriter()
        case .json: return JSONReportWriter()
        case .xlsx: return XLSXReportWriter()
        case .docx: return DOCXReportWriter()
        }
    }
}
