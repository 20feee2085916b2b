/// The fixed parts of a DOCX package besides the document body.
enum DOCXParts {
    private static let main = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    private static let types = "application/vnd.openxmlformats-officedocument.wordprocessingml"

    static let contentTypes = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
        + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
        + #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
        + #"<Default Extension="xml" ContentType="application/xml"/>"#
        + #"<Override PartName="/word/document.xml" ContentType="\#(types).document.main+xml"/>"#
        + #"<Override PartName="/word/styles.xml" ContentType="\#(types).styles+xml"/>"#
        + #"<Override PartName="/word/settings.xml" ContentType="\#(types).settings+xml"/>"#
        + #"<Override PartName="/word/header1.xml" ContentType="\#(types).header+xml"/>"#
        + OfficeParts.propertiesContentTypes
        + "</Types>"

    static let documentRelationships = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
        + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        + #"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#
        + #"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>"#
        + #"<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>"#
        + "</Relationships>"

    static let settings = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
        + #"<w:settings xmlns:w="\#(main)"><w:zoom w:percent="100"/><w:defaultTabStop w:val="720"/>"#
        + #"<w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:compatSetting w:name="compatibilityMode" "#
        + #"w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>"#

    /// The page number, centred at the top; the first page (`titlePg`) has none.
    static func header(size: Int) -> String {
        #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
            + #"<w:hdr xmlns:w="\#(main)"><w:p><w:pPr><w:jc w:val="center"/></w:pPr>"#
            + #"<w:r><w:rPr><w:sz w:val="\#(size)"/></w:rPr><w:fldChar w:fldCharType="begin"/></w:r>"#
            + #"<w:r><w:rPr><w:sz w:val="\#(size)"/></w:rPr><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>"#
            + #"<w:r><w:rPr><w:sz w:val="\#(size)"/></w:rPr><w:fldChar w:fldCharType="separate"/></w:r>"#
            + #"<w:r><w:rPr><w:sz w:val="\#(size)"/></w:rPr><w:t>2</w:t></w:r>"#
            + #"<w:r><w:rPr><w:sz w:val="\#(size)"/></w:rPr><w:fldChar w:fldCharType="end"/></w:r></w:p></w:hdr>"#
    }

    /// Times New Roman everywhere (Vietnamese needs it set for every script slot), the body
    /// size, Vietnamese as the proofing language, and heading styles for the navigation pane.
    static func styles(bodySize: Int) -> String {
        let fonts = #"<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/>"#
        var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
        xml += #"<w:styles xmlns:w="\#(main)"><w:docDefaults><w:rPrDefault><w:rPr>\#(fonts)"#
        xml += #"<w:sz w:val="\#(bodySize)"/><w:szCs w:val="\#(bodySize)"/><w:lang w:val="vi-VN" w:eastAsia="vi-VN" w:bidi="ar-SA"/>"#
        xml += #"</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>"#
        xml += "</w:pPrDefault></w:docDefaults>"
        xml += #"<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>"#
        for level in 1...3 {
            xml += #"<w:style w:type="paragraph" w:styleId="Heading\#(level)"><w:name w:val="heading \#(level)"/>"#
            xml += #"<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>"#
            xml += #"<w:pPr><w:keepNext/><w:outlineLvl w:val="\#(level - 1)"/></w:pPr><w:rPr><w:b/><w:bCs/></w:rPr></w:style>"#
        }
        xml += #"<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>"#
        xml += #"<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>"#
        xml += #"<w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>"#
        xml += "</w:tblCellMar></w:tblPr></w:style></w:styles>"
        return xml
    }
}
