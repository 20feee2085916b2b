/// Who issues a report and how it is headed (the header block of an official document).
public struct ReportMetadata: Sendable, Hashable {
    /// The report's title, e.g. "BÁO CÁO".
    public var title: String
    /// The line under the title saying what it is about (trích yếu).
    public var subtitle: String?
    /// The issuing body, top to bottom: the body above it, then the issuer itself (printed in
    /// bold), e.g. ["UBND PHƯỜNG BẾN THÀNH", "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG"]. Empty for a
    /// document without the official header block.
    public var issuer: [String]
    /// The number line as printed, e.g. "Số: /BC-TTPVHCC" (the number left blank for the
    /// clerk to fill in).
    public var documentNumber: String?
    /// The place for the place-and-date line, e.g. "Bến Thành".
    public var place: String?
    public var date: ReportDate?
    /// The place-and-date line as printed when it is not made from `place` and `date`: a
    /// draft's line whose day and month are left blank for the signing ("Hưng Đạo, ngày tháng
    /// năm 2026"). Wins over `place` and `date`.
    public var placeDateText: String?
    /// Print on landscape A4, for tables too wide for a portrait page (the statistics table's
    /// seventeen columns).
    public var landscape: Bool
    /// How numbers are written in the text.
    public var numberStyle: NumberStyle
    /// The author recorded in file properties.
    public var author: String?

    public init(title: String, subtitle: String? = nil, issuer: [String] = [], documentNumber: String? = nil,
                place: String? = nil, date: ReportDate? = nil, placeDateText: String? = nil,
                landscape: Bool = false, numberStyle: NumberStyle = NumberStyle(), author: String? = nil) {
        self.title = title
        self.subtitle = subtitle
        self.issuer = issuer
        self.documentNumber = documentNumber
        self.place = place
        self.date = date
        self.placeDateText = placeDateText
        self.landscape = landscape
        self.numberStyle = numberStyle
        self.author = author
    }

    /// The national motto block's two lines.
    public static let nationalMotto = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")

    /// The place-and-date line: `placeDateText`, else made from `place` and `date` if both are set.
    public var placeDateLine: String? {
        if let placeDateText { return placeDateText }
        guard let place, let date else { return nil }
        return date.officialLine(place: place)
    }

    /// Whether to print the official header block (issuer and national motto).
    public var hasOfficialHeader: Bool { !issuer.isEmpty }
}

/// A report as every writer sees it: metadata plus blocks. A report script builds one document
/// and picks its formats; each `ReportWriter` renders the same blocks its own way.
public struct ReportDocument: Sendable, Hashable {
    public var metadata: ReportMetadata
    public var blocks: [ReportBlock]

    public init(metadata: ReportMetadata, blocks: [ReportBlock] = []) {
        self.metadata = metadata
        self.blocks = blocks
    }

    public mutating func append(_ block: ReportBlock) { blocks.append(block) }

    /// The tables of the document, charts included as their number tables, in order.
    public var tables: [ReportTable] {
        blocks.compactMap { block in
            switch block {
            case .table(let table): return table
            case .chart(let chart): return chart.table
            default: return nil
            }
        }
    }
}
