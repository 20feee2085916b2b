import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// What `xl/workbook.xml` says: the sheets in order (name and relationship id) and the date system.
struct WorkbookIndex {
    struct Sheet { let name: String; let relationshipID: String }
    let sheets: [Sheet]
    let dateSystem: XLSXDateSystem

    init(data: Data, entry: String, file: String) throws(FormatError) {
        let collector = Collector()
        try XMLPart.parse(data, entry: entry, file: file, delegate: collector)
        sheets = collector.sheets
        dateSystem = collector.uses1904 ? .from1904 : .from1900
    }

    private final class Collector: NSObject, XMLParserDelegate {
        var sheets: [Sheet] = []
        var uses1904 = false
        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes: [String: String] = [:]) {
            switch SpreadsheetText.localName(elementName) {
            case "workbookPr":
                let value = attributes["date1904"]?.lowercased()
                uses1904 = value == "1" || value == "true"
            case "sheet":
                // The relationship id is `r:id`, but the prefix is the writer's choice.
                guard let name = attributes["name"],
                      let id = attributes.first(where: { $0.key != "sheetId" && $0.key.hasSuffix(":id") })?.value
                else { return }
                sheets.append(Sheet(name: NormalizedText.nfc(name), relationshipID: id))
            default:
                break
            }
        }
    }
}
