import Domain
import Foundation
import LuaBridge
import Store

/// `feedback`: citizens' complaints and suggestions (phản ánh, kiến nghị, PAKN) held in the
/// store, read-only.
struct FeedbackModule {
    let environment: HostEnvironment

    init(_ environment: HostEnvironment) { self.environment = environment }

    static let guide = """
        Feedback items are few (hundreds a year for a ward), so `feedback.list` returns them \
        as one array, by receipt time. `open = true` keeps those not yet handled or rejected: \
        what the `feedback-due` check looks at.
        """

    static let classes = [
        DocumentedClass("Feedback", "A citizen's feedback (PAKN).", fields: [
            .init("code", .string, "its code in the source system"),
            .init("source", .string, "the source system"),
            .init("subject", .string, "what it is about"),
            .init("status", .string, "received, processing, handled or rejected"),
            .init("received_at", .integer, "when it was received"),
            .init("due_at", HostType.integer.optional, "when the answer is due"),
            .init("handled_at", HostType.integer.optional, "when it was handled or rejected"),
        ]),
        DocumentedClass("FeedbackOptions", "Which feedback `feedback.list` returns; every option may be left out.", fields: [
            .init("received_from", "integer|string?", "received on or after this day"),
            .init("received_to", "integer|string?", "received on or before this day"),
            .init("status", "string|string[]?", "one status or several"),
            .init("open", HostType.boolean.optional, "true: only those not yet handled or rejected"),
        ]),
    ]

    var module: HostModule {
        let environment = self.environment
        return HostModule("feedback", "Citizens' feedback (PAKN) in the store.", since: "0.1") {
            HostFunction("list", "The feedback items an options table selects, by receipt time.",
                         parameters: [.init("opts", "FeedbackOptions?", "filters")],
                         returns: [.init("Feedback[]", "the items")], since: "0.1") { call in
                let selection = try Selection(call, 1, time: environment.time)
                let items = try environment.storeOperation(call) { store -> [Feedback] in
                    var items: [Feedback] = []
                    try store.feedbackItems(received: selection.received).forEach { item in
                        if selection.admits(item) { items.append(item) }
                    }
                    return items
                }
                return call.returning(LuaTable(sequence: items.map { Self.table($0) }))
            }
        }
    }

    /// The options of `feedback.list`, read once.
    private struct Selection {
        var received: ClosedRange<LocalDate>?
        var statuses: Set<FeedbackStatus>?
        var openOnly = false

        init(_ call: LuaCall, _ position: Int32, time: CentreTime) throws {
            let options = try OptionsTable(call, position, allowed: ["received_from", "received_to", "status", "open"])
            let from = try options.date("received_from", in: time)
            let to = try options.date("received_to", in: time)
            if from != nil || to != nil {
                let first = from ?? LocalDate(year: 1900, month: 1, day: 1)!
                let last = to ?? LocalDate(year: 9999, month: 12, day: 31)!
                guard first <= last else { throw options.error("received_to", "is before received_from") }
                received = first...last
            }
            if let names = try options.strings("status") {
                statuses = Set(try names.map { name in
                    guard let status = FeedbackStatus(rawValue: name) else {
                        throw options.error("status", "unknown status '\(name)' (received, processing, handled or rejected)")
                    }
                    return status
                })
            }
            openOnly = try options.boolean("open") ?? false
        }

        func admits(_ item: Feedback) -> Bool {
            (statuses?.contains(item.status) ?? true) && !(openOnly && item.status.isFinished)
        }
    }

    private static func table(_ item: Feedback) -> LuaValue {
        var table = LuaTable()
        table["code"] = .string(LuaString(item.key.code))
        table["source"] = .string(LuaString(item.key.source))
        table["subject"] = .string(LuaString(item.subject))
        table["status"] = .string(LuaString(item.status.rawValue))
        table["received_at"] = .integer(HostTime.seconds(item.receivedAt))
        table["due_at"] = item.dueAt.map { .integer(HostTime.seconds($0)) } ?? .nil
        table["handled_at"] = item.handledAt.map { .integer(HostTime.seconds($0)) } ?? .nil
        return .table(table)
    }
}
