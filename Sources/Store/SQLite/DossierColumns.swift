import Domain
import Foundation
import GRDB

/// The mapping between ``Domain/Dossier`` and the `dossiers` table, in one place: the column
/// lists every statement is built from, encoding and decoding by position (no Codable in the
/// hot path of a million-row import or scan).
package enum DossierColumns {
    /// What a source reports, in the order of ``encode(_:centreTime:)``. Names follow hostrun's
    /// canonical CSV.
    package static let tracked: [TrackedColumn] = [
        TrackedColumn("procedure_code"), TrackedColumn("procedure_name"), TrackedColumn("field"),
        TrackedColumn("limit_kind"), TrackedColumn("limit_value", .integer),
        TrackedColumn("cutoff_minute", .minuteOfDay), TrackedColumn("department"),
        TrackedColumn("applicant_name", .personal), TrackedColumn("applicant_id", .personal),
        TrackedColumn("applicant_phone", .personal), TrackedColumn("applicant_address", .personal),
        TrackedColumn("channel"), TrackedColumn("fully_online", .flag),
        TrackedColumn("received_at", .instant), TrackedColumn("due_at", .instant),
        TrackedColumn("apology_due_at", .instant), TrackedColumn("status"),
        TrackedColumn("finished_at", .instant), TrackedColumn("digitised", .flag),
        TrackedColumn("data_reused", .flag), TrackedColumn("fee_payable", .flag),
        TrackedColumn("paid_online", .flag), TrackedColumn("centre"),
    ]

    /// Computed from the tracked columns, for search and for SQL figures.
    package static let derived = ["applicant_name_folded", "received_day", "due_day", "finished_day"]

    /// The procedure's columns within ``tracked``, which also feed the `procedures` catalogue.
    package static let procedureRange = 0..<6

    package static let trackedNames = tracked.map(\.name).joined(separator: ", ")

    /// `source, code, <tracked>`: the columns ``decode(_:)`` reads, from index 0.
    static let selection = "source, code, " + trackedNames

    /// The values of ``tracked`` for a dossier.
    package static func encode(_ d: Dossier) -> [DatabaseValue] {
        let limit: (kind: DatabaseValue, value: DatabaseValue) = switch d.procedure.timeLimit {
        case nil: (.null, .null)
        case let .workingDays(n)?: ("working_days".databaseValue, Int64(n).databaseValue)
        case let .workingHours(n)?: ("working_hours".databaseValue, Int64(n).databaseValue)
        }
        return [
            d.procedure.code.databaseValue, d.procedure.name.databaseValue,
            d.procedure.field.databaseValue, limit.kind, limit.value,
            integer(d.procedure.afternoonCutoff.map { Int64($0.minuteOfDay) }),
            d.department.databaseValue,
            text(d.applicant.name), text(d.applicant.identityNumber),
            text(d.applicant.phone), text(d.applicant.address),
            d.channel.rawValue.databaseValue, flag(d.fullyOnline),
            instant(d.receivedAt), instant(d.dueAt), instant(d.apologyDueAt),
            d.status.rawValue.databaseValue, instant(d.finishedAt),
            flag(d.digitised), flag(d.dataReused), flag(d.feePayable), flag(d.paidOnline),
            (d.centre ?? "").databaseValue,
        ]
    }

    /// The values of ``derived`` for the tracked values of a dossier.
    package static func derive(_ tracked: [DatabaseValue], centreTime: CentreTime) -> [DatabaseValue] {
        [
            text(String.fromDatabaseValue(tracked[7]).map(VietnameseText.fold)),
            day(tracked[13], centreTime), day(tracked[14], centreTime), day(tracked[17], centreTime),
        ]
    }

    /// A dossier from a row selected with ``selection`` (history left empty).
    static func decode(_ row: Row) throws -> Dossier {
        let timeLimit = timeLimit(kind: row[5], value: row[6])
        let cutoff: Int? = row[7]
        let key = DossierKey(source: row[0], code: row[1])
        guard let channel = Channel(rawValue: row[13]), let status = DossierStatus(rawValue: row[18])
        else {
            throw StoreError.database(operation: "reading dossier \(key)",
                                      reason: "unknown channel or status; the file was not written by hostrun")
        }
        return Dossier(
            key: key,
            procedure: Procedure(code: row[2], name: row[3], field: row[4], timeLimit: timeLimit,
                                 afternoonCutoff: cutoff.map(LocalTime.init(minuteOfDay:))),
            department: row[8],
            applicant: Applicant(name: row[9], identityNumber: row[10], phone: row[11],
                                 address: row[12]),
            channel: channel,
            fullyOnline: row[14],
            receivedAt: StoredInstant.date(row[15]),
            dueAt: (row[16] as Int64?).map(StoredInstant.date),
            apologyDueAt: (row[17] as Int64?).map(StoredInstant.date),
            status: status,
            finishedAt: (row[19] as Int64?).map(StoredInstant.date),
            digitised: row[20], dataReused: row[21], feePayable: row[22], paidOnline: row[23],
            centre: (row[24] as String).isEmpty ? nil : row[24])
    }

    /// A time limit from its `limit_kind` and `limit_value` columns.
    package static func timeLimit(kind: String?, value: Int?) -> TimeLimit? {
        switch (kind, value) {
        case let ("working_days"?, n?): .workingDays(n)
        case let ("working_hours"?, n?): .workingHours(n)
        default: nil
        }
    }

    private static func flag(_ value: Bool) -> DatabaseValue { (value ? 1 : 0 as Int64).databaseValue }

    // Concrete, unlike GRDB's `Optional.databaseValue`, which is generic at run time and cost
    // a bulk import more than the rest of encoding a record.
    private static func text(_ value: String?) -> DatabaseValue { value.map { $0.databaseValue } ?? .null }
    private static func integer(_ value: Int64?) -> DatabaseValue { value.map { $0.databaseValue } ?? .null }

    private static func instant(_ date: Date?) -> DatabaseValue {
        integer(date.map(StoredInstant.milliseconds))
    }

    private static func day(_ instant: DatabaseValue, _ centreTime: CentreTime) -> DatabaseValue {
        integer(Int64.fromDatabaseValue(instant).map { StoredInstant.day($0, centreTime) })
    }
}
