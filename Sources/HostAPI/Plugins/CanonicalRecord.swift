import Domain
import Foundation
import LuaBridge
import Store

/// A record a connector yields, in hostrun's canonical model: a Lua table whose fields are the
/// columns of the canonical CSV (`code, source, procedure_code, procedure_name, field,
/// department, channel, fully_online, received_at, due_at, status, finished_at, digitised,
/// data_reused, fee_payable, paid_online, applicant_name, applicant_id, applicant_phone`), plus
/// optional `applicant_address`, `apology_due_at`, `time_limit` (`{days = n}`, `{hours = n}` or
/// a number of working days), `afternoon_cutoff` (`"15:00"`), `centre` (the receiving unit, e.g.
/// `"Phường Phú Thượng"`; empty or absent: none named), `history` (an array of `{status,
/// at, actor, source, note}`), `origin` (where the connector read it: `"export.csv row 12"`)
/// and `reject` (why the connector itself refuses the record, e.g. a status code its mapping
/// table lacks: the record is rejected with that reason).
///
/// Times are integers or text (`"2026-01-05T08:30"`, `"05/01/2026 08:30"`); booleans are
/// `true`/`false`, `1`/`0` or those words as text; empty text means unknown. Text is stored NFC.
/// A missing `due_at` is computed from `time_limit` under the centre's rules. The dossier is
/// then checked by the domain (``Domain/Dossier/validate()``): a rejection names the record,
/// the field and the reason.
///
/// A feedback record (a connector with `M.records = "feedback"`) has `code, source, subject,
/// received_at, due_at, status` (`received`, `processing`, `handled`, `rejected`),
/// `handled_at`, `reject` and `origin`, checked by ``Domain/Feedback/validate()``.
enum CanonicalRecord {
    /// The fields of a dossier record, in the order of ``D``, then `origin`.
    static let dossierFields = D.allCases.map { RecordFields.canonicalName("\($0)") } + ["origin"]
    /// The fields of a feedback record, in the order of ``F``, then `origin`.
    static let feedbackFields = F.allCases.map { RecordFields.canonicalName("\($0)") } + ["origin"]

    /// The fields of a dossier record; a case's name in snake case is the field's name
    /// (`procedureCode` is `procedure_code`), its raw value the field's position.
    private enum D: Int, CaseIterable {
        case code, source, procedureCode, procedureName, field, department, channel, fullyOnline, receivedAt, dueAt
        case status, finishedAt, digitised, dataReused, feePayable, paidOnline, applicantName, applicantId
        case applicantPhone, applicantAddress, apologyDueAt, timeLimit, afternoonCutoff, centre, history, reject
    }

    /// The fields of a feedback record, named as ``D``'s.
    private enum F: Int, CaseIterable {
        case code, source, subject, receivedAt, dueAt, status, handledAt, reject
    }

    /// The checked dossier of a record, or the rejection saying why not.
    static func dossier(_ record: inout RecordFields, deadlines: DeadlineCalculator) throws(ConnectorRejection) -> DossierRecord {
        func at(_ field: D) -> Int { field.rawValue }
        let code = try record.text(at(.code), required: true)!
        let source = try record.text(at(.source), required: true)!
        record.key = DossierKey(source: source, code: code)
        if let reason = try record.text(at(.reject)) { throw record.reject(nil, reason) }
        let channel = try record.word(at(.channel), as: Channel.self)
        let status = try record.word(at(.status), as: DossierStatus.self)
        let procedure = Procedure(code: try record.text(at(.procedureCode), required: true)!,
                                  name: try record.text(at(.procedureName)) ?? "",
                                  field: try record.text(at(.field), required: true)!,
                                  timeLimit: try timeLimit(record, at(.timeLimit)),
                                  afternoonCutoff: try cutoff(record, at(.afternoonCutoff)))
        let received = try record.instant(at(.receivedAt), required: true)!
        let dossier = Dossier(
            key: DossierKey(source: source, code: code), procedure: procedure,
            department: try record.text(at(.department), required: true)!,
            applicant: Applicant(name: try record.text(at(.applicantName)), identityNumber: try record.text(at(.applicantId)),
                                 phone: try record.text(at(.applicantPhone)), address: try record.text(at(.applicantAddress))),
            channel: channel, fullyOnline: try record.flag(at(.fullyOnline)), receivedAt: received,
            dueAt: try record.instant(at(.dueAt)) ?? deadlines.dueAt(for: procedure, receivedAt: received),
            apologyDueAt: try record.instant(at(.apologyDueAt)), status: status,
            history: try history(record, at(.history)), finishedAt: try record.instant(at(.finishedAt)),
            digitised: try record.flag(at(.digitised)), dataReused: try record.flag(at(.dataReused)),
            feePayable: try record.flag(at(.feePayable)), paidOnline: try record.flag(at(.paidOnline)),
            centre: try record.text(at(.centre)))
        do throws(DomainError) {
            try dossier.validate()
        } catch {
            throw record.reject(error)
        }
        return DossierRecord(dossier, origin: record.origin)
    }

    /// The checked feedback item of a record, or the rejection saying why not.
    static func feedback(_ record: inout RecordFields) throws(ConnectorRejection) -> FeedbackRecord {
        func at(_ field: F) -> Int { field.rawValue }
        let code = try record.text(at(.code), required: true)!
        let source = try record.text(at(.source), required: true)!
        record.key = DossierKey(source: source, code: code)
        if let reason = try record.text(at(.reject)) { throw record.reject(nil, reason) }
        let feedback = Feedback(key: DossierKey(source: source, code: code), subject: try record.text(at(.subject)) ?? "",
                                receivedAt: try record.instant(at(.receivedAt), required: true)!,
                                dueAt: try record.instant(at(.dueAt)),
                                status: try record.word(at(.status), as: FeedbackStatus.self),
                                handledAt: try record.instant(at(.handledAt)))
        do throws(DomainError) {
            try feedback.validate()
        } catch {
            throw record.reject(error)
        }
        return FeedbackRecord(feedback, origin: record.origin)
    }

    private static func timeLimit(_ record: RecordFields, _ index: Int) throws(ConnectorRejection) -> TimeLimit? {
        switch record.values[index] {
        case nil: return nil
        case .integer(let days) where days > 0: return .workingDays(Int(days))
        case .table(let t):
            switch (t["days"].integerValue, t["hours"].integerValue) {
            case let (days?, nil) where days > 0: return .workingDays(Int(days))
            case let (nil, hours?) where hours > 0: return .workingHours(Int(hours))
            default: throw record.reject("time_limit", "expected {days = n} or {hours = n} with n > 0")
            }
        default: throw record.reject("time_limit", "expected a positive number of working days or {days =}/{hours =}")
        }
    }

    private static func cutoff(_ record: RecordFields, _ index: Int) throws(ConnectorRejection) -> LocalTime? {
        guard let value = try record.text(index) else { return nil }
        do throws(DateParseError) {
            return try LocalTime(parsing: value)
        } catch {
            throw record.reject("afternoon_cutoff", error.description)
        }
    }

    private static func history(_ record: RecordFields, _ index: Int) throws(ConnectorRejection) -> [StatusChange] {
        guard let value = record.values[index] else { return [] }
        guard case .table(let entries) = value, entries.fields.isEmpty else {
            throw record.reject("history", "expected an array of {status =, at =}")
        }
        var history: [StatusChange] = []
        for (offset, entry) in entries.sequence.enumerated() {
            let field = "history[\(offset + 1)]"
            guard case .table(let change) = entry,
                  let statusName = change["status"].stringValue, let moved = DossierStatus(rawValue: statusName) else {
                throw record.reject(field, "expected {status = a dossier status, at = a time, ...}")
            }
            let at: Date
            switch change["at"] {
            case .integer(let seconds): at = HostTime.instant(seconds)
            case .string(let s):
                do throws(DateParseError) { at = try record.time.instant(parsing: s.description) } catch {
                    throw record.reject(field + ".at", error.description)
                }
            default: throw record.reject(field + ".at", "is required (a time)")
            }
            history.append(StatusChange(status: moved, at: at, actor: change["actor"].stringValue,
                                        source: change["source"].stringValue,
                                        note: change["note"].stringValue.map(VietnameseText.nfc)))
        }
        return history
    }
}

/// A record a connector yielded that the host refused, with where it came from and why:
/// `export.csv row 12 (motcua/HS-1): received_at: “31/02/2026”: day 31 does not exist in 02/2026`.
public struct ConnectorRejection: Error, Sendable, Equatable, CustomStringConvertible {
    public var origin: String
    public var key: DossierKey?
    public var field: String?
    public var reason: String

    public var description: String {
        origin + (key.map { " (\($0))" } ?? "") + ": " + (field.map { "\($0): " } ?? "") + reason
    }
}

extension ConnectorRejection {
    /// A record the store refused (a constraint, or a code repeated in the batch with different
    /// values); `firstOrigin` names the record of the batch a conflicting repeat follows.
    init(_ error: StoreError, record: RecordReference, firstOrigin: (Int) -> String?) {
        let reason = switch error {
        case let .conflictingDuplicate(_, firstIndex):
            "the same dossier appears earlier in this batch" + (firstOrigin(firstIndex).map { " (\($0))" } ?? "")
                + " with different values"
        case let .recordRejected(_, why): "refused by the store: \(why)"
        default: error.description
        }
        self.init(origin: record.origin ?? "record \(record.index + 1)", key: record.key, field: nil, reason: reason)
    }
}
