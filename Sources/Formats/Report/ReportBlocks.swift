/// A run of text with its emphasis.
public struct TextRun: Sendable, Hashable {
    public var text: String
    public var bold: Bool
    public var italic: Bool

    public init(_ text: String, bold: Bool = false, italic: Bool = false) {
        self.text = text
        self.bold = bold
        self.italic = italic
    }
}

/// A paragraph of prose: runs of text, justified with a first-line indent in print formats.
public struct ReportParagraph: Sendable, Hashable, ExpressibleByStringLiteral {
    public var runs: [TextRun]

    public init(_ runs: [TextRun]) { self.runs = runs }
    public init(_ text: String) { runs = [TextRun(text)] }
    public init(stringLiteral text: String) { self.init(text) }

    /// The text without emphasis.
    public var plainText: String { runs.map(\.text).joined() }
}

/// The closing block of an official document: recipients on the left ("Nơi nhận:"), the
/// signer on the right.
public struct SignatureBlock: Sendable, Hashable {
    /// Recipient lines, e.g. "- UBND phường (b/c);", "- Lưu: VT.".
    public var recipients: [String]
    /// The signer's title lines in capitals, e.g. ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"].
    public var signerTitle: [String]
    /// The signer's name, under the space for the signature.
    public var signerName: String?

    public init(recipients: [String], signerTitle: [String], signerName: String? = nil) {
        self.recipients = recipients
        self.signerTitle = signerTitle
        self.signerName = signerName
    }
}

/// One block of a report, in reading order.
public enum ReportBlock: Sendable, Hashable {
    /// A heading of level 1 (a section: "I. KẾT QUẢ…") to 3.
    case heading(level: Int, text: String)
    case paragraph(ReportParagraph)
    /// Bullet lines (written "- …" in official documents).
    case list([ReportParagraph])
    case table(ReportTable)
    case chart(BarChart)
    case signature(SignatureBlock)
    case pageBreak
}
