import Foundation
import Store

/// The store as scripts reach it: opened on first use, so that a script that never touches
/// `dossiers` or `stats` (`hostrun hello.lua`) pays nothing for it.
///
/// Opening a store file that does not exist is an error, not a silent creation: a script run
/// in the wrong folder should say so rather than report on an empty store. Only an import
/// (``StoreAccess/Mode/createIfMissing``) may create one.
///
/// With a ``centre`` the store is seen as that centre's (``Store/CentreScopedStore``): every
/// module reads through the view, so the same scripts, reports and checks run for one ward of a
/// city's store without knowing it (`--centre`). A centre the store does not know is an error
/// at opening, listing those it knows.
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
    /// The centre the store is seen as (`--centre`); nil for the whole store.
    public let centre: String?
    private let mode: Mode
    private let clock: HostClock
    /// Opens a location: ``Store/StoreLocation/open(centreTime:clock:)`` (SQLite) unless the
    /// host passes one that knows more backends (hostrun passes PostgresStore's StoreFactory).
    private let opener: @Sendable (StoreLocation, @escaping @Sendable () -> Date) throws -> any DossierStore
    // `current` and `opened` are guarded by `lock`.
    private let lock = NSLock()
    private var current: StoreLocation?
    private var opened: (any DossierStore)?
    /// The open store given to ``init(store:clock:centre:)``, before its centre's view is made.
    private var given: (any DossierStore)?

    /// A store opened at `location` when first used, dating batches by `clock`, by `opener`,
    /// seen as `centre`'s when one is given.
    public init(location: StoreLocation, mode: Mode = .mustExist, clock: HostClock, centre: String? = nil,
                opener: @escaping @Sendable (StoreLocation, @escaping @Sendable () -> Date) throws -> any DossierStore
                    = { try $0.open(clock: $1) }) {
        current = location
        self.centre = centre
        self.mode = mode
        self.clock = clock
        self.opener = opener
    }

    /// A store that is already open (tests, long-running services), seen as `centre`'s when
    /// one is given (checked on first use).
    public init(store: any DossierStore, clock: HostClock = HostClock(), centre: String? = nil) {
        current = nil
        mode = .mustExist
        self.clock = clock
        self.centre = centre
        opener = { location, _ in throw StoreAccessError.noStore(location: location.description) }
        if centre == nil { opened = store } else { given = store }
    }

    /// Lets go of the open store and uses the one at `location` from now on, opened on first
    /// use: how the test harness gives a spec a fresh store without rebuilding its modules,
    /// which hold this object.
    public func reset(to location: StoreLocation) {
        lock.lock()
        defer { lock.unlock() }
        current = location
        opened = nil
        given = nil
    }

    /// Whether the store has been opened.
    public var isOpen: Bool {
        lock.lock()
        defer { lock.unlock() }
        return opened != nil
    }

    /// The store, opened now if this is its first use; the view of ``centre`` when one is given.
    ///
    /// - Throws: ``StoreAccessError`` when the file is missing; any error of the store's opening;
    ///   ``Store/StoreError/unknownCentre(_:location:known:)``.
    public func store() throws -> any DossierStore {
        lock.lock()
        defer { lock.unlock() }
        if let opened { return opened }
        let whole: any DossierStore
        if let given {
            whole = given
        } else {
            guard let location = current else { throw StoreAccessError.noStore(location: "(none)") }
            if case .file(let path) = location, mode == .mustExist, !FileManager.default.fileExists(atPath: path) {
                throw StoreAccessError.noStore(location: path)
            }
            let clock = self.clock
            whole = try opener(location, { clock.now() })
        }
        let store = try centre.map { try CentreScopedStore(whole, centre: $0) } ?? whole
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
