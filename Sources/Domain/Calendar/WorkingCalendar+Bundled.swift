import Foundation

extension WorkingCalendar {
    /// Vietnam's civil-service calendar from the holiday files shipped in this module
    /// (`Resources/holidays/vn-*.json`, documented in the README beside them).
    ///
    /// The files are part of the build and checked by tests, so failing to read them is a broken
    /// build, not a runtime condition.
    public static let vietnam: WorkingCalendar = {
        do {
            return try WorkingCalendar(years: bundledHolidayYears(region: "vn"))
        } catch {
            fatalError("the bundled holiday files are broken: \(error)")
        }
    }()

    /// The holiday years shipped for a region (`vn`), oldest first, for a centre that wants to
    /// combine them with files of its own (``merging(_:)``).
    public static func bundledHolidayYears(region: String) throws(HolidayFileError) -> [HolidayYear] {
        guard let folder = Bundle.module.url(forResource: "holidays", withExtension: nil) else {
            throw HolidayFileError(file: "holidays", reason: "the bundled holiday folder is missing")
        }
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: folder.path) } catch {
            throw HolidayFileError(file: "holidays", reason: "cannot be listed: \(error)")
        }
        let prefix = region.lowercased() + "-"
        var years: [HolidayYear] = []
        for name in names.sorted() where name.hasPrefix(prefix) && name.hasSuffix(".json") {
            years.append(try HolidayYear(contentsOf: folder.appendingPathComponent(name)))
        }
        return years
    }
}
