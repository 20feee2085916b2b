import Domain

/// Where a record of a batch came from, so that an error can name it.
public struct RecordReference: Sendable, Hashable, CustomStringConvertible {
    /// Position in the batch, counted from 0.
    public var index: Int
    public var key: DossierKey
    /// What the connector said of the record's origin, e.g. `"export.csv row 12"`.
    public var origin: String?

    public init(index: Int, key: DossierKey, origin: String? = nil) {
        self.index = index
        self.key = key
        self.origin = origin
    }

    /// `export.csv row 12 (dvc/H12.1-250105-0001)` or `record 13 (dvc/H12.1-250105-0001)`.
    public var description: String { "\(origin ?? "record \(index + 1)") (\(key))" }
}

/// A store operation failed. Each case names the file, record or statement involved.
public enum StoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A record broke a rule of the store (a constraint); the whole batch was rolled back.
    case recordRejected(RecordReference, reason: String)
    /// The same dossier appeared twice in one batch with different values; the batch was rolled back.
    case conflictingDuplicate(RecordReference, firstIndex: Int)
    /// The store could not be opened or created.
    case cannotOpen(location: String, reason: String)
    /// The store was migrated by a newer hostrun: it has migrations this binary does not know.
    case schemaNewerThanBinary(location: String, unknownMigrations: [String])
    /// The store was created for another time zone offset; its day columns would be wrong.
    case centreTimeMismatch(location: String, stored: Int, requested: Int)
    /// The location names a backend this build cannot open.
    case unsupportedLocation(String, reason: String)
    /// A batch identifier that was already used by an earlier import.
    case duplicateBatch(String)
    /// Every cursor the store allows at once is open; close one (`StoreCursor.close()`) first.
    case tooManyOpenCursors(limit: Int)
    /// Any other database failure, with what was being done.
    case database(operation: String, reason: String)
    /// A view of one centre (`--centre`) was asked for a centre the store does not know.
    case unknownCentre(String, location: String, known: [String])
    /// A write through a view of one centre, which is read-only.
    case writeThroughCentreView(centre: String, operation: String)

    public var description: String {
        switch self {
        case let .recordRejected(record, reason):
            "\(record): rejected by the store: \(reason)"
        case let .conflictingDuplicate(record, firstIndex):
            "\(record): the same dossier appears earlier in this batch (record \(firstIndex + 1)) "
                + "with different values"
        case let .cannotOpen(location, reason):
            "cannot open the store \(location): \(reason)"
        case let .schemaNewerThanBinary(location, unknown):
            "the store \(location) was migrated by a newer hostrun (unknown migrations: "
                + unknown.joined(separator: ", ") + "); upgrade hostrun to use it"
        case let .centreTimeMismatch(location, stored, requested):
            "the store \(location) keeps local days at UTC\(Self.offset(stored)), "
                + "not UTC\(Self.offset(requested))"
        case let .unsupportedLocation(location, reason):
            "cannot open \(location): \(reason)"
        case let .duplicateBatch(batchID):
            "batch \(batchID) was already imported; each batch needs its own identifier"
        case let .tooManyOpenCursors(limit):
            "\(limit) cursors are already open on this store; close one before opening another "
                + "(a loop left early keeps its cursor until it is closed or collected)"
        case let .database(operation, reason):
            "\(operation): \(reason)"
        case let .unknownCentre(centre, location, known):
            "the store \(location) has no centre '\(centre)' (known: "
                + (known.isEmpty ? "none" : known.map { $0.isEmpty ? "'' for dossiers naming none" : $0 }.joined(separator: ", "))
                + ")"
        case let .writeThroughCentreView(centre, operation):
            "\(operation): the view of centre '\(centre)' is read-only"
        }
    }

    private static func offset(_ seconds: Int) -> String {
        let sign = seconds < 0 ? "-" : "+"
        let minutes = abs(seconds) / 60
        return sign + (minutes % 60 == 0 ? "\(minutes / 60)" : "\(minutes / 60):\(minutes % 60)")
    }
}

extension StoreError {
    /// Throws ``centreTimeMismatch(location:stored:requested:)`` when a store's day columns were
    /// written in another time zone than `requested` (`stored` nil: a new store, fixed now).
    package static func checkCentreTime(stored: Int?, requested: CentreTime, location: String) throws {
        if let stored, stored != requested.utcOffsetSeconds {
            throw StoreError.centreTimeMismatch(location: location, stored: stored,
                                                requested: requested.utcOffsetSeconds)
        }
    }
}
