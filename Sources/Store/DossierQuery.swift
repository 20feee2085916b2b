import Domain

/// Which dossiers a query selects. Every filter left `nil` selects everything; filters combine
/// with AND, values inside one set with OR.
///
/// Dates are the centre's local calendar dates (``Domain/CentreTime``), inclusive at both ends.
public struct DossierQuery: Sendable, Hashable {
    /// Whether records linked to the same code from another source are included.
    public enum Scope: String, Sendable, Hashable {
        /// One record per link group: the primary (see ``DossierStore``). What figures count.
        case primary
        /// Every record of every source, e.g. for reconciliation.
        case all
    }

    public var scope: Scope = .primary
    /// Received on a day in this range (the reporting period).
    public var received: ClosedRange<LocalDate>?
    /// Finished (result date, refusal or withdrawal) on a day in this range.
    public var finished: ClosedRange<LocalDate>?
    /// Due strictly before this day.
    public var dueBefore: LocalDate?
    /// Due strictly after this day.
    public var dueAfter: LocalDate?
    /// Received on or before this day and not finished by its end: open on that day.
    public var openOn: LocalDate?
    public var statuses: Set<DossierStatus>?
    public var channels: Set<Channel>?
    public var fields: Set<String>?
    public var departments: Set<String>?
    public var sources: Set<String>?
    public var procedureCodes: Set<String>?
    /// Receiving units (``Domain/Dossier/centre``); `""` selects dossiers with none named.
    public var centres: Set<String>?
    /// Part of the applicant's name; matching ignores Vietnamese diacritics and letter case
    /// (``Domain/VietnameseText/fold(_:)``), so `"nguyen van duc"` finds "Nguyễn Văn Đức".
    public var applicantName: String?
    public var order: DossierOrder = .key
    public var descending = false
    public var limit: Int?
    /// Fill each dossier's status history (one extra indexed lookup per dossier).
    public var includeHistory = false

    public init(scope: Scope = .primary, received: ClosedRange<LocalDate>? = nil,
                finished: ClosedRange<LocalDate>? = nil, dueBefore: LocalDate? = nil,
                dueAfter: LocalDate? = nil, openOn: LocalDate? = nil,
                statuses: Set<DossierStatus>? = nil, channels: Set<Channel>? = nil,
                fields: Set<String>? = nil, departments: Set<String>? = nil,
                sources: Set<String>? = nil, procedureCodes: Set<String>? = nil,
                applicantName: String? = nil, order: DossierOrder = .key,
                descending: Bool = false, limit: Int? = nil, includeHistory: Bool = false,
                centres: Set<String>? = nil) {
        self.scope = scope
        self.received = received
        self.finished = finished
        self.dueBefore = dueBefore
        self.dueAfter = dueAfter
        self.openOn = openOn
        self.statuses = statuses
        self.channels = channels
        self.fields = fields
        self.departments = departments
        self.sources = sources
        self.procedureCodes = procedureCodes
        self.centres = centres
        self.applicantName = applicantName
        self.order = order
        self.descending = descending
        self.limit = limit
        self.includeHistory = includeHistory
    }

    /// The overdue list as of a day: open at its end with a due date before it.
    public static func overdue(asOf day: LocalDate) -> DossierQuery {
        DossierQuery(dueBefore: day, openOn: day, order: .dueAt)
    }
}

/// The order in which a query returns dossiers. Ties are broken by source then code, so the
/// order is the same on every backend; unknown dates sort last.
public enum DossierOrder: String, Sendable, Hashable, CaseIterable {
    /// By source, then code: the default, the same on every backend.
    case key
    /// Whatever order is cheapest for the store, for whole-table passes that do not care.
    case unordered
    case receivedAt
    case dueAt
    case finishedAt
}

/// The number of dossiers sharing one value of a dimension.
public struct GroupCount: Sendable, Hashable {
    /// The dimension's value: a field name, a procedure code, `online`, a source, …
    public var key: String
    public var count: Int

    public init(key: String, count: Int) {
        self.key = key
        self.count = count
    }
}
