/// Small builders for WordprocessingML (the XML inside DOCX): paragraphs, runs and tables.
enum WordML {
    enum Alignment: String { case left, center, right, both }

    struct Run {
        var text: String
        var bold = false
        var italic = false
        /// Half-points; `nil` inherits the paragraph default.
        var size: Int?

        var xml: String {
            var props = ""
            if bold { props += "<w:b/><w:bCs/>" }
            if italic { props += "<w:i/><w:iCs/>" }
            if let size { props += "<w:sz w:val=\"\(size)\"/><w:szCs w:val=\"\(size)\"/>" }
            let rPr = props.isEmpty ? "" : "<w:rPr>\(props)</w:rPr>"
            // Line breaks inside a run become <w:br/>, as a typed Shift+Enter would.
            let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
            let body = lines.map { "<w:t xml:space=\"preserve\">\(MarkupEscaping.xml(String($0)))</w:t>" }
                .joined(separator: "<w:br/>")
            return "<w:r>\(rPr)\(body)</w:r>"
        }
    }

    struct Paragraph {
        var runs: [Run] = []
        var alignment: Alignment = .both
        var firstLineIndent = 0
        var leftIndent = 0
        var rightIndent = 0
        var spacingBefore = 0
        var spacingAfter = 0
        /// Line spacing in 240ths of a line (240 = single).
        var line = 240
        var keepWithNext = false
        var style: String?
        /// A bottom border: the short rule under an issuing body or the national motto.
        var bottomRule = false

        var xml: String {
            var props = ""
            if let style { props += "<w:pStyle w:val=\"\(style)\"/>" }
            if keepWithNext { props += "<w:keepNext/>" }
            if bottomRule { props += #"<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr>"# }
            props += #"<w:spacing w:before="\#(spacingBefore)" w:after="\#(spacingAfter)" w:line="\#(line)" w:lineRule="auto"/>"#
            if firstLineIndent != 0 || leftIndent != 0 || rightIndent != 0 {
                props += #"<w:ind w:left="\#(leftIndent)" w:right="\#(rightIndent)" w:firstLine="\#(firstLineIndent)"/>"#
            }
            props += "<w:jc w:val=\"\(alignment.rawValue)\"/>"
            return "<w:p><w:pPr>\(props)</w:pPr>" + runs.map(\.xml).joined() + "</w:p>"
        }
    }

    struct Cell {
        var paragraphs: [Paragraph]
        var width: Int
        var gridSpan = 1
        /// "restart" on the first cell of a vertical merge, "continue" below it.
        var verticalMerge: String?
        var shaded = false
        var verticalCenter = false

        var xml: String {
            var props = "<w:tcW w:w=\"\(width)\" w:type=\"dxa\"/>"
            if gridSpan > 1 { props += "<w:gridSpan w:val=\"\(gridSpan)\"/>" }
            if let verticalMerge { props += "<w:vMerge w:val=\"\(verticalMerge)\"/>" }
            if shaded { props += #"<w:shd w:val="clear" w:color="auto" w:fill="D9E1F2"/>"# }
            if verticalCenter { props += #"<w:vAlign w:val="center"/>"# }
            let body = paragraphs.isEmpty ? "<w:p/>" : paragraphs.map(\.xml).joined()
            return "<w:tc><w:tcPr>\(props)</w:tcPr>\(body)</w:tc>"
        }
    }

    /// A table; `bordered` draws single lines around every cell, otherwise none (layout tables).
    static func table(columnWidths: [Int], rows: [(cells: [Cell], isHeader: Bool)], bordered: Bool) -> String {
        let line = bordered ? #"w:val="single" w:sz="4" w:space="0" w:color="000000""# : #"w:val="nil""#
        let borders = ["top", "left", "bottom", "right", "insideH", "insideV"].map { "<w:\($0) \(line)/>" }.joined()
        var xml = "<w:tbl><w:tblPr><w:tblW w:w=\"\(columnWidths.reduce(0, +))\" w:type=\"dxa\"/>"
        xml += bordered ? #"<w:jc w:val="center"/>"# : ""
        xml += "<w:tblBorders>\(borders)</w:tblBorders><w:tblLayout w:type=\"fixed\"/>"
        let margin = bordered ? 80 : 0
        xml += #"<w:tblCellMar><w:left w:w="\#(margin)" w:type="dxa"/><w:right w:w="\#(margin)" w:type="dxa"/></w:tblCellMar>"#
        xml += "</w:tblPr><w:tblGrid>" + columnWidths.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined() + "</w:tblGrid>"
        for row in rows {
            xml += "<w:tr>"
            xml += row.isHeader ? "<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>" : "<w:trPr><w:cantSplit/></w:trPr>"
            xml += row.cells.map(\.xml).joined() + "</w:tr>"
        }
        return xml + "</w:tbl>"
    }

    static let pageBreak = #"<w:p><w:r><w:br w:type="page"/></w:r></w:p>"#
}
