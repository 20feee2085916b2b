import Foundation

/// Writes a report as JSON: its metadata and blocks with typed values (integers and ratios as
/// numbers, dates `yyyy-MM-dd`, empty cells `null`), keys sorted so output is stable.
public struct JSONReportWriter: TextReportWriter {
    public init() {}

    public func render(_ document: ReportDocument) throws(FormatError) -> String {
        String(decoding: try encode(document), as: UTF8.self)
    }

    public func write(_ document: ReportDocument, to url: URL) throws(FormatError) {
        let data = try encode(document)
        do { try data.write(to: url) } catch {
            throw FormatError(file: url.lastPathComponent, reason: .io("cannot write: \(error.localizedDescription)"))
        }
    }

    private func encode(_ document: ReportDocument) throws(FormatError) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            return try encoder.encode(Self.value(of: document)) + Data("\n".utf8)
        } catch {
            throw FormatError(file: "(json)", reason: .invalidValue("cannot encode the report: \(error)"))
        }
    }

    static func value(of document: ReportDocument) -> JSONValue {
        let meta = document.metadata
        var metadata: [String: JSONValue] = ["title": .string(meta.title), "issuer": .array(meta.issuer.map(JSONValue.string))]
        metadata["subtitle"] = meta.subtitle.map(JSONValue.string)
        metadata["documentNumber"] = meta.documentNumber.map(JSONValue.string)
        metadata["place"] = meta.place.map(JSONValue.string)
        metadata["date"] = meta.date.map { .string($0.iso8601) }
        metadata["placeDateLine"] = meta.placeDateLine.map(JSONValue.string)
        if meta.landscape { metadata["landscape"] = .bool(true) }
        return .object(["metadata": .object(metadata), "blocks": .array(document.blocks.map(value(of:)))])
    }

    private static func value(of block: ReportBlock) -> JSONValue {
        switch block {
        case .heading(let level, let text):
            return .object(["type": "heading", "level": .integer(Int64(level)), "text": .string(text)])
        case .paragraph(let paragraph):
            return .object(paragraphMembers(paragraph).merging(["type": "paragraph"]) { a, _ in a })
        case .list(let items):
            return .object(["type": "list", "items": .array(items.map { .object(paragraphMembers($0)) })])
        case .table(let table):
            return value(of: table)
        case .chart(let chart):
            return .object([
                "type": "chart", "title": .string(chart.title), "valueKind": .string(chart.valueKind.rawValue),
                "categories": .array(chart.categories.map(JSONValue.string)),
                "series": .array(chart.series.map {
                    .object(["name": .string($0.name), "values": .array($0.values.map(JSONValue.number))])
                }),
            ])
        case .signature(let signature):
            return .object([
                "type": "signature", "recipients": .array(signature.recipients.map(JSONValue.string)),
                "signerTitle": .array(signature.signerTitle.map(JSONValue.string)),
                "signerName": signature.signerName.map(JSONValue.string) ?? .null,
            ])
        case .pageBreak:
            return .object(["type": "pageBreak"])
        }
    }

    private static func paragraphMembers(_ paragraph: ReportParagraph) -> [String: JSONValue] {
        var members: [String: JSONValue] = ["text": .string(paragraph.plainText)]
        if paragraph.runs.contains(where: { $0.bold || $0.italic }) {
            members["runs"] = .array(paragraph.runs.map {
                .object(["text": .string($0.text), "bold": .bool($0.bold), "italic": .bool($0.italic)])
            })
        }
        return members
    }

    private static func value(of table: ReportTable) -> JSONValue {
        var members: [String: JSONValue] = [
            "type": "table",
            "columns": .array(table.columns.map { .string($0.title) }),
            "rows": .array(table.rows.map { row in
                .object(["cells": .array(table.columns.indices.map { column in
                    value(of: column < row.cells.count ? row.cells[column] : .empty)
                }), "total": .bool(row.emphasis)])
            }),
        ]
        members["title"] = table.title.map(JSONValue.string)
        if table.hasGroupRow {
            members["groups"] = .array(table.groups.map { .object(["title": .string($0.title), "span": .integer(Int64($0.span))]) })
        }
        return .object(members)
    }

    private static func value(of cell: ReportCell) -> JSONValue {
        switch cell {
        case .text(let s): return .string(s)
        case .integer(let n): return .integer(Int64(n))
        case .decimal(let d, _), .percent(let d, _): return .number(d)
        case .date(let d): return .string(d.iso8601)
        case .empty: return .null
        }
    }
}

extension JSONValue: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
}

extension JSONValue: Encodable {
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let b): try container.encode(b)
        case .integer(let i): try container.encode(i)
        case .number(let d): try container.encode(d)
        case .string(let s): try container.encode(s)
        case .array(let a): try container.encode(a)
        case .object(let o): try container.encode(o)
        }
    }
}
