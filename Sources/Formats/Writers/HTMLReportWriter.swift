import Foundation

/// Writes a report as one self-contained HTML file: no external style, script, font or image,
/// printable on A4 with the margins of an official document, charts as inline SVG.
public struct HTMLReportWriter: TextReportWriter {
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

    static let css = """
        @page { size: A4; margin: 20mm 15mm 20mm 30mm; }
        html { background: #fff; }
        body { font-family: "Times New Roman", Times, serif; font-size: 14pt; line-height: 1.35; color: #000;
               max-width: 165mm; margin: 0 auto; }
        @media screen { body { padding: 12mm 6mm; } }
        .official-header { width: 100%; border-collapse: collapse; margin-bottom: 12pt; }
        .official-header td { vertical-align: top; text-align: center; border: none; padding: 0; font-size: 13pt; }
        .official-header .issuer { width: 40%; }
        .official-header .motto { width: 60%; }
        .official-header .rule { display: block; width: 35%; margin: 1pt auto 4pt; border-top: 1px solid #000; }
        .official-header .motto .rule { width: 55%; }
        .place-date { font-style: italic; }
        .number { white-space: pre; }
        h1 { font-size: 14pt; text-align: center; margin: 12pt 0 0; }
        .subtitle { text-align: center; font-weight: bold; margin: 0 0 12pt; }
        h2, h3, h4, h5, h6 { font-size: 14pt; margin: 8pt 0 4pt; text-align: justify; text-indent: 1cm; }
        h4, h5, h6 { font-style: italic; }
        p { margin: 0 0 6pt; text-align: justify; text-indent: 1cm; }
        ul.dash { list-style: none; margin: 0 0 6pt; padding: 0; }
        ul.dash li { text-align: justify; text-indent: 1cm; margin-bottom: 3pt; }
        ul.dash li::before { content: "- "; }
        table.data { width: 100%; border-collapse: collapse; margin: 6pt 0 10pt; font-size: 12pt; }
        table.data caption { font-weight: bold; margin-bottom: 4pt; }
        table.data th, table.data td { border: 1px solid #000; padding: 2pt 4pt; }
        table.data th { text-align: center; vertical-align: middle; }
        table.data td.num { text-align: right; white-space: nowrap; }
        table.data tr.total td { font-weight: bold; }
        thead { display: table-header-group; }
        tr, figure { page-break-inside: avoid; break-inside: avoid; }
        figure.chart { margin: 8pt 0 12pt; }
        .signature { width: 100%; border-collapse: collapse; margin-top: 12pt; }
        .signature td { vertical-align: top; border: none; padding: 0; }
        .signature .recipients { width: 45%; font-size: 11pt; }
        .signature .recipients b { font-size: 12pt; font-style: italic; }
        .signature .signer { width: 55%; text-align: center; font-weight: bold; }
        .signature .signer .space { height: 64pt; }
        .page-break { page-break-after: always; break-after: page; }
        """

    /// A4 turned sideways: 297 mm less the 30 mm and 15 mm side margins.
    static let landscapeCSS = """
        @page { size: A4 landscape; }
        body { max-width: 252mm; }

        """

    private func emit(_ document: ReportDocument, into sink: TextSink) throws(FormatError) {
        let meta = document.metadata
        let style = meta.numberStyle
        let esc = MarkupEscaping.html
        try sink.write("<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n")
        try sink.write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        try sink.write("<title>\(esc([meta.title, meta.subtitle].compactMap { $0 }.joined(separator: " – ")))</title>\n")
        try sink.write("<style>\n\(Self.css)\n" + (meta.landscape ? Self.landscapeCSS : "") + "</style>\n</head>\n<body>\n")
        if meta.hasOfficialHeader {
            var issuer = ""
            for (index, line) in meta.issuer.enumerated() {
                issuer += index == meta.issuer.count - 1 ? "<b>\(esc(line))</b><br>" : "\(esc(line))<br>"
            }
            issuer += "<span class=\"rule\"></span>"
            // The blank before "/BC-…" is where the clerk writes the number: keep its width.
            if let number = meta.documentNumber { issuer += "<span class=\"number\">\(esc(number))</span>" }
            var motto = "<b>\(ReportMetadata.nationalMotto.0)</b><br><b>\(ReportMetadata.nationalMotto.1)</b>"
            motto += "<span class=\"rule\"></span>"
            if let line = meta.placeDateLine { motto += "<span class=\"place-date\">\(esc(line))</span>" }
            try sink.write("<table class=\"official-header\"><tr><td class=\"issuer\">\(issuer)</td>")
            try sink.write("<td class=\"motto\">\(motto)</td></tr></table>\n")
        }
        try sink.write("<h1>\(esc(meta.title))</h1>\n")
        if let subtitle = meta.subtitle { try sink.write("<p class=\"subtitle\">\(esc(subtitle))</p>\n") }
        for block in document.blocks {
            switch block {
            case .heading(let level, let text):
                let tag = "h\(min(max(level, 1), 5) + 1)"
                try sink.write("<\(tag)>\(esc(text))</\(tag)>\n")
            case .paragraph(let paragraph):
                try sink.write("<p>\(runs(paragraph))</p>\n")
            case .list(let items):
                try sink.write("<ul class=\"dash\">" + items.map { "<li>\(runs($0))</li>" }.joined() + "</ul>\n")
            case .table(let table):
                try writeTable(table, style: style, into: sink)
            case .chart(let chart):
                try sink.write("<figure class=\"chart\">\(SVGBarChart.svg(chart, style: style))</figure>\n")
            case .signature(let signature):
                var left = ""
                if !signature.recipients.isEmpty {
                    left = "<b>Nơi nhận:</b><br>" + signature.recipients.map(esc).joined(separator: "<br>")
                }
                var right = signature.signerTitle.map(esc).joined(separator: "<br>")
                right += "<div class=\"space\"></div>" + (signature.signerName.map(esc) ?? "")
                try sink.write("<table class=\"signature\"><tr><td class=\"recipients\">\(left)</td>")
                try sink.write("<td class=\"signer\">\(right)</td></tr></table>\n")
            case .pageBreak:
                try sink.write("<div class=\"page-break\"></div>\n")
            }
        }
        try sink.write("</body>\n</html>\n")
    }

    private func writeTable(_ table: ReportTable, style: NumberStyle, into sink: TextSink) throws(FormatError) {
        let esc = MarkupEscaping.html
        var html = "<table class=\"data\">"
        if let title = table.title, !title.isEmpty { html += "<caption>\(esc(title))</caption>" }
        html += "<thead>"
        if table.hasGroupRow {
            html += "<tr>"
            var column = 0
            for group in table.groups {
                if group.title.isEmpty {
                    for c in column..<min(column + group.span, table.columns.count) {
                        html += "<th rowspan=\"2\">\(esc(table.columns[c].title))</th>"
                    }
                } else {
                    html += "<th colspan=\"\(group.span)\">\(esc(group.title))</th>"
                }
                column += group.span
            }
            for c in column..<table.columns.count { html += "<th rowspan=\"2\">\(esc(table.columns[c].title))</th>" }
            html += "</tr><tr>"
            for (c, group) in table.groupOfColumn.enumerated() where group != nil {
                html += "<th>\(esc(table.columns[c].title))</th>"
            }
            html += "</tr>"
        } else {
            html += "<tr>" + table.columns.map { "<th>\(esc($0.title))</th>" }.joined() + "</tr>"
        }
        html += "</thead><tbody>"
        try sink.write(html)
        for row in table.rows {
            var line = row.emphasis ? "<tr class=\"total\">" : "<tr>"
            for column in table.columns.indices {
                let cell = column < row.cells.count ? row.cells[column] : .empty
                line += cell.isNumeric ? "<td class=\"num\">" : "<td>"
                line += esc(cell.formatted(style)).replacingOccurrences(of: "\n", with: "<br>") + "</td>"
            }
            try sink.write(line + "</tr>\n")
        }
        try sink.write("</tbody></table>\n")
    }

    private func runs(_ paragraph: ReportParagraph) -> String {
        paragraph.runs.map { run in
            var text = MarkupEscaping.html(run.text)
            if run.italic { text = "<i>\(text)</i>" }
            if run.bold { text = "<b>\(text)</b>" }
            return text
        }.joined()
    }
}
