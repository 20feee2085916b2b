import Foundation

/// Picks a sheet by its name (as the tab shows it) or its 0-based position.
public enum XLSXSheetSelector: Sendable, Equatable, CustomStringConvertible {
    case name(String)
    case index(Int)

    public var description: String {
        switch self {
        case .name(let name): return "\"\(name)\""
        case .index(let index): return "#\(index + 1)"
        }
    }
}

/// An XLSX workbook opened for reading, under `ZipLimits`.
///
/// Opening reads the workbook's small parts (sheet list, date system, styles); each call to
/// `rows(sheet:)` extracts that sheet to a temporary file (checked against the limits while it
/// inflates) and streams its rows.
public final class XLSXWorkbook {
    /// The file's name, used in every error.
    public let fileName: String
    /// The sheets' names in tab order.
    public let sheetNames: [String]
    /// The workbook's date system (`workbookPr date1904`).
    public let dateSystem: XLSXDateSystem

    private let package: ZipPackageReader
    private let sheetEntries: [String]
    private let sharedStringsEntry: String?
    private let styles: CellStyles
    private let temporaryDirectory: URL
    private var sharedStrings: [String]?

    public init(url: URL, limits: ZipLimits = ZipLimits()) throws(FormatError) {
        fileName = url.lastPathComponent
        let package = try ZipPackageReader(url: url, limits: limits)
        self.package = package
        var workbookEntry = "xl/workbook.xml"
        if package.contains("_rels/.rels") {
            let root = try PackageRelationships(data: package.data("_rels/.rels"), entry: "_rels/.rels",
                                                file: fileName, baseDirectory: "")
            workbookEntry = root.target(ofTypeSuffix: "officeDocument") ?? workbookEntry
        }
        guard package.contains(workbookEntry) else {
            throw FormatError(file: fileName, reason: .missingEntry("\(workbookEntry) (is it an XLSX workbook?)"))
        }
        let index = try WorkbookIndex(data: package.data(workbookEntry), entry: workbookEntry, file: fileName)
        let directory = workbookEntry.split(separator: "/").dropLast().map { $0 + "/" }.joined()
        let relsEntry = directory + "_rels/" + (workbookEntry.split(separator: "/").last.map(String.init) ?? "") + ".rels"
        guard package.contains(relsEntry) else { throw FormatError(file: fileName, reason: .missingEntry(relsEntry)) }
        let rels = try PackageRelationships(data: package.data(relsEntry), entry: relsEntry, file: fileName,
                                            baseDirectory: directory)
        var entries: [String] = []
        for sheet in index.sheets {
            guard let target = rels.byID[sheet.relationshipID]?.target else {
                throw FormatError(file: fileName, reason: .missingEntry("the part of sheet \"\(sheet.name)\""))
            }
            entries.append(target)
        }
        sheetNames = index.sheets.map(\.name)
        sheetEntries = entries
        dateSystem = index.dateSystem
        sharedStringsEntry = rels.target(ofTypeSuffix: "sharedStrings").flatMap { package.contains($0) ? $0 : nil }
        if let stylesEntry = rels.target(ofTypeSuffix: "styles"), package.contains(stylesEntry) {
            styles = try CellStyles(data: package.data(stylesEntry), entry: stylesEntry, file: fileName)
        } else {
            styles = .none
        }
        temporaryDirectory = FileManager.default.temporaryDirectory
            .appendingPathComponent("hostrun-xlsx-\(UUID().uuidString)", isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: temporaryDirectory, withIntermediateDirectories: true)
        } catch {
            throw FormatError(file: fileName, reason: .io("cannot create a temporary directory: \(error)"))
        }
    }

    deinit { try? FileManager.default.removeItem(at: temporaryDirectory) }

    /// Streams the rows of one sheet.
    public func rows(sheet: XLSXSheetSelector) throws(FormatError) -> XLSXRowReader {
        let position = try resolve(sheet)
        let strings = try loadSharedStrings()
        let entry = sheetEntries[position]
        let extracted = temporaryDirectory.appendingPathComponent("sheet-\(UUID().uuidString).xml")
        try package.extract(entry, to: extracted)
        return XLSXRowReader(workbook: self, sheetName: sheetNames[position], entry: entry,
                             extractedSheet: extracted, sharedStrings: strings, styles: styles)
    }

    private func resolve(_ selector: XLSXSheetSelector) throws(FormatError) -> Int {
        switch selector {
        case .index(let index) where sheetNames.indices.contains(index):
            return index
        case .name(let name):
            if let exact = sheetNames.firstIndex(of: NormalizedText.nfc(name)) { return exact }
            let key = ColumnKey.key(name)
            if let loose = sheetNames.firstIndex(where: { ColumnKey.key($0) == key }) { return loose }
        default:
            break
        }
        throw FormatError(file: fileName, reason: .sheetNotFound(requested: selector.description, available: sheetNames))
    }

    private func loadSharedStrings() throws(FormatError) -> [String] {
        if let sharedStrings { return sharedStrings }
        var strings: [String] = []
        if let entry = sharedStringsEntry {
            let extracted = temporaryDirectory.appendingPathComponent("sharedStrings.xml")
            try package.extract(entry, to: extracted)
            defer { try? FileManager.default.removeItem(at: extracted) }
            strings = try SharedStrings(contentsOf: extracted, entry: entry, file: fileName).strings
        }
        sharedStrings = strings
        return strings
    }
}

extension XLSXWorkbook {
    /// Reads a sheet as a table whose header holds every name in `expected`, looked for in
    /// the first `scanRows` rows (see `HeaderFinder`).
    public func table(sheet: XLSXSheetSelector, expecting expected: [String], scanRows: Int = 30)
        throws(FormatError) -> XLSXTable {
        try XLSXTable(reader: rows(sheet: sheet), expected: expected, scanRows: scanRows, file: fileName)
    }
}
