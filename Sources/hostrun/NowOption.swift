import ArgumentParser
import Domain
import Foundation
import HostAPI

/// `--now`, for every command that reads the clock: the text ("25/05/2026 17:00", ISO 8601, …)
/// is parsed in the centre's time zone in one place, so every command accepts the same text.
///
/// It does not validate itself: `hostrun check` must answer a bad `--now` as UNKNOWN (exit 3),
/// not as a usage error, so each command calls ``instant()`` where it maps its errors.
struct NowOption: ParsableArguments {
    @Option(name: .customLong("now"),
            help: ArgumentHelp("Set the host's clock, e.g. \"25/05/2026 17:00\" (default: the system time).",
                               valueName: "time"))
    var text: String?

    /// The instant `--now` names; nil when it was not given.
    func instant() throws(ValidationError) -> Date? {
        try Self.instant(parsing: text)
    }

    /// The host's clock: fixed at `--now` (already checked by ``instant()`` in `validate()`),
    /// else the system time.
    var clock: HostClock {
        HostClock(fixed: (try? instant()) ?? nil)
    }

    /// The instant `text` names in the centre's time zone, for `schedule`'s own `--now`.
    static func instant(parsing text: String?) throws(ValidationError) -> Date? {
        guard let text else { return nil }
        do { return try CentreTime.vietnam.instant(parsing: text) } catch {
            throw ValidationError("--now: \(error)")
        }
    }
}
