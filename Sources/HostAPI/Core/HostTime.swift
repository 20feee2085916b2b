import Domain
import Foundation
import LuaBridge

/// How times cross between Lua and the host: one representation everywhere.
///
/// **A time is an integer: whole seconds since 1970-01-01 00:00 UTC**, the value `os.time()`
/// returns. **A date is a time too: the first second (00:00) of that day in the centre's zone**
/// (Asia/Ho_Chi_Minh). Every function that takes a time or a date also accepts text in the
/// spellings the centre's systems use: `"25/05/2026"`, `"25/05/2026 17:00"`,
/// `"2026-05-25T17:00"`, `"20260525170000"` (a zone such as `+07:00` or `Z` may follow; without
/// one the text is the centre's wall time). Integers compare and subtract as numbers
/// (`d.due_at < clock.now()`, `(b - a) // 86400` days) and encode to JSON as they are;
/// `text.format_date` prints them.
public enum HostTime {
    /// Whole seconds since 1970 (rounded down), as scripts see an instant.
    public static func seconds(_ instant: Date) -> Int64 {
        Int64((instant.timeIntervalSince1970).rounded(.down))
    }

    /// The instant of a script's integer time.
    public static func instant(_ seconds: Int64) -> Date {
        Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    /// The time of a date: its first second in the centre's zone.
    public static func seconds(_ date: LocalDate, in time: CentreTime) -> Int64 {
        seconds(time.startOfDay(date))
    }

    /// What the documentation calls a time argument.
    static let expected = "a time: an integer (seconds since 1970) or text such as \"25/05/2026\" or \"25/05/2026 17:00\""
}

/// A time as a script passed it, before it is read in the centre's zone: an integer or text.
public enum TimeArgument: FromLua, Sendable {
    case seconds(Int64)
    case text(String)

    public static func read(from stack: LuaStack, at index: Int32, context: inout LuaReadContext) throws(LuaConversionError) -> TimeArgument {
        switch stack.type(at: index) {
        case .number:
            guard let value = try? Int64.read(from: stack, at: index, context: &context) else {
                throw LuaConversionError("a time must be a whole number of seconds")
            }
            return .seconds(value)
        case .string:
            return .text(try String.read(from: stack, at: index, context: &context))
        default:
            throw LuaConversionError.typeMismatch(expected: HostTime.expected, got: stack.typeDescription(at: index))
        }
    }

    /// The instant, reading text as wall time in `time`'s zone.
    public func instant(in time: CentreTime) throws(DateParseError) -> Date {
        switch self {
        case .seconds(let seconds): HostTime.instant(seconds)
        case .text(let text): try time.instant(parsing: text)
        }
    }
}

extension LuaCall {
    /// Argument `position` as an instant (integer seconds or date text).
    public func time(_ position: Int32, in time: CentreTime) throws(LuaArgumentError) -> Date {
        let argument = try self.argument(position, as: TimeArgument.self)
        do {
            return try argument.instant(in: time)
        } catch {
            throw argumentError(position, error.description)
        }
    }

    /// Argument `position` as an instant, or nil when absent.
    public func optionalTime(_ position: Int32, in time: CentreTime) throws(LuaArgumentError) -> Date? {
        guard try optional(position, as: TimeArgument.self) != nil else { return nil }
        return try self.time(position, in: time)
    }

    /// Argument `position` as a calendar date: the day of the instant in the centre's zone.
    public func date(_ position: Int32, in time: CentreTime) throws(LuaArgumentError) -> LocalDate {
        time.localDate(try self.time(position, in: time))
    }
}
