/// Package parts XLSX and DOCX share: the root relationships and the document properties.
enum OfficeParts {
    static func rootRelationships(mainPart: String) -> String {
        let base = "http://schemas.openxmlformats.org"
        return #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
            + #"<Relationships xmlns="\#(base)/package/2006/relationships">"#
            + #"<Relationship Id="rId1" Type="\#(base)/officeDocument/2006/relationships/officeDocument" Target="\#(mainPart)"/>"#
            + #"<Relationship Id="rId2" Type="\#(base)/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>"#
            + #"<Relationship Id="rId3" Type="\#(base)/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>"#
            + "</Relationships>"
    }

    static func coreProperties(title: String?, author: String?) -> String {
        var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
        xml += #"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" "#
        xml += #"xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" "#
        xml += #"xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#
        if let title { xml += "<dc:title>\(MarkupEscaping.xml(title))</dc:title>" }
        if let author { xml += "<dc:creator>\(MarkupEscaping.xml(author))</dc:creator>" }
        xml += "<dc:language>vi-VN</dc:language>"
        return xml + "</cp:coreProperties>"
    }

    static let appProperties = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
        + #"<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">"#
        + "<Application>hostrun</Application></Properties>"

    static let propertiesContentTypes =
        #"<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>"#
        + #"<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>"#
}
