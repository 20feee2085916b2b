/// Collects the distinct looks of written cells and writes `xl/styles.xml` for them: each
/// (number format, bold, header, border) combination becomes one `cellXfs` entry.
struct XLSXStyleSheet {
    private struct Key: Hashable {
        let format: String
        let bold: Bool
        let header: Bool
        let bordered: Bool
    }

    private var keys: [Key] = [Key(format: "General", bold: false, header: false, bordered: false)]
    private var indexOfKey: [Key: Int] = [Key(format: "General", bold: false, header: false, bordered: false): 0]
    private var customFormats: [String: Int] = [:]

    /// Built-in format ids Excel knows without a definition.
    private static let builtIn: [String: Int] = ["General": 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4,
                                                 "0%": 9, "0.00%": 10]

    /// The style index (`s="…"`) for a cell.
    mutating func index(for cell: XLSXWriteCell) -> Int {
        let key = Key(format: cell.format.code, bold: cell.bold, header: cell.isHeader, bordered: cell.bordered)
        if let index = indexOfKey[key] { return index }
        if Self.builtIn[key.format] == nil, customFormats[key.format] == nil {
            customFormats[key.format] = 164 + customFormats.count
        }
        keys.append(key)
        indexOfKey[key] = keys.count - 1
        return keys.count - 1
    }

    var xml: String {
        let esc = MarkupEscaping.xml
        var out = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
        out += #"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#
        if !customFormats.isEmpty {
            out += #"<numFmts count="\#(customFormats.count)">"#
            for (code, id) in customFormats.sorted(by: { $0.value < $1.value }) {
                out += #"<numFmt numFmtId="\#(id)" formatCode="\#(esc(code))"/>"#
            }
            out += "</numFmts>"
        }
        out += #"<fonts count="2"><font><sz val="12"/><name val="Times New Roman"/><family val="1"/></font>"#
        out += #"<font><b/><sz val="12"/><name val="Times New Roman"/><family val="1"/></font></fonts>"#
        out += #"<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>"#
        out += #"<fill><patternFill patternType="solid"><fgColor rgb="FFD9E1F2"/><bgColor indexed="64"/></patternFill></fill></fills>"#
        out += #"<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>"#
        out += #"<border><left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right>"#
        out += #"<top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom><diagonal/></border></borders>"#
        out += #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
        out += #"<cellXfs count="\#(keys.count)">"#
        for key in keys {
            let format = Self.builtIn[key.format] ?? customFormats[key.format] ?? 0
            let font = key.bold ? 1 : 0
            let fill = key.header ? 2 : 0
            let border = key.bordered ? 1 : 0
            out += #"<xf numFmtId="\#(format)" fontId="\#(font)" fillId="\#(fill)" borderId="\#(border)" xfId="0""#
            out += format != 0 ? #" applyNumberFormat="1""# : ""
            out += key.bold ? #" applyFont="1""# : ""
            out += key.header ? #" applyFill="1""# : ""
            out += key.bordered ? #" applyBorder="1""# : ""
            if key.header {
                out += #" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>"#
            } else {
                out += #" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>"#
            }
        }
        out += "</cellXfs>"
        out += #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#
        out += "</styleSheet>"
        return out
    }
}
