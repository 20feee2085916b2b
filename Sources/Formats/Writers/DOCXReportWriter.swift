import Foundation

/// Writes a prose report as DOCX laid out as a Vietnamese official document (Nghị định
/// 30/2020/NĐ-CP): the header block as a two-column borderless table (issuing body and number
/// left; national motto and the italic place-and-date line right), a centred bold title,
/// justified paragraphs with a first-line indent, headings, "- " bullet lines, bordered tables
/// (charts as their number tables), and the closing block ("Nơi nhận:" left, signer right).
public struct DOCXReportWriter: ReportWriter {
    public var layout: DOCXLayout

    public init(layout: DOCXLayout = DOCXLayout()) {
        self.layout = layout
    }

    public func write(_ document: ReportDocument, to url: URL) throws(FormatError) {
        if document.metadata.landscape && !layout.landscape {
            var landscape = layout
            landscape.landscape = true
            return try DOCXReportWriter(layout: landscape).write(document, to: url)
        }
        let package = try ZipPackageWriter(url: url)
        try package.add("[Content_Types].xml", text: DOCXParts.contentTypes)
        try package.add("_rels/.rels", text: OfficeParts.rootRelationships(mainPart: "word/document.xml"))
        try package.add("docProps/core.xml", text: OfficeParts.coreProperties(
            title: [document.metadata.title, document.metadata.subtitle].compactMap { $0 }.joined(separator: " "),
            author: document.metadata.author))
        try package.add("docProps/app.xml", text: OfficeParts.appProperties)
        try package.add("word/document.xml", text: documentXML(document))
        try package.add("word/_rels/document.xml.rels", text: DOCXParts.documentRelationships)
        try package.add("word/styles.xml", text: DOCXParts.styles(bodySize: layout.body))
        try package.add("word/settings.xml", text: DOCXParts.settings)
        try package.add("word/header1.xml", text: DOCXParts.header(size: layout.body))
    }

    /// `word/document.xml`: header block, title, blocks, then the A4 section with its margins.
    private func documentXML(_ document: ReportDocument) -> String {
        var body = ""
        let meta = document.metadata
        if meta.hasOfficialHeader { body += officialHeader(meta) }
        body += titleBlock(meta)
        for block in document.blocks { body += xml(of: block, style: meta.numberStyle) }
        let twips = DOCXLayout.twips
        let section = "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rId3\"/>"
            + "<w:pgSz w:w=\"\(layout.width)\" w:h=\"\(layout.height)\"" + (layout.landscape ? " w:orient=\"landscape\"/>" : "/>")
            + "<w:pgMar w:top=\"\(twips(layout.topMarginMM))\" w:right=\"\(twips(layout.rightMarginMM))\" "
            + "w:bottom=\"\(twips(layout.bottomMarginMM))\" w:left=\"\(twips(layout.leftMarginMM))\" "
            + "w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/><w:titlePg/></w:sectPr>"
        return #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
            + #"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" "#
            + #"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>"#
            + body + section + "</w:body></w:document>"
    }

    // MARK: Header and title

    private func centered(_ text: String, bold: Bool = false, italic: Bool = false, size: Int,
                          before: Int = 0, after: Int = 0) -> WordML.Paragraph {
        WordML.Paragraph(runs: [WordML.Run(text: text, bold: bold, italic: italic, size: size)], alignment: .center,
                         spacingBefore: before, spacingAfter: after)
    }

    /// A short rule centred in a cell of `width`, covering `fraction` of it.
    private func rule(width: Int, fraction: Double) -> WordML.Paragraph {
        let side = Int(Double(width) * (1 - fraction) / 2)
        return WordML.Paragraph(runs: [WordML.Run(text: "", size: 4)], alignment: .center, leftIndent: side,
                                rightIndent: side, spacingAfter: 60, line: 120, bottomRule: true)
    }

    private func officialHeader(_ meta: ReportMetadata) -> String {
        let left = Int(Double(layout.textWidth) * 0.4)
        let right = layout.textWidth - left
        var issuer: [WordML.Paragraph] = meta.issuer.enumerated().map { index, line in
            centered(line, bold: index == meta.issuer.count - 1, size: 26)
        }
        issuer.append(rule(width: left, fraction: 0.35))
        if let number = meta.documentNumber { issuer.append(centered(number, size: 26, before: 60)) }
        var motto = [centered(ReportMetadata.nationalMotto.0, bold: true, size: 24),
                     centered(ReportMetadata.nationalMotto.1, bold: true, size: 26),
                     rule(width: right, fraction: 0.58)]
        if let line = meta.placeDateLine { motto.append(centered(line, italic: true, size: layout.body, before: 60)) }
        let row = [WordML.Cell(paragraphs: issuer, width: left), WordML.Cell(paragraphs: motto, width: right)]
        return WordML.table(columnWidths: [left, right], rows: [(row, false)], bordered: false)
    }

    private func titleBlock(_ meta: ReportMetadata) -> String {
        var xml = centered(meta.title, bold: true, size: layout.body, before: 240).xml
        if let subtitle = meta.subtitle {
            xml += centered(subtitle, bold: true, size: layout.body).xml
            xml += rule(width: layout.textWidth, fraction: 0.25).xml
        }
        return xml + WordML.Paragraph(spacingAfter: 120).xml
    }

    // MARK: Blocks

    private func prose(_ runs: [WordML.Run]) -> WordML.Paragraph {
        WordML.Paragraph(runs: runs, alignment: .both, firstLineIndent: layout.indent, spacingBefore: 0, spacingAfter: 120,
                         line: 276)
    }

    private func xml(of block: ReportBlock, style: NumberStyle) -> String {
        switch block {
        case .heading(let level, let text):
            var paragraph = prose([WordML.Run(text: text, bold: true, italic: level >= 3)])
            paragraph.style = "Heading\(min(max(level, 1), 3))"
            paragraph.keepWithNext = true
            paragraph.spacingBefore = 120
            return paragraph.xml
        case .paragraph(let paragraph):
            return prose(runs(paragraph)).xml
        case .list(let items):
            return items.map { prose([WordML.Run(text: "- ")] + runs($0)).xml }.joined()
        case .table(let table):
            return tableXML(table, style: style)
        case .chart(let chart):
            return tableXML(chart.table, style: style)
        case .signature(let signature):
            return signatureXML(signature)
        case .pageBreak:
            return WordML.pageBreak
        }
    }

    private func runs(_ paragraph: ReportParagraph) -> [WordML.Run] {
        paragraph.runs.map { WordML.Run(text: $0.text, bold: $0.bold, italic: $0.italic) }
    }

    private func tableXML(_ table: ReportTable, style: NumberStyle) -> String {
        var xml = ""
        if let title = table.title, !title.isEmpty {
            var caption = centered(title, bold: true, size: layout.body, before: 120, after: 60)
            caption.keepWithNext = true
            xml += caption.xml
        }
        let widths = columnWidths(table, style: style)
        let size = layout.table
        func paragraph(_ text: String, bold: Bool, alignment: WordML.Alignment) -> WordML.Paragraph {
            WordML.Paragraph(runs: [WordML.Run(text: text, bold: bold, size: size)], alignment: alignment)
        }
        func header(_ text: String, column: Int, span: Int = 1, merge: String? = nil) -> WordML.Cell {
            WordML.Cell(paragraphs: [paragraph(text, bold: true, alignment: .center)],
                        width: widths[column..<(column + span)].reduce(0, +), gridSpan: span, verticalMerge: merge,
                        shaded: true, verticalCenter: true)
        }
        var rows: [(cells: [WordML.Cell], isHeader: Bool)] = []
        if table.hasGroupRow {
            let groups = table.groupOfColumn
            var top: [WordML.Cell] = []
            var bottom: [WordML.Cell] = []
            var column = 0
            while column < table.columns.count {
                if let group = groups[column] {
                    let span = min(group.span, table.columns.count - column)
                    top.append(header(group.title, column: column, span: span))
                    for c in column..<(column + span) { bottom.append(header(table.columns[c].title, column: c)) }
                    column += span
                } else {
                    top.append(header(table.columns[column].title, column: column, merge: "restart"))
                    bottom.append(header("", column: column, merge: "continue"))
                    column += 1
                }
            }
            rows += [(top, true), (bottom, true)]
        } else {
            rows.append((table.columns.indices.map { header(table.columns[$0].title, column: $0) }, true))
        }
        for row in table.rows {
            let cells = table.columns.indices.map { column -> WordML.Cell in
                let cell = column < row.cells.count ? row.cells[column] : .empty
                return WordML.Cell(paragraphs: [paragraph(cell.formatted(style), bold: row.emphasis,
                                                          alignment: cell.isNumeric ? .right : .left)],
                                   width: widths[column])
            }
            rows.append((cells, false))
        }
        return xml + WordML.table(columnWidths: widths, rows: rows, bordered: true) + WordML.Paragraph(spacingAfter: 120).xml
    }

    /// Column widths filling the text width: given widths, or the longest text of each column
    /// (at least its title's longest word), in proportion.
    private func columnWidths(_ table: ReportTable, style: NumberStyle) -> [Int] {
        let weights = table.columns.indices.map { column -> Double in
            if let width = table.columns[column].width { return width }
            let longest = table.rows.map { column < $0.cells.count ? $0.cells[column].formatted(style).count : 0 }.max() ?? 0
            let title = table.columns[column].title.split(separator: " ").map(\.count).max() ?? 0
            return Double(min(max(longest, title, 4), 40) + 2)  // + the cell's margins
        }
        let total = max(weights.reduce(0, +), 1)
        var widths = weights.map { Int(Double(layout.textWidth) * $0 / total) }
        if let last = widths.indices.last { widths[last] += layout.textWidth - widths.reduce(0, +) }
        return widths
    }

    private func signatureXML(_ signature: SignatureBlock) -> String {
        let left = Int(Double(layout.textWidth) * 0.45)
        let right = layout.textWidth - left
        var recipients: [WordML.Paragraph] = []
        if !signature.recipients.isEmpty {
            recipients.append(WordML.Paragraph(runs: [WordML.Run(text: "Nơi nhận:", bold: true, italic: true, size: 24)],
                                               alignment: .left))
            recipients += signature.recipients.map {
                WordML.Paragraph(runs: [WordML.Run(text: $0, size: 22)], alignment: .left)
            }
        }
        var signer = signature.signerTitle.map { centered($0, bold: true, size: layout.body) }
        signer += Array(repeating: WordML.Paragraph(runs: [], alignment: .center), count: 4)
        if let name = signature.signerName { signer.append(centered(name, bold: true, size: layout.body)) }
        let row = [WordML.Cell(paragraphs: recipients, width: left), WordML.Cell(paragraphs: signer, width: right)]
        return WordML.Paragraph(spacingAfter: 120).xml
            + WordML.table(columnWidths: [left, right], rows: [(row, false)], bordered: false)
    }
}
