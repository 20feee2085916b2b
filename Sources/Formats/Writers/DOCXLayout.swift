/// Page and type settings of a DOCX report. The defaults follow Nghị định 30/2020/NĐ-CP on
/// official documents: A4, margins top 20 mm, bottom 20 mm, left 30 mm, right 15 mm (allowed:
/// 20–25, 20–25, 30–35, 15–20), Times New Roman 14 pt body (13–14 allowed), first-line
/// indent 1 cm, page numbers centred at the top from page 2.
public struct DOCXLayout: Sendable, Hashable {
    public var topMarginMM: Double
    public var bottomMarginMM: Double
    public var leftMarginMM: Double
    public var rightMarginMM: Double
    /// Body text size in points (13 or 14).
    public var bodyPointSize: Double
    /// Table text size in points.
    public var tablePointSize: Double
    public var firstLineIndentMM: Double
    /// A4 turned sideways (the margins stay on the same sides of the text).
    public var landscape: Bool

    public init(topMarginMM: Double = 20, bottomMarginMM: Double = 20, leftMarginMM: Double = 30,
                rightMarginMM: Double = 15, bodyPointSize: Double = 14, tablePointSize: Double = 12,
                firstLineIndentMM: Double = 10, landscape: Bool = false) {
        self.topMarginMM = topMarginMM
        self.bottomMarginMM = bottomMarginMM
        self.leftMarginMM = leftMarginMM
        self.rightMarginMM = rightMarginMM
        self.bodyPointSize = bodyPointSize
        self.tablePointSize = tablePointSize
        self.firstLineIndentMM = firstLineIndentMM
        self.landscape = landscape
    }

    /// A4 in twentieths of a point.
    static let pageWidth = 11_906
    static let pageHeight = 16_838

    static func twips(mm: Double) -> Int { Int((mm * 1440 / 25.4).rounded()) }

    /// The page as oriented, in twips.
    var width: Int { landscape ? Self.pageHeight : Self.pageWidth }
    var height: Int { landscape ? Self.pageWidth : Self.pageHeight }

    /// The width between the margins, in twips.
    var textWidth: Int { width - Self.twips(mm: leftMarginMM) - Self.twips(mm: rightMarginMM) }
    var body: Int { Int((bodyPointSize * 2).rounded()) }
    var table: Int { Int((tablePointSize * 2).rounded()) }
    var indent: Int { Self.twips(mm: firstLineIndentMM) }
}
