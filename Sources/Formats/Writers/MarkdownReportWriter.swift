import Foundation

/// Writes a report as Markdown (GitHub-flavoured tables): the header block as plain lines, tables
/// with one header row ("Group / Title"), charts as their number tables.
public struct MarkdownReportWriter: TextReportWriter {
    public init() {}

    public func render(_ document: ReportDocument) throws(FormatError) -> String {
        let sink = TextSink()
        try emit(document, into: sink)
        return sink.text
    }

    public func write(_ document: ReportDocument, to url: URL) throws(FormatError) {
        let sink = try TextSink(url: url)
        try emit(document, into: sink)
        try sink.close()
    }

    private func emit(_ document: ReportDocument, into sink: TextSink) throws(FormatError) {
        let meta = document.metadata
        let style = meta.numberStyle
        if meta.hasOfficialHeader {
            for (index, line) in meta.issuer.enumerated() {
                try sink.write((index == meta.issuer.count - 1 ? "**\(inline(line))**" : inline(line)) + "  \n")
            }
            if let number = meta.documentNumber { try sink.write(inline(number) + "\n") }
            try sink.write("\n**\(ReportMetadata.nationalMotto.0)**  \n**\(ReportMetadata.nationalMotto.1)**\n")
            if let line = meta.placeDateLine { try sink.write("\n*\(inline(line))*\n") }
            try sink.write("\n")
        }
        try sink.write("# \(inline(meta.title))\n\n")
        if let subtitle = meta.subtitle { try sink.write("**\(inline(subtitle))**\n\n") }
        for block in document.blocks {
            switch block {
            case .heading(let level, let text):
                try sink.write(String(repeating: "#", count: min(max(level, 1), 5) + 1) + " " + inline(text) + "\n\n")
            case .paragraph(let paragraph):
                try sink.write(runs(paragraph, leading: true) + "\n\n")
            case .list(let items):
                for item in items { try sink.write("- " + runs(item, leading: false) + "\n") }
                try sink.write("\n")
            case .table(let table):
                try writeTable(table, style: style, into: sink)
            case .chart(let chart):
                try writeTable(chart.table, style: style, into: sink)
            case .signature(let signature):
                if !signature.recipients.isEmpty {
                    try sink.write("**Nơi nhận:**  \n" + signature.recipients.map(inline).joined(separator: "  \n") + "\n\n")
                }
                try sink.write(signature.signerTitle.map { "**\(inline($0))**" }.joined(separator: "  \n") + "\n\n")
                if let name = signature.signerName { try sink.write("**\(inline(name))**\n\n") }
            case .pageBreak:
                try sink.write("---\n\n")
            }
        }
    }

    private func writeTable(_ table: ReportTable, style: NumberStyle, into sink: TextSink) throws(FormatError) {
        if let title = table.title, !title.isEmpty { try sink.write("**\(inline(title))**\n\n") }
        try sink.write("| " + table.flatColumnNames.map(cell).joined(separator: " | ") + " |\n")
        let alignments = table.columns.indices.map { column in
            table.rows.contains { column < $0.cells.count && $0.cells[column].isNumeric } ? "--:" : "---"
        }
        try sink.write("|" + alignments.joined(separator: "|") + "|\n")
        for row in table.rows {
            let texts = table.columns.indices.map { column -> String in
                let text = column < row.cells.count ? cell(row.cells[column].formatted(style)) : ""
                return row.emphasis && !text.isEmpty ? "**\(text)**" : text
            }
            try sink.write("| " + texts.joined(separator: " | ") + " |\n")
        }
        try sink.write("\n")
    }

    private func runs(_ paragraph: ReportParagraph, leading: Bool) -> String {
        var text = paragraph.runs.map { run -> String in
            let body = inline(run.text)
            if body.trimmingCharacters(in: .whitespaces).isEmpty { return body }
            switch (run.bold, run.italic) {
            case (true, true): return "***\(body)***"
            case (true, false): return "**\(body)**"
            case (false, true): return "*\(body)*"
            case (false, false): return body
            }
        }.joined()
        // A paragraph that starts like a heading, list item or numbered item must not become one.
        if leading, let first = text.first, "#-+>".contains(first) { text = "\\" + text }
        if leading, let dot = text.firstIndex(of: "."), text[..<dot].allSatisfy(\.isNumber), dot != text.startIndex {
            text.insert("\\", at: dot)
        }
        return text
    }

    private func inline(_ text: String) -> String {
        var out = ""
        for ch in text {
            if "\\*_`[]<>".contains(ch) { out.append("\\") }
            out.append(ch)
        }
        return out
    }

    private func cell(_ text: String) -> String {
        inline(text).replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\r\n", with: "<br>")
            .replacingOccurrences(of: "\n", with: "<br>")
    }
}
