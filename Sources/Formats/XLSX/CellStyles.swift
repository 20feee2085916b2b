import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// From `xl/styles.xml`, which cell style indices (`s="…"`) display numbers as dates or times.
struct CellStyles {
    /// The kind of each entry of `cellXfs`, by index.
    let kinds: [NumberFormat.Kind]

    static let none = CellStyles(kinds: [])

    init(kinds: [NumberFormat.Kind]) { self.kinds = kinds }

    init(data: Data, entry: String, file: String) throws(FormatError) {
        let collector = Collector()
        try XMLPart.parse(data, entry: entry, file: file, delegate: collector)
        kinds = collector.formatIDs.map { id in
            if let code = collector.customCodes[id] { return NumberFormat.kind(ofCode: code) }
            return NumberFormat.builtInKind(id) ?? .number
        }
    }

    func kind(ofStyle index: Int) -> NumberFormat.Kind {
        index >= 0 && index < kinds.count ? kinds[index] : .number
    }

    private final class Collector: NSObject, XMLParserDelegate {
        var customCodes: [Int: String] = [:]
        var formatIDs: [Int] = []
        private var inCellXfs = false

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes: [String: String] = [:]) {
            switch SpreadsheetText.localName(elementName) {
            case "numFmt":
                if let id = attributes["numFmtId"].flatMap(Int.init), let code = attributes["formatCode"] {
                    customCodes[id] = code
                }
            case "cellXfs":
                inCellXfs = true
            case "xf" where inCellXfs:
                formatIDs.append(attributes["numFmtId"].flatMap(Int.init) ?? 0)
            default:
                break
            }
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?) {
            if SpreadsheetText.localName(elementName) == "cellXfs" { inCellXfs = false }
        }
    }
}
