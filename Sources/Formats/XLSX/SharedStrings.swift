import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The shared-string table (`xl/sharedStrings.xml`): every `<si>`'s text, rich-text runs joined
/// and phonetic guides (`<rPh>`) left out, NFC.
struct SharedStrings {
    let strings: [String]

    static let empty = SharedStrings(strings: [])

    init(strings: [String]) { self.strings = strings }

    init(contentsOf url: URL, entry: String, file: String) throws(FormatError) {
        let collector = Collector()
        try XMLPart.parse(contentsOf: url, entry: entry, file: file, delegate: collector)
        strings = collector.strings
    }

    private final class Collector: NSObject, XMLParserDelegate {
        var strings: [String] = []
        private var current = ""
        private var inText = false
        private var phoneticDepth = 0

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes: [String: String] = [:]) {
            switch SpreadsheetText.localName(elementName) {
            case "si": current = ""
            case "rPh": phoneticDepth += 1
            case "t": inText = phoneticDepth == 0
            default: break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if inText { current += string }
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?) {
            switch SpreadsheetText.localName(elementName) {
            case "si": strings.append(NormalizedText.nfc(SpreadsheetText.unescape(current)))
            case "rPh": phoneticDepth -= 1
            case "t": inText = false
            default: break
            }
        }
    }
}
