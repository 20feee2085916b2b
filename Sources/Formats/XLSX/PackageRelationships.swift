import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The relationships of one OPC part (`_rels/….rels`): id → (type, resolved target path).
struct PackageRelationships {
    struct Relationship { let type: String; let target: String }
    let byID: [String: Relationship]

    /// Parses a `.rels` part; targets are resolved against `baseDirectory` (e.g. `xl/`) unless
    /// absolute.
    init(data: Data, entry: String, file: String, baseDirectory: String) throws(FormatError) {
        let collector = Collector()
        try XMLPart.parse(data, entry: entry, file: file, delegate: collector)
        var byID: [String: Relationship] = [:]
        for (id, type, target) in collector.items {
            byID[id] = Relationship(type: type, target: Self.resolve(target, against: baseDirectory))
        }
        self.byID = byID
    }

    /// The first target whose type ends with `/suffix` (e.g. `officeDocument`, `styles`).
    func target(ofTypeSuffix suffix: String) -> String? {
        byID.values.filter { $0.type.hasSuffix("/" + suffix) }.map(\.target).sorted().first
    }

    static func resolve(_ target: String, against base: String) -> String {
        let raw = target.hasPrefix("/") ? String(target.dropFirst()) : base + target
        var parts: [Substring] = []
        for part in raw.split(separator: "/") {
            if part == ".." { if !parts.isEmpty { parts.removeLast() } } else if part != "." { parts.append(part) }
        }
        return parts.joined(separator: "/")
    }

    private final class Collector: NSObject, XMLParserDelegate {
        var items: [(String, String, String)] = []
        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes: [String: String] = [:]) {
            guard SpreadsheetText.localName(elementName) == "Relationship",
                  let id = attributes["Id"], let target = attributes["Target"] else { return }
            if attributes["TargetMode"] == "External" { return }
            items.append((id, attributes["Type"] ?? "", target))
        }
    }
}
