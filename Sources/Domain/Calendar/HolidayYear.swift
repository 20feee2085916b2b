import Foundation

/// One year of public holidays and make-up working days for one country or centre: the content
/// of one holiday file (`vn-2026.json`).
///
/// Days are listed as they change the ordinary Monday–Friday week: `daysOff` are weekdays not
/// worked (holidays, compensatory days, swapped days), `workingDays` are Saturdays or Sundays
/// worked to make up for a swap. A holiday that falls on a weekend is not listed itself; its
/// compensatory weekday is.
public struct HolidayYear: Sendable, Hashable, Codable {
    /// Whether the dates come from the government's published notice or were computed from the
    /// Labour Code while the notice is pending.
    public enum Status: String, Sendable, Hashable, Codable {
        case published
        case computed
    }

    /// One listed day.
    public struct Day: Sendable, Hashable, Codable {
        public var date: LocalDate
        /// Vietnamese name as the notice writes it, e.g. "Tết Nguyên đán (mùng 1)".
        public var name: String

        public init(date: LocalDate, name: String) {
            self.date = date
            self.name = name
        }
    }

    /// Where the dates come from.
    public struct Source: Sendable, Hashable, Codable {
        public var title: String
        public var url: String?

        public init(title: String, url: String? = nil) {
            self.title = title
            self.url = url
        }
    }

    /// A two-letter country code or a centre's own label.
    public var region: String
    public var year: Int
    public var status: Status
    public var sources: [Source]
    public var daysOff: [Day]
    public var workingDays: [Day]

    public init(region: String, year: Int, status: Status, sources: [Source] = [],
                daysOff: [Day], workingDays: [Day] = []) {
        self.region = region
        self.year = year
        self.status = status
        self.sources = sources
        self.daysOff = daysOff
        self.workingDays = workingDays
    }

    /// Decodes a holiday file; `sources` and `workingDays` may be left out.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(region: try c.decode(String.self, forKey: .region),
                  year: try c.decode(Int.self, forKey: .year),
                  status: try c.decode(Status.self, forKey: .status),
                  sources: try c.decodeIfPresent([Source].self, forKey: .sources) ?? [],
                  daysOff: try c.decode([Day].self, forKey: .daysOff),
                  workingDays: try c.decodeIfPresent([Day].self, forKey: .workingDays) ?? [])
    }

    /// Reads and checks a holiday file's JSON; `file` names it in errors.
    public init(json data: Data, file: String) throws(HolidayFileError) {
        do {
            self = try JSONDecoder().decode(HolidayYear.self, from: data)
        } catch let error as DecodingError {
            throw HolidayFileError(file: file, reason: HolidayYear.explain(error))
        } catch {
            throw HolidayFileError(file: file, reason: "\(error)")
        }
        try validate(file: file, weekend: nil)
    }

    /// Reads and checks a holiday file.
    public init(contentsOf url: URL) throws(HolidayFileError) {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw HolidayFileError(file: url.lastPathComponent, reason: "cannot be read: \(error)")
        }
        try self.init(json: data, file: url.lastPathComponent)
    }

    /// Checks that every day is in the year, named and listed once; given the `weekend` it will
    /// be used with, also that a day off is a weekday and a make-up working day a weekend day.
    public func validate(file: String, weekend: Set<Int>?) throws(HolidayFileError) {
        var seen = Set<LocalDate>()
        for (list, days, mustBeWeekend) in [("daysOff", daysOff, false),
                                            ("workingDays", workingDays, true)] {
            for (index, day) in days.enumerated() {
                let entry = "\(list)[\(index)] \(day.date)"
                if day.date.year != year {
                    throw HolidayFileError(file: file, entry: entry, reason: "is not in \(year)")
                }
                if day.name.trimmingCharacters(in: .whitespaces).isEmpty {
                    throw HolidayFileError(file: file, entry: entry, reason: "has no name")
                }
                if !seen.insert(day.date).inserted {
                    throw HolidayFileError(file: file, entry: entry, reason: "is listed twice")
                }
                guard let weekend else { continue }
                let isWeekend = weekend.contains(day.date.isoWeekday)
                if mustBeWeekend && !isWeekend {
                    throw HolidayFileError(file: file, entry: entry,
                                           reason: "a make-up working day must be a weekend day")
                }
                if !mustBeWeekend && isWeekend {
                    throw HolidayFileError(file: file, entry: entry, reason: "is already a weekend "
                                               + "day; list the weekday given in compensation")
                }
            }
        }
    }

    static func explain(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }
                .joined().drop { $0 == "." }.description
        }
        switch error {
        case let .keyNotFound(key, context):
            return "missing \"\(key.stringValue)\"" + (context.codingPath.isEmpty ? "" : " in \(path(context))")
        case let .typeMismatch(_, context), let .valueNotFound(_, context),
             let .dataCorrupted(context):
            return (context.codingPath.isEmpty ? "" : "\(path(context)): ") + context.debugDescription
        @unknown default:
            return "\(error)"
        }
    }
}
