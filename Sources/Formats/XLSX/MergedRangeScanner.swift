import Foundation

/// Finds a sheet's merged ranges before its rows are read.
///
/// `<mergeCells>` comes *after* `<sheetData>` in the sheet XML, but header detection needs it
/// before the first row. So the tail of the extracted sheet, after the last `sheetData`, is read
/// backwards from the end of the file and scanned for `mergeCell ref="…"`; the rows are never
/// read twice.
enum MergedRangeScanner {
    /// The longest tail searched; anything bigger means there is no sensible `mergeCells` to find.
    static let maxTailBytes = 16 << 20

    static func scan(_ url: URL) -> [XLSXCellRange] {
        guard let handle = try? FileHandle(forReadingFrom: url),
              let size = try? handle.seekToEnd() else { return [] }
        defer { try? handle.close() }
        let marker = Array("sheetData".utf8)
        var tail: [UInt8] = []
        var offset = size
        let block: UInt64 = 64 << 10
        while offset > 0 && tail.count < maxTailBytes {
            let start = offset > block ? offset - block : 0
            guard (try? handle.seek(toOffset: start)) != nil,
                  let data = try? handle.read(upToCount: Int(offset - start)) else { return [] }
            tail = Array(data) + tail
            offset = start
            if let found = lastIndex(of: marker, in: tail) {
                return ranges(in: tail[(found + marker.count)...])
            }
        }
        return []
    }

    private static func lastIndex(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        var i = haystack.count - needle.count
        while i >= 0 {
            if haystack[i] == needle[0] && haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i -= 1
        }
        return nil
    }

    private static func ranges(in tail: ArraySlice<UInt8>) -> [XLSXCellRange] {
        let text = String(decoding: tail, as: UTF8.self)
        var result: [XLSXCellRange] = []
        var rest = Substring(text)
        while let element = rest.range(of: "mergeCell ") {
            rest = rest[element.upperBound...]
            guard let close = rest.firstIndex(of: ">") else { break }
            let tag = rest[..<close]
            if let refStart = tag.range(of: "ref=\"") ?? tag.range(of: "ref='") {
                let value = tag[refStart.upperBound...].prefix { $0 != "\"" && $0 != "'" }
                if let range = XLSXCellRange(reference: String(value)) { result.append(range) }
            }
        }
        return result
    }
}
