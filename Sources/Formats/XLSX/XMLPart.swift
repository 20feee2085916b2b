import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Runs `XMLParser` over one part of a package and turns its failure into a `FormatError`.
enum XMLPart {
    /// Parses `data` (a small part) with `delegate`.
    static func parse(_ data: Data, entry: String, file: String, delegate: XMLParserDelegate) throws(FormatError) {
        let parser = XMLParser(data: data)
        try run(parser, entry: entry, file: file, delegate: delegate)
    }

    /// Parses the file at `url` incrementally (the parser pulls it in chunks) with `delegate`.
    static func parse(contentsOf url: URL, entry: String, file: String, delegate: XMLParserDelegate) throws(FormatError) {
        guard let stream = InputStream(url: url) else {
            throw FormatError(file: file, reason: .io("cannot reopen \(entry) from a temporary file"))
        }
        try run(XMLParser(stream: stream), entry: entry, file: file, delegate: delegate)
    }

    static func run(_ parser: XMLParser, entry: String, file: String, delegate: XMLParserDelegate,
                    stoppedEarly: () -> Bool = { false }) throws(FormatError) {
        parser.delegate = delegate
        parser.shouldResolveExternalEntities = false
        if parser.parse() || stoppedEarly() { return }
        let detail = parser.parserError.map { "\($0.localizedDescription)" } ?? "unknown error"
        throw FormatError(file: file, location: SourceLocation(line: parser.lineNumber),
                          reason: .malformedXML(entry: entry, detail: detail))
    }
}
