import Domain
import Foundation
import LuaBridge
import Store

/// A record a connector yields, in hostrun's canonical model: a Lua table whose fields are the
/// columns of the canonical CSV (`code, source, procedure_code, procedure_name, field,
/// department, channel, fully_online, received_at, due_at, status, finished_at, digitised,
/// data_reused, fee_payable, paid_online, applicant_name, applicant_id, applicant_phone`), plus
/// optional `applicant_address`, `apology_due_at`, `time_limit` (`{days = n}`, `{hours = n}` or
/// a number of working days), `afternoon_cutoff` (`"15:00"`), `history` (an array of `{status,
/// at, actor, source, note}`) and `origin` (where the connector read it: `"export.csv row 12"`).
///
/// Times are integers or text (`"2026-01-05T08:30"`, `"05/01/2026 08:30"`); booleans are
/// `true`/`false`, `1`/`0` or those words as text; empty text means unknown. Text is stored NFC.
/// A missing `due_at` is computed from `time_limit` under the centre's rules. The dossier is
/// then checked by the domain (``Domain/Dossier/validate()``): a rejection names the record,
/// the field and the reason.
enum CanonicalRecord {
    static let fields: Set<String> = [
        "code", "source", "procedure_code", "procedure_name", "field", "department", "channel",
        "fully_online", "received_at", "due_at", "status", "finished_at", "digitised", "data_reused",
        "fee_payable", "paid_online", "applicant_name", "applicant_id", "applicant_phone",
        "applicant_address", "apology_due_at", "time_limit", "afternoon_cutoff", "history", "origin",
    ]

    /// The checked dossier of a record, or the rejection saying why not.
    static func decode(_ table: LuaTable, index: Int, deadlines: DeadlineCalculator) throws(ConnectorRejection) -> DossierRecord {
        let origin = table["origin"].stringValue ?? "record \(index + 1)"
        var key: DossierKey?
        func reject(_ field: String?, _ reason: String) -> ConnectorRejection {
            ConnectorRejection(origin: origin, key: key, field: field, reason: reason)
        }
        for name in table.fields.keys {
            guard case .string(let s) = name, fields.contains(s.description) else {
                throw reject(name.pathComponent, "unknown field (not a column of the canonical model)")
            }
        }
        let time = deadlines.rules.time
        func text(_ field: String, required: Bool = false) throws(ConnectorRejection) -> String? {
            switch table[field] {
            case .nil: if required { throw reject(field, "is required") }; return nil
            case .string(let s):
                guard let value = s.utf8 else { throw reject(field, "is not valid UTF-8") }
                let trimmed = VietnameseText.nfc(value.trimmingCharacters(in: .whitespaces))
                if trimmed.isEmpty { if required { throw reject(field, "is required") }; return nil }
                return trimmed
            case .integer(let i): return String(i)
            case let other: throw reject(field, "expected text, got \(other.type.name)")
            }
        }
        func flag(_ field: String) throws(ConnectorRejection) -> Bool {
            switch table[field] {
            case .nil: return false
            case .boolean(let b): return b
            case .integer(0): return false
            case .integer(1): return true
            case .string(let s):
                switch s.description.lowercased().trimmingCharacters(in: .whitespaces) {
                case "", "false", "0": return false
                case "true", "1": return true
                default: throw reject(field, "'\(s)' is not true, false, 1 or 0")
                }
            case let other: throw reject(field, "expected a boolean, got \(other.type.name)")
            }
        }
        func instant(_ field: String, required: Bool = false) throws(ConnectorRejection) -> Date? {
            switch table[field] {
            case .integer(let seconds): return HostTime.instant(seconds)
            case .nil, .string:
                guard let value = try text(field, required: required) else { return nil }
                do throws(DateParseError) { return try time.instant(parsing: value) } catch { throw reject(field, error.description) }
            case let other: throw reject(field, "expected a time, got \(other.type.name)")
            }
        }

        let code = try text("code", required: true)!
        let source = try text("source", required: true)!
        key = DossierKey(source: source, code: code)
        let channelText = try text("channel", required: true)!
        guard let channel = Channel(rawValue: channelText) else {
            throw reject("channel", "'\(channelText)' is not online, in_person or postal")
        }
        let statusText = try text("status", required: true)!
        guard let status = DossierStatus(rawValue: statusText) else {
            throw reject("status", "'\(statusText)' is not a dossier status")
        }
        var limit: TimeLimit?
        switch table["time_limit"] {
        case .nil: break
        case .integer(let days) where days > 0: limit = .workingDays(Int(days))
        case .table(let t):
            switch (t["days"].integerValue, t["hours"].integerValue) {
            case let (days?, nil) where days > 0: limit = .workingDays(Int(days))
            case let (nil, hours?) where hours > 0: limit = .workingHours(Int(hours))
            default: throw reject("time_limit", "expected {days = n} or {hours = n} with n > 0")
            }
        default: throw reject("time_limit", "expected a positive number of working days or {days =}/{hours =}")
        }
        var cutoff: LocalTime?
        if let value = try text("afternoon_cutoff") {
            do throws(DateParseError) { cutoff = try LocalTime(parsing: value) } catch { throw reject("afternoon_cutoff", error.description) }
        }
        let procedure = Procedure(code: try text("procedure_code", required: true)!,
                                  name: try text("procedure_name") ?? "", field: try text("field", required: true)!,
                                  timeLimit: limit, afternoonCutoff: cutoff)
        let received = try instant("received_at", required: true)!
        var history: [StatusChange] = []
        if case .table(let entries) = table["history"] {
            for (offset, entry) in entries.sequence.enumerated() {
                let field = "history[\(offset + 1)]"
                guard case .table(let change) = entry,
                      let statusName = change["status"].stringValue, let moved = DossierStatus(rawValue: statusName) else {
                    throw reject(field, "expected {status = a dossier status, at = a time, ...}")
                }
                let at: Date
                switch change["at"] {
                case .integer(let seconds): at = HostTime.instant(seconds)
                case .string(let s):
                    do throws(DateParseError) { at = try time.instant(parsing: s.description) } catch { throw reject(field + ".at", error.description) }
                default: throw reject(field + ".at", "is required (a time)")
                }
                history.append(StatusChange(status: moved, at: at, actor: change["actor"].stringValue,
                                            source: change["source"].stringValue, note: change["note"].stringValue.map(VietnameseText.nfc)))
            }
        } else if table["history"] != .nil {
            throw reject("history", "expected an array of {status =, at =}")
        }
        let dossier = Dossier(
            key: key!, procedure: procedure, department: try text("department", required: true)!,
            applicant: Applicant(name: try text("applicant_name"), identityNumber: try text("applicant_id"),
                                 phone: try text("applicant_phone"), address: try text("applicant_address")),
            channel: channel, fullyOnline: try flag("fully_online"), receivedAt: received,
            dueAt: try instant("due_at") ?? deadlines.dueAt(for: procedure, receivedAt: received),
            apologyDueAt: try instant("apology_due_at"), status: status, history: history,
            finishedAt: try instant("finished_at"), digitised: try flag("digitised"), dataReused: try flag("data_reused"),
            feePayable: try flag("fee_payable"), paidOnline: try flag("paid_online"))
        do throws(DomainError) {
            try dossier.validate()
        } catch {
            if case .invalidField(_, let field, let reason) = error { throw reject(field, reason) }
            throw reject(nil, error.description)
        }
        return DossierRecord(dossier, origin: origin)
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
