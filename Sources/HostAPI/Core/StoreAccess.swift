import Foundation
import Store

/// The store as scripts reach it: opened on first use, so that a script that never touches
/// `dossiers` or `stats` (`hostrun hello.lua`) pays nothing for it.
///
/// Opening a store file that does not exist is an error, not a silent creation: a script run
/// in the wrong folder should say so rather than report on an empty store. Only an import
/// (``StoreAccess/Mode/createIfMissing``) may create one.
public final class StoreAccess: @unchecked Sendable {
    /// Whether a missing store file may be created.
    public enum Mode: Sendable {
        /// The store must exist (scripts, reports, checks).
        case mustExist
        /// A missing store file is created (imports).
        case createIfMissing
    }

    /// Where the store lives, as `--db` or `HOSTRUN_DB` gave it.
    public var location: StoreLocation? {
        lock.lock()
        defer { lock.unlock() }
        return current
    }
    private let mode: Mode
    private let clock: HostClock
    /// Opens a location: ``Store/StoreLocation/open(centreTime:clock:)`` (SQLite) unless the
    /// host passes one that knows more backends (hostrun passes PostgresStore's StoreFactory).
    private let opener: @Sendable (StoreLocation, @escaping @Sendable () -> Date) throws -> any DossierStore
    // `current` and `opened` are guarded by `lock`.
    private let lock = NSLock()
    private var current: StoreLocation?
    private var opened: (any DossierStore)?

    /// A store opened at `location` when first used, dating batches by `clock`, by `opener`.
    public init(location: StoreLocation, mode: Mode = .mustExist, clock: HostClock,
                opener: @escaping @Sendable (StoreLocation, @escaping @Sendable () -> Date) throws -> any DossierStore
                    = { try $0.open(clock: $1) }) {
        current = location
        self.mode = mode
        self.clock = clock
        self.opener = opener
    }

    /// A store that is already open (tests, long-running services).
    public init(store: any DossierStore, clock: HostClock = HostClock()) {
        current = nil
        mode = .mustExist
        self.clock = clock
        opener = { location, _ in throw StoreAccessError.noStore(location: location.description) }
        opened = store
    }

    /// Lets go of the open store and uses the one at `location` from now on, opened on first
    /// use: how the test harness gives a spec a fresh store without rebuilding its modules,
    /// which hold this object.
    public func reset(to location: StoreLocation) {
        lock.lock()
        defer { lock.unlock() }
        current = location
        opened = nil
    }

    /// Whether the store has been opened.
    public var isOpen: Bool {
        lock.lock()
        defer { lock.unlock() }
        return opened != nil
    }

    /// The store, opened now if this is its first use.
    ///
    /// - Throws: ``StoreAccessError`` when the file is missing; any error of the store's opening.
    public func store() throws -> any DossierStore {
        lock.lock()
        defer { lock.unlock() }
        if let opened { return opened }
        guard let location = current else { throw StoreAccessError.noStore(location: "(none)") }
        if case .file(let path) = location, mode == .mustExist, !FileManager.default.fileExists(atPath: path) {
            throw StoreAccessError.noStore(location: path)
        }
        let clock = self.clock
        let store = try opener(location, { clock.now() })
        opened = store
        return store
    }
}

/// The store a script asked for cannot be reached.
public enum StoreAccessError: Error, CustomStringConvertible, Sendable, Equatable {
    /// No store file where `--db`, `HOSTRUN_DB` or the default pointed.
    case noStore(location: String)

    public var description: String {
        switch self {
        case .noStore(let location):
            "no store at \(location) (give one with --db FILE or HOSTRUN_DB; `hostrun import` creates it)"
        }
    }
}
