/// Finds the header of a government spreadsheet among its first rows, past any title block,
/// and combines a header that spans two rows with merged cells:
///
/// ```
/// row 5 | STT | Mã hồ sơ |          Ngày           | Trạng thái |
/// row 6 |     |          | Tiếp nhận | Hẹn trả     |            |
/// ```
/// gives `STT`, `Mã hồ sơ`, `Ngày / Tiếp nhận`, `Ngày / Hẹn trả`, `Trạng thái`: a cell covered
/// by a horizontal merge takes the merge's text as parent, a cell merged down over both rows is
/// a name on its own.
public enum HeaderFinder {
    /// The candidate (one row, or two rows combined) holding the most `expected` names; all of
    /// them must be present. `rows` are the sheet's first rows, `merges` its merged ranges.
    public static func find(expected: [String], in rows: [XLSXRow], merges: [XLSXCellRange],
                            file: String, sheet: String) throws(FormatError) -> TableHeader {
        let byNumber = Dictionary(rows.map { ($0.number, $0) }, uniquingKeysWith: { first, _ in first })
        let width = rows.map(\.cells.count).max() ?? 0
        let wanted = Set(expected.map(ColumnKey.key))
        func score(_ names: [String]) -> Int { Set(names.map(ColumnKey.key)).intersection(wanted).count }

        var best: (names: [String], rows: ClosedRange<Int>, score: Int)?
        for row in rows where !row.isEmpty {
            let r = row.number
            let single = (0..<width).map { text(byNumber, merges, row: r, column: $0, fillMerges: false) }
            let double = combined(byNumber, merges, parentRow: r, width: width)
            let singleScore = score(single)
            let doubleScore = score(double)
            let mergedDown = merges.contains { $0.firstRow == r && $0.lastRow > r }
            let candidate = doubleScore > singleScore || (doubleScore == singleScore && doubleScore > 0 && mergedDown)
                ? (double, r...(r + 1), doubleScore)
                : (single, r...r, singleScore)
            if candidate.2 > (best?.score ?? 0) { best = candidate }
        }
        guard let best, best.score == wanted.count else {
            let found = Set((best?.names ?? []).map(ColumnKey.key))
            let missing = expected.filter { !found.contains(ColumnKey.key($0)) }
            throw FormatError(file: file, location: SourceLocation(sheet: sheet),
                              reason: .headerNotFound(missing: missing, scannedRows: rows.last?.number ?? 0))
        }
        let header = try ColumnHeader(names: best.names, file: file) { column in
            SourceLocation(row: best.rows.lowerBound, column: column + 1, sheet: sheet,
                           cell: CellReference.name(column: column, row: best.rows.lowerBound))
        }
        return TableHeader(columns: header, rows: best.rows)
    }

    /// Names from a parent row and the row under it.
    static func combined(_ rows: [Int: XLSXRow], _ merges: [XLSXCellRange], parentRow r: Int, width: Int) -> [String] {
        (0..<width).map { column in
            let parent = text(rows, merges, row: r, column: column, fillMerges: true)
            let mergedDown = merges.contains { $0.contains(row: r + 1, column: column) && $0.firstRow <= r }
            let child = mergedDown ? "" : text(rows, merges, row: r + 1, column: column, fillMerges: true)
            if parent.isEmpty || parent == child { return child }
            return child.isEmpty ? parent : parent + " / " + child
        }
    }

    /// A cell's text as a name; with `fillMerges`, a cell covered by a merge reads the merge's
    /// top-left text.
    private static func text(_ rows: [Int: XLSXRow], _ merges: [XLSXCellRange], row: Int, column: Int,
                             fillMerges: Bool) -> String {
        var (r, c) = (row, column)
        if fillMerges, let merge = merges.first(where: { $0.contains(row: row, column: column) }) {
            (r, c) = (merge.firstRow, merge.firstColumn)
        }
        return rows[r]?[c].map { ColumnKey.displayName($0.description) } ?? ""
    }
}
