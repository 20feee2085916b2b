import Domain
import Foundation
import LuaBridge

/// A dossier as scripts hold it: the `Dossier` userdata. Fields are read on access from the
/// Swift value (nothing is copied into Lua until asked for); the status history is loaded from
/// the store on first access unless the query fetched it.
final class DossierObject {
    let dossier: Dossier
    let environment: HostEnvironment
    private var history: [StatusChange]?

    init(_ dossier: Dossier, environment: HostEnvironment, historyLoaded: Bool) {
        self.dossier = dossier
        self.environment = environment
        history = historyLoaded ? dossier.history : nil
    }

    /// The dossier with its full history, loaded once.
    func withHistory() throws -> Dossier {
        if history == nil {
            guard let store = environment.store else { throw LuaRuntimeMessage("Dossier.history: this run has no store") }
            do {
                history = try store.store().dossier(dossier.key)?.history ?? []
            } catch {
                throw LuaRuntimeMessage("Dossier.history: \(error)")
            }
        }
        var full = dossier
        full.history = history!
        return full
    }

    private var time: CentreTime { environment.time }

    /// About how many bytes of Swift memory the object holds: the collector's cost of its
    /// userdata (``LuaUserdataType/cost``), so a loop over a million dossiers frees them as
    /// it goes. Strings longer than 15 bytes live in blocks of their own; so does the history.
    var approximateBytes: Int {
        let d = dossier
        func heap(_ text: String?) -> Int {
            guard let count = text?.utf8.count, count > 15 else { return 0 }
            return count + 32
        }
        let textBytes = heap(d.code) + heap(d.source) + heap(d.procedure.code) + heap(d.procedure.name)
            + heap(d.procedure.field) + heap(d.department) + heap(d.applicant.name)
            + heap(d.applicant.identityNumber) + heap(d.applicant.phone) + heap(d.applicant.address)
        let historyBytes = (history ?? []).reduce(0) { sum, change in
            sum + MemoryLayout<StatusChange>.stride + (change.note?.utf8.count ?? 0) + (change.actor?.utf8.count ?? 0)
        }
        return 48 + MemoryLayout<Dossier>.stride + textBytes + (history == nil ? 0 : 32 + historyBytes)
    }

    private func instant(_ call: LuaCall, _ position: Int32) throws -> Date {
        try call.optionalTime(position, in: time) ?? environment.clock.now()
    }

    private func standing(_ call: LuaCall, _ position: Int32) throws -> DeadlineStanding {
        environment.deadlines.standing(of: try withHistory(), at: try instant(call, position))
    }

    private func seconds(_ date: Date?) -> LuaValue {
        date.map { .integer(HostTime.seconds($0)) } ?? .nil
    }

    var historyTable: LuaTable {
        get throws {
            LuaTable(sequence: try withHistory().history.map { change -> LuaValue in
                var entry = LuaTable()
                entry["status"] = .string(LuaString(change.status.rawValue))
                entry["at"] = .integer(HostTime.seconds(change.at))
                entry["actor"] = change.actor.map { .string(LuaString($0)) } ?? .nil
                entry["source"] = change.source.map { .string(LuaString($0)) } ?? .nil
                entry["note"] = change.note.map { .string(LuaString($0)) } ?? .nil
                return .table(entry)
            })
        }
    }

    var timeLimit: LuaValue {
        switch dossier.procedure.timeLimit {
        case .workingDays(let n)?: ["days": .integer(Int64(n))]
        case .workingHours(let n)?: ["hours": .integer(Int64(n))]
        case nil: .nil
        }
    }

    var applicant: [String: String] {
        ApplicantMask.table(dossier.applicant, personalData: environment.grants.personalData)
    }

    /// Every field as a plain table, for `json.encode` and `csv.encode`.
    func plainTable() throws -> LuaTable {
        var table = LuaTable()
        for property in Self.type.properties {
            table[property.name] = try value(of: property.name)
        }
        return table
    }

    private func value(of name: String) throws -> LuaValue {
        let d = dossier
        return switch name {
        case "code": .string(LuaString(d.code))
        case "source": .string(LuaString(d.source))
        case "procedure_code": .string(LuaString(d.procedure.code))
        case "procedure_name": .string(LuaString(d.procedure.name))
        case "field": .string(LuaString(d.procedure.field))
        case "department": .string(LuaString(d.department))
        case "centre": .string(LuaString(d.centre ?? ""))
        case "channel": .string(LuaString(d.channel.rawValue))
        case "status": .string(LuaString(d.status.rawValue))
        case "received_at": seconds(d.receivedAt)
        case "due_at": seconds(d.dueAt)
        case "apology_due_at": seconds(d.apologyDueAt)
        case "finished_at": seconds(d.finishedAt)
        case "time_limit": timeLimit
        case "history": .table(try historyTable)
        case "digitised": .boolean(d.digitised)
        case "data_reused": .boolean(d.dataReused)
        case "fee_payable": .boolean(d.feePayable)
        case "paid_online": .boolean(d.paidOnline)
        case "fully_online": .boolean(d.fullyOnline)
        case "applicant": .table(LuaTable(fields: Dictionary(uniqueKeysWithValues: applicant.map {
            (LuaKey.string(LuaString($0.key)), LuaValue.string(LuaString($0.value)))
        })))
        default: .nil
        }
    }

    static let type = LuaUserdataType<DossierObject>(
        "Dossier", "A dossier (hồ sơ) from the store: read-only fields and deadline methods.",
        methods: [
            LuaMethod("days_overdue", "Working days past the due date at a time (0 when not overdue; for a dossier finished late, how late).",
                      parameters: [.init("at", "integer|string?", "the time (default: clock.now())")],
                      returns: [.init(HostType.integer.optional, "working days overdue, or nil without a due date")]) { object, call in
                let standing = try object.standing(call, 2)
                guard let left = standing.workingDaysLeft else { return call.returning(Int?.none) }
                let late = standing.state == .overdue || standing.state == .late
                return call.returning(late ? -left : 0)
            },
            LuaMethod("working_days_left", "Working days from a time's date to the due date: negative when overdue.",
                      parameters: [.init("at", "integer|string?", "the time (default: clock.now())")],
                      returns: [.init(HostType.integer.optional, "working days left, or nil without a due date")]) { object, call in
                call.returning(try object.standing(call, 2).workingDaysLeft)
            },
            LuaMethod("standing", "Where the dossier stands against its deadline at a time.",
                      parameters: [.init("at", "integer|string?", "the time (default: clock.now())")],
                      returns: [.init("Standing", "state, status, working and calendar days left, due date")]) { object, call in
                let standing = try object.standing(call, 2)
                let time = object.time
                var table = LuaTable()
                table["state"] = .string(LuaString(standing.state.rawValue))
                table["status"] = .string(LuaString(standing.status.rawValue))
                table["working_days_left"] = standing.workingDaysLeft.map { .integer(Int64($0)) } ?? .nil
                table["calendar_days_left"] = standing.calendarDaysLeft.map { .integer(Int64($0)) } ?? .nil
                table["due_date"] = standing.dueDate.map { .integer(HostTime.seconds($0, in: time)) } ?? .nil
                table["appointment_date"] = standing.appointmentDate.map { .integer(HostTime.seconds($0, in: time)) } ?? .nil
                return call.returning(table)
            },
            LuaMethod("classify", "The cell of a period's figures the dossier falls in, or nil when it does not count in the period.",
                      parameters: [.init("period", "Period", "the reporting period"),
                                   .init("as_of", "integer|string?", "what is known (default: the end of the period)")],
                      returns: [.init(HostType.string.optional, "intake: carried_over, online, in_person or postal"),
                                .init(HostType.string.optional, "outcome: early, on_time, late, refused, withdrawn, within_limit, overdue, supplement_requested or awaiting_payment")]) { object, call in
                let period = try PeriodModule.period(call, 2)
                let asOf = try call.optionalTime(3, in: object.time)
                let classifier = PeriodClassifier(period: period, asOf: asOf, time: object.time)
                guard let placement = classifier.placement(of: try object.withHistory()) else { return call.returning(LuaValue.nil) }
                return call.returning(placement.intake.rawValue, placement.outcome.rawValue)
            },
            LuaMethod("status_at", "The status the dossier was in at a time, read from its history.",
                      parameters: [.init("at", "integer|string", "the time")],
                      returns: [.init(.string, "the status")]) { object, call in
                call.returning(try object.withHistory().status(at: try call.time(2, in: object.time)).rawValue)
            },
            LuaMethod("to_table", "Every field as a plain table (for json.encode or csv.encode).",
                      returns: [.init("table", "a copy of the fields")]) { object, call in
                call.returning(try object.plainTable())
            },
        ],
        properties: [
            LuaProperty("code", .string, "the code its source system gave it") { $0.dossier.code },
            LuaProperty("source", .string, "the source system, e.g. motcua or dvcqg") { $0.dossier.source },
            LuaProperty("procedure_code", .string, "the procedure's catalogue code (mã TTHC)") { $0.dossier.procedure.code },
            LuaProperty("procedure_name", .string, "the procedure's name") { $0.dossier.procedure.name },
            LuaProperty("field", .string, "the procedure's field (lĩnh vực), e.g. \"Hộ tịch\"") { $0.dossier.procedure.field },
            LuaProperty("department", .string, "the office processing it (phòng chuyên môn)") { $0.dossier.department },
            LuaProperty("centre", .string, "the receiving unit (ward or commune centre) it belongs to; \"\" when it names none") { $0.dossier.centre ?? "" },
            LuaProperty("channel", .string, "online, in_person or postal") { $0.dossier.channel.rawValue },
            LuaProperty("status", .string, "received, processing, supplement_requested, awaiting_payment, resolved, returned, refused or withdrawn") { $0.dossier.status.rawValue },
            LuaProperty("received_at", .integer, "when the centre received it") { HostTime.seconds($0.dossier.receivedAt) },
            LuaProperty("due_at", HostType.integer.optional, "the due time lateness is judged against") { $0.dossier.dueAt.map(HostTime.seconds) },
            LuaProperty("apology_due_at", HostType.integer.optional, "the new appointment of an apology letter, if any") { $0.dossier.apologyDueAt.map(HostTime.seconds) },
            LuaProperty("finished_at", HostType.integer.optional, "the result, refusal or withdrawal time; nil while open") { $0.dossier.finishedAt.map(HostTime.seconds) },
            LuaProperty("time_limit", "TimeLimit?", "the procedure's limit: {days = n} or {hours = n}") { $0.timeLimit },
            LuaProperty("history", "HistoryEntry[]", "status changes, oldest first") { try $0.historyTable },
            LuaProperty("digitised", .boolean, "its documents were digitised (số hóa)") { $0.dossier.digitised },
            LuaProperty("data_reused", .boolean, "it reused data already held (tái sử dụng dữ liệu)") { $0.dossier.dataReused },
            LuaProperty("fee_payable", .boolean, "a fee or charge is payable") { $0.dossier.feePayable },
            LuaProperty("paid_online", .boolean, "the fee was paid online") { $0.dossier.paidOnline },
            LuaProperty("fully_online", .boolean, "the whole procedure was done online (toàn trình)") { $0.dossier.fullyOnline },
            LuaProperty("applicant", "Applicant", "name, id, phone, address: masked unless personal data is granted") { $0.applicant },
        ],
        cost: { $0.approximateBytes })

    static let classes = [
        DocumentedClass("HistoryEntry", "One status change of a dossier.", fields: [
            .init("status", .string, "the status moved to"),
            .init("at", .integer, "when"),
            .init("actor", HostType.string.optional, "who made the change"),
            .init("source", HostType.string.optional, "the system that reported it"),
            .init("note", HostType.string.optional, "a note, e.g. the reason of a refusal"),
        ]),
        DocumentedClass("Applicant", "The applicant; every field is personal data, masked (`N***** V** A*`, `*******678`) unless granted.", fields: [
            .init("name", HostType.string.optional, "the name"),
            .init("id", HostType.string.optional, "the identity number"),
            .init("phone", HostType.string.optional, "the phone number"),
            .init("address", HostType.string.optional, "the address"),
        ]),
        DocumentedClass("Standing", "Where a dossier stands against its deadline.", fields: [
            .init("state", .string, "running, overdue, clock_stopped, no_time_limit, not_yet_received, early, on_time, late, refused or withdrawn"),
            .init("status", .string, "the status at that time"),
            .init("working_days_left", HostType.integer.optional, "to the due date (negative: overdue)"),
            .init("calendar_days_left", HostType.integer.optional, "the same in calendar days"),
            .init("due_date", HostType.integer.optional, "the due date"),
            .init("appointment_date", HostType.integer.optional, "an apology letter's new appointment"),
        ]),
    ]
}

/// Pushes a dossier as its userdata.
struct DossierBox: IntoLua {
    let object: DossierObject

    func push(onto stack: LuaStack) {
        stack.push(userdata: object, as: DossierObject.type)
    }
}
