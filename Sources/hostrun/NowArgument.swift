import ArgumentParser
import Domain
import Foundation
import HostAPI

/// The `--now` value every command that reads the clock takes ("25/05/2026 17:00", ISO 8601,
/// …), parsed in the centre's time zone in one place so every command accepts the same text.
enum NowArgument {
    /// The instant `--now` names; nil when it was not given.
    static func parse(_ text: String?) throws(ValidationError) -> Date? {
        guard let text else { return nil }
        do { return try CentreTime.vietnam.instant(parsing: text) } catch {
            throw ValidationError("--now: \(error)")
        }
    }

    /// The host's clock: fixed at `--now` (already checked by `parse` in `validate()`), else the
    /// system time.
    static func clock(_ text: String?) -> HostClock {
        HostClock(fixed: (try? parse(text)) ?? nil)
    }
}
