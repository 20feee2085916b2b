import CLua
import Domain
import Formats
import LuaBridge

/// A report being built, as scripts hold it: the `Document` userdata of `report.document`.
///
/// Every method appends one block to the Formats ``ReportDocument`` it wraps and returns the
/// document, so calls chain (`doc:heading("I. ...", 1):paragraph("...")`). The host renders the
/// finished document in the format asked for; scripts never write a format themselves.
final class DocumentObject {
    var document: ReportDocument
    let reader: ReportSpecReader

    init(_ document: ReportDocument, time: CentreTime) {
        self.document = document
        reader = ReportSpecReader(time: time)
    }

    /// Appends a block read from argument 2 (a method's first argument) and returns the document.
    private static func append(_ call: LuaCall, _ object: DocumentObject,
                               _ read: (ReportSpecReader) throws(ReportSpecReader.Problem) -> ReportBlock) throws -> Int32 {
        do {
            object.document.append(try read(object.reader))
        } catch {
            throw call.argumentError(2, "field '\(error.field)': \(error.reason)")
        }
        return chain(call)
    }

    /// Returns `self` (argument 1), for chained calls.
    private static func chain(_ call: LuaCall) -> Int32 {
        lua_pushvalue(call.stack.state, 1)
        return 1
    }

    static let type = LuaUserdataType<DocumentObject>(
        "Document", "A report being built: each method appends a block and returns the document; the host renders it (Markdown, HTML, CSV, JSON, XLSX, DOCX).",
        methods: [
            LuaMethod("heading", "Appends a heading: level 1 for a section (\"I. ...\"), 2 for a subsection (\"1. ...\"), 3 and 4 below.",
                      parameters: [.init("text", .string, "the heading as printed"),
                                   .init("level", HostType.integer.optional, "1 to 4 (default 1)")],
                      returns: [.init("Document", "the document")]) { object, call in
                let text = VietnameseText.nfc(try call.string(2))
                let level = try call.optional(3, as: Int64.self) ?? 1
                guard (1...4).contains(level) else { throw call.argumentError(3, "a level from 1 to 4") }
                object.document.append(.heading(level: Int(level), text: text))
                return chain(call)
            },
            LuaMethod("paragraph", "Appends a paragraph of prose: a string, or runs such as {\"Tỷ lệ \", report.bold(\"98,7%\")}.",
                      parameters: [.init("text", "string|Run[]", "the text, or runs of text with emphasis")],
                      returns: [.init("Document", "the document")]) { object, call in
                let value = try call.argument(2, as: LuaValue.self)
                do throws(ReportSpecReader.Problem) {
                    object.document.append(.paragraph(try object.reader.paragraph(value, field: "text")))
                } catch {
                    throw call.argumentError(2, error.reason)
                }
                return chain(call)
            },
            LuaMethod("list", "Appends lines written \"- ...\" in official documents, one per item.",
                      parameters: [.init("items", "string[]|Run[][]", "the items: each a string or an array of runs")],
                      returns: [.init("Document", "the document")]) { object, call in
                let items = try call.table(2)
                guard items.fields.isEmpty else { throw call.argumentError(2, "an array of items expected") }
                return try append(call, object) { reader throws(ReportSpecReader.Problem) in
                    var paragraphs: [ReportParagraph] = []
                    for (offset, item) in items.sequence.enumerated() {
                        paragraphs.append(try reader.paragraph(item, field: "[\(offset + 1)]"))
                    }
                    return .list(paragraphs)
                }
            },
            LuaMethod("table", "Appends a table of typed cells, with optional column groups and a total row.",
                      parameters: [.init("spec", "TableSpec", "{title =, sheet =, columns =, groups =, rows =, total =}")],
                      returns: [.init("Document", "the document")]) { object, call in
                let spec = try call.table(2)
                return try append(call, object) { reader throws(ReportSpecReader.Problem) in .table(try reader.table(spec)) }
            },
            LuaMethod("chart", "Appends a horizontal bar chart (inline SVG in HTML; its numbers as a table elsewhere).",
                      parameters: [.init("spec", "ChartSpec", "{title =, categories =, series = {{name =, values =}}, kind =}")],
                      returns: [.init("Document", "the document")]) { object, call in
                let spec = try call.table(2)
                return try append(call, object) { reader throws(ReportSpecReader.Problem) in .chart(try reader.chart(spec)) }
            },
            LuaMethod("signature", "Appends the closing block: recipients (\"Nơi nhận:\") on the left, the signer on the right.",
                      parameters: [.init("spec", "SignatureSpec", "{recipients =, title =, name =}")],
                      returns: [.init("Document", "the document")]) { object, call in
                let spec = try call.table(2)
                return try append(call, object) { reader throws(ReportSpecReader.Problem) in .signature(try reader.signature(spec)) }
            },
            LuaMethod("page_break", "Starts a new page (a rule in Markdown).",
                      returns: [.init("Document", "the document")]) { object, call in
                object.document.append(.pageBreak)
                return chain(call)
            },
            LuaMethod("render", "The document as text in a text format, as `hostrun report` would write it (for specs and previews).",
                      parameters: [.init("format", .string, "md, html, csv or json")],
                      returns: [.init(.string, "the rendered document")]) { object, call in
                let name = try call.string(2)
                guard let format = ReportFormat(name: name) else {
                    throw call.argumentError(2, "unknown format '\(name)' (md, html, csv, json, xlsx, docx)")
                }
                guard let writer = format.writer as? any TextReportWriter else {
                    throw call.argumentError(2, "\(format.fileExtension) is a binary format: write it with hostrun report -o FILE")
                }
                do {
                    return call.returning(try writer.render(object.document))
                } catch {
                    throw LuaRuntimeMessage("Document:render: \(error)")
                }
            },
        ],
        properties: [
            LuaProperty("title", .string, "the document's title") { $0.document.metadata.title },
        ])
}
