import Domain
import Foundation
import LuaBridge
import Store

/// The options table of `dossiers.query`, `count` and `group_by`, read into a store query.
enum QueryOptions {
    static let fields: Set<String> = [
        "status", "channel", "field", "department", "source", "procedure", "centre",
        "received_from", "received_to", "received_in", "finished_from", "finished_to",
        "due_before", "due_after", "due_by", "open_on", "overdue_on", "applicant",
        "scope", "order", "descending", "limit", "history",
    ]

    static let documentation = DocumentedClass(
        "QueryOptions", "Which dossiers `dossiers.query`, `count` and `group_by` select; every option may be left out. Dates are times or text such as \"25/05/2026\" and compare as days in the centre's zone.",
        fields: [
            .init("status", "string|string[]?", "one status or several (received, processing, supplement_requested, awaiting_payment, resolved, returned, refused, withdrawn)"),
            .init("channel", "string|string[]?", "online, in_person, postal"),
            .init("field", "string|string[]?", "the procedure's field, e.g. \"Hộ tịch\""),
            .init("department", "string|string[]?", "the processing office"),
            .init("source", "string|string[]?", "the source system"),
            .init("procedure", "string|string[]?", "procedure codes"),
            .init("centre", "string|string[]?", "receiving units (wards), \"\" for dossiers naming none; within the run's --centre, if any"),
            .init("received_from", "integer|string?", "received on or after this day"),
            .init("received_to", "integer|string?", "received on or before this day"),
            .init("received_in", "Period?", "received on a day of this period"),
            .init("finished_from", "integer|string?", "finished on or after this day"),
            .init("finished_to", "integer|string?", "finished on or before this day"),
            .init("due_before", "integer|string?", "due strictly before this day"),
            .init("due_after", "integer|string?", "due strictly after this day"),
            .init("due_by", "integer|string?", "due on or before this day"),
            .init("open_on", "integer|string?", "received by the end of this day and not finished by then"),
            .init("overdue_on", "integer|string?", "open on this day and due before it"),
            .init("applicant", HostType.string.optional, "part of the applicant's name, ignoring diacritics and case (needs personal data)"),
            .init("scope", HostType.string.optional, "\"primary\" (default: one record per dossier seen by several systems) or \"all\""),
            .init("order", HostType.string.optional, "key (default: source, code), received_at, due_at, finished_at or unordered (fastest)"),
            .init("descending", HostType.boolean.optional, "reverse the order"),
            .init("limit", HostType.integer.optional, "at most this many (query only)"),
            .init("history", HostType.boolean.optional, "fetch each dossier's history with it (faster when every d.history is read)"),
        ])

    /// The query at argument `position` (absent or nil: every primary dossier).
    static func read(_ call: LuaCall, _ position: Int32, _ environment: HostEnvironment) throws -> DossierQuery {
        let options = try OptionsTable(call, position, allowed: fields)
        let time = environment.time
        var query = DossierQuery()
        if let statuses = try options.strings("status") {
            query.statuses = Set(try statuses.map { text in
                guard let status = DossierStatus(rawValue: text) else {
                    throw options.error("status", "unknown status '\(text)' (one of \(DossierStatus.allCases.map(\.rawValue).joined(separator: ", ")))")
                }
                return status
            })
        }
        if let channels = try options.strings("channel") {
            query.channels = Set(try channels.map { text in
                guard let channel = Channel(rawValue: text) else {
                    throw options.error("channel", "unknown channel '\(text)' (online, in_person or postal)")
                }
                return channel
            })
        }
        query.fields = try options.strings("field").map { Set($0.map(VietnameseText.nfc)) }
        query.departments = try options.strings("department").map { Set($0.map(VietnameseText.nfc)) }
        query.sources = try options.strings("source").map(Set.init)
        query.procedureCodes = try options.strings("procedure").map(Set.init)
        query.centres = try options.strings("centre").map { Set($0.map(VietnameseText.nfc)) }

        let earliest = LocalDate(year: 1900, month: 1, day: 1)!, latest = LocalDate(year: 9999, month: 12, day: 31)!
        var receivedFrom = try options.date("received_from", in: time)
        var receivedTo = try options.date("received_to", in: time)
        if let period = try options.userdata("received_in", as: PeriodObject.type)?.period {
            receivedFrom = max(receivedFrom ?? period.from, period.from)
            receivedTo = min(receivedTo ?? period.to, period.to)
        }
        if receivedFrom != nil || receivedTo != nil {
            let from = receivedFrom ?? earliest, to = receivedTo ?? latest
            guard from <= to else { throw options.error("received_to", "is before the first day received") }
            query.received = from...to
        }
        let finishedFrom = try options.date("finished_from", in: time)
        let finishedTo = try options.date("finished_to", in: time)
        if finishedFrom != nil || finishedTo != nil {
            let from = finishedFrom ?? earliest, to = finishedTo ?? latest
            guard from <= to else { throw options.error("finished_to", "is before the first day finished") }
            query.finished = from...to
        }
        query.dueBefore = try options.date("due_before", in: time)
        if let dueBy = try options.date("due_by", in: time) {
            let next = dueBy.adding(days: 1)
            query.dueBefore = min(query.dueBefore ?? next, next)
        }
        query.dueAfter = try options.date("due_after", in: time)
        query.openOn = try options.date("open_on", in: time)
        if let day = try options.date("overdue_on", in: time) {
            guard query.openOn == nil || query.openOn == day else {
                throw options.error("overdue_on", "contradicts open_on")
            }
            query.openOn = day
            query.dueBefore = min(query.dueBefore ?? day, day)
        }
        if let name = try options.string("applicant") {
            guard environment.grants.personalData else {
                throw options.error("applicant", "searching by applicant needs personal data, which this script is not granted")
            }
            query.applicantName = name
        }
        if let scope = try options.string("scope") {
            guard let value = DossierQuery.Scope(rawValue: scope) else { throw options.error("scope", "'\(scope)' is not \"primary\" or \"all\"") }
            query.scope = value
        }
        if let order = try options.string("order") {
            let names: [String: DossierOrder] = ["key": .key, "unordered": .unordered, "received_at": .receivedAt,
                                                 "due_at": .dueAt, "finished_at": .finishedAt]
            guard let value = names[order] else {
                throw options.error("order", "'\(order)' is not one of " + names.keys.sorted().joined(separator: ", "))
            }
            query.order = value
        }
        query.descending = try options.boolean("descending") ?? false
        if let limit = try options.integer("limit") {
            guard limit >= 0 else { throw options.error("limit", "must not be negative") }
            query.limit = limit
        }
        query.includeHistory = try options.boolean("history") ?? false
        return query
    }
}
