import Foundation
import Formats

// Throughput of the Formats readers on generated exports, in a release build:
//   swift run -c release FormatsBenchmarks csv [rows]    (default 1,000,000 rows × 20 columns)
//   swift run -c release FormatsBenchmarks xlsx [rows]   (default 100,000 rows × 20 columns)
// Prints rows per second, MB per second and the process's peak resident memory.

/// Peak resident set size, from /proc (Linux).
func peakMemoryMiB() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
          let kb = Double(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
    return kb / 1024
}

/// CPU seconds this process has used (user + system): less disturbed than wall time when other
/// jobs share the machine's cores.
func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    let user = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
    let system = Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
    return user + system
}

/// Wall-clock and CPU seconds of `body`.
func measure(_ body: () throws -> Void) rethrows -> (wall: Double, cpu: Double) {
    let cpu = cpuSeconds()
    let start = ContinuousClock.now
    try body()
    let elapsed = (ContinuousClock.now - start).components
    return (Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18, cpuSeconds() - cpu)
}

let names = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Hoàng Cường", "Phạm Thu Hương", "Võ Thành Trường", "Đặng Thị Lụa"]
let fields = ["Hộ tịch", "Đất đai", "Hộ kinh doanh", "Chứng thực", "Xây dựng"]

/// One export row: codes, Vietnamese names, dates, numbers, a quoted field with a comma.
func sampleRow(_ i: Int) -> [String] {
    let day = i % 28 + 1
    return ["000.00.21.H12-\(260_000 + i % 100_000)-\(i)", "1.00\(i % 900)", "Thủ tục số \(i % 700)",
            fields[i % fields.count], "Phòng Văn hóa - Xã hội", i % 3 == 0 ? "online" : "in_person",
            i % 5 == 0 ? "true" : "false", "2026-01-\(day < 10 ? "0" : "")\(day)T08:30",
            "\(day < 10 ? "0" : "")\(day)/02/2026 16:00", "resolved", "", "true", "false", "\(i % 7 * 10_000)",
            "true", names[i % names.count], "0792000\(String(i).padding(toLength: 5, withPad: "0", startingAt: 0))",
            "09\(i % 100_000_000)", "Số \(i % 300), đường Lê Lợi, phường Bến Thành", "Ghi chú \"\(i % 10)\""]
}

func benchmarkCSV(rows: Int) throws {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("formats-bench-\(rows).csv")
    defer { try? FileManager.default.removeItem(at: url) }
    let write = try measure {
        let writer = try CSVWriter(url: url, includeBOM: true)
        try writer.writeRow((1...20).map { "cot_\($0)" })
        for i in 0..<rows { try writer.writeRow(sampleRow(i)) }
        try writer.close()
    }
    let bytes = (try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.doubleValue ?? 0
    var count = 0
    var characters = 0
    let read = try measure {
        let reader = try CSVReader(url: url)
        while let row = try reader.nextRow() {
            count += 1
            characters &+= row.fields[15].utf8.count
        }
    }
    print(String(format: "csv write: %d rows in %.2f s, CPU %.2f s (%.0f rows per CPU second)", rows, write.wall,
                 write.cpu, Double(rows) / write.cpu))
    print(String(format: "csv read:  %d rows × 20 fields, %.0f MB in %.2f s (%.0f rows/s, %.0f MB/s), CPU %.2f s "
                     + "(%.0f rows per CPU second; checksum %d)",
                 count, bytes / 1e6, read.wall, Double(count) / read.wall, bytes / 1e6 / read.wall, read.cpu,
                 Double(count) / read.cpu, characters))
    print(String(format: "peak memory: %.0f MiB", peakMemoryMiB()))
}

func benchmarkXLSX(rows: Int) throws {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("formats-bench-\(rows).xlsx")
    defer { try? FileManager.default.removeItem(at: url) }
    let write = try measure {
        let writer = try XLSXWriter(url: url)
        try writer.beginSheet(name: "Hồ sơ", frozenRows: 1)
        try writer.appendRow((1...20).map { .header("Cột \($0)") })
        for i in 0..<rows {
            var cells = sampleRow(i).map { XLSXWriteCell(.text($0)) }
            cells[13] = XLSXWriteCell(.integer(i % 7 * 10_000), format: .integer)
            cells[7] = XLSXWriteCell(.date(XLSXDateTime(year: 2026, month: 1, day: i % 28 + 1, hour: 8, minute: 30)))
            try writer.appendRow(cells)
        }
        try writer.close()
    }
    let bytes = (try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.doubleValue ?? 0
    var count = 0
    let read = try measure {
        let workbook = try XLSXWorkbook(url: url)
        let reader = try workbook.rows(sheet: .index(0))
        while try reader.nextRow() != nil { count += 1 }
    }
    print(String(format: "xlsx write: %d rows in %.2f s, CPU %.2f s (%.0f rows per CPU second), %.1f MB file", rows,
                 write.wall, write.cpu, Double(rows) / write.cpu, bytes / 1e6))
    print(String(format: "xlsx read:  %d rows × 20 cells in %.2f s (%.0f rows/s), CPU %.2f s over both threads "
                     + "(%.0f rows per CPU second)", count, read.wall, Double(count) / read.wall, read.cpu,
                 Double(count) / read.cpu))
    print(String(format: "peak memory: %.0f MiB", peakMemoryMiB()))
}

let arguments = CommandLine.arguments.dropFirst()
let kind = arguments.first ?? "csv"
let rows = arguments.dropFirst().first.flatMap { Int($0) }
do {
    switch kind {
    case "csv": try benchmarkCSV(rows: rows ?? 1_000_000)
    case "xlsx": try benchmarkXLSX(rows: rows ?? 100_000)
    default:
        print("usage: FormatsBenchmarks csv|xlsx [rows]")
        exit(2)
    }
} catch {
    print("benchmark failed: \(error)")
    exit(1)
}
