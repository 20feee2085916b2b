import Domain
import Foundation
import PostgresNIO
import Store

/// Reading ``Domain/Dossier`` values from `dossiers` rows: the columns in the order of the
/// store's tracked columns (``Store/DossierColumns``), decoded by position.
enum DossierRow {
    /// `source, code, <tracked>, id`.
    static let selection = "source, code, \(DossierColumns.trackedNames), id"
    static let idIndex = DossierColumns.tracked.count + 2

    /// A dossier (history left empty) and its row id, from a row selected with ``selection``.
    static func decode(_ row: PostgresRow) throws -> (id: Int64, dossier: Dossier) {
        let c = row.makeRandomAccess()
        let key = DossierKey(source: try c[0].decode(String.self), code: try c[1].decode(String.self))
        let kind = try c[5].decode(String?.self)
        let limit = try c[6].decode(Int?.self)
        let cutoff = try c[7].decode(Int?.self)
        guard let channel = Channel(rawValue: try c[13].decode(String.self)),
              let status = DossierStatus(rawValue: try c[18].decode(String.self))
        else {
            throw StoreError.database(operation: "reading dossier \(key)",
                                      reason: "unknown channel or status; the row was not written by hostrun")
        }
        func instant(_ i: Int) throws -> Date? { try c[i].decode(Int64?.self).map(StoredInstant.date) }
        let centre = try c[24].decode(String.self)
        let dossier = Dossier(
            key: key,
            procedure: Procedure(code: try c[2].decode(String.self), name: try c[3].decode(String.self),
                                 field: try c[4].decode(String.self),
                                 timeLimit: DossierColumns.timeLimit(kind: kind, value: limit),
                                 afternoonCutoff: cutoff.map(LocalTime.init(minuteOfDay:))),
            department: try c[8].decode(String.self),
            applicant: Applicant(name: try c[9].decode(String?.self), identityNumber: try c[10].decode(String?.self),
                                 phone: try c[11].decode(String?.self), address: try c[12].decode(String?.self)),
            channel: channel, fullyOnline: try c[14].decode(Bool.self),
            receivedAt: StoredInstant.date(try c[15].decode(Int64.self)),
            dueAt: try instant(16), apologyDueAt: try instant(17), status: status,
            finishedAt: try instant(19),
            digitised: try c[20].decode(Bool.self), dataReused: try c[21].decode(Bool.self),
            feePayable: try c[22].decode(Bool.self), paidOnline: try c[23].decode(Bool.self),
            centre: centre.isEmpty ? nil : centre)
        return (try c[idIndex].decode(Int64.self), dossier)
    }

    /// The histories of several rows, oldest entry first, by row id.
    static func histories(_ ids: [Int64], _ connection: PostgresConnection,
                          logger: Logger) throws -> [Int64: [StatusChange]] {
        guard !ids.isEmpty else { return [:] }
        var binds = PostgresBindings()
        binds.append(ids)
        var histories: [Int64: [StatusChange]] = [:]
        for row in try connection.run("""
            SELECT dossier_id, status, at, actor, source, note FROM status_history
            WHERE dossier_id = ANY($1) ORDER BY dossier_id, at, id
            """, binds, logger: logger).rows {
            let (id, status, at, actor, source, note) = try row.decode((Int64, String, Int64, String?, String?, String?).self)
            guard let status = DossierStatus(rawValue: status) else {
                throw StoreError.database(operation: "reading the history of dossier row \(id)",
                                          reason: "unknown status \(status)")
            }
            histories[id, default: []].append(StatusChange(status: status, at: StoredInstant.date(at),
                                                           actor: actor, source: source, note: note))
        }
        return histories
    }
}
