import Foundation
import Testing
import Domain

@Suite("Dossier and feedback lifecycles")
struct LifecycleTests {
    func base() throws -> Dossier {
        try dossier("HS-001", received: "04/05/2026 09:00", changes: [
            (.received, "04/05/2026 09:00"), (.processing, "04/05/2026 10:00"),
        ])
    }

    @Test("A dossier built through its lifecycle is valid; finishing records finishedAt")
    func valid() throws {
        var d = try base()
        try d.validate()
        d = try d.appending(StatusChange(status: .resolved, at: at("06/05/2026 10:00"), actor: "cb01"))
        d = try d.appending(StatusChange(status: .returned, at: at("07/05/2026 08:00")))
        #expect(d.finishedAt == at("06/05/2026 10:00"))
        #expect(d.status == .returned)
        try d.validate()
    }

    @Test("canMove(to:) and allowedNext state the same lifecycle")
    func transitionTable() {
        for from in DossierStatus.allCases {
            for to in DossierStatus.allCases {
                #expect(from.canMove(to: to) == from.allowedNext.contains(to), "\(from) → \(to)")
            }
            #expect(from.allowedNext.isEmpty == (from.isFinished && from != .resolved))
        }
    }

    @Test("An invalid transition names the dossier, the entry and both states")
    func invalidTransition() throws {
        let d = try base().appending(StatusChange(status: .refused, at: at("05/05/2026 10:00")))
        #expect(throws: DomainError.invalidTransition(
            dossier: DossierKey(source: "motcua", code: "HS-001"), from: .refused, to: .processing, entry: 3)) {
            try d.appending(StatusChange(status: .processing, at: at("06/05/2026 10:00")))
        }
        let text = "\(DomainError.invalidTransition(dossier: d.key, from: .refused, to: .processing, entry: 3))"
        #expect(text == "dossier motcua/HS-001, history entry 3: status cannot move from refused to processing")
    }

    @Test("History is append-only: an older entry is refused, naming both times")
    func outOfOrder() throws {
        let d = try base()
        #expect {
            try d.appending(StatusChange(status: .resolved, at: at("04/05/2026 09:30")))
        } throws: { error in
            "\(error)" == "dossier motcua/HS-001, history entry 2: 2026-05-04T09:30:00+07:00 is earlier "
                + "than 2026-05-04T10:00:00+07:00 before it; history is append-only"
        }
        let before = Dossier(key: d.key, procedure: d.procedure, department: "", channel: .online,
                             receivedAt: at("04/05/2026 09:00"), dueAt: nil, status: .received)
        #expect(throws: DomainError.self) {
            try before.appending(StatusChange(status: .processing, at: at("03/05/2026 09:00")))
        }
    }

    @Test("Contradictory fields are named", arguments: [
        "finishedAt", "finishedAt (open)", "paidOnline", "fullyOnline", "dueAt", "apologyDueAt",
        "code", "procedure.timeLimit", "status",
    ])
    func invalidFields(breaking: String) throws {
        var d = try base()
        switch breaking {
        case "finishedAt": d.status = .resolved; d.history = []
        case "finishedAt (open)": d.finishedAt = at("05/05/2026 10:00")
        case "paidOnline": d.paidOnline = true
        case "fullyOnline": d.fullyOnline = true; d.channel = .inPerson
        case "dueAt": d.dueAt = at("01/05/2026 10:00")
        case "apologyDueAt": d.apologyDueAt = d.dueAt
        case "code": d.key.code = ""
        case "procedure.timeLimit": d.procedure.timeLimit = .workingDays(0)
        default: d.status = .supplementRequested
        }
        let field = breaking.split(separator: " ")[0]
        #expect {
            try d.validate()
        } throws: { error in
            guard case let DomainError.invalidField(key, f, _) = error else { return false }
            return f == field && key == d.key
        }
    }

    @Test("Status at an instant is read from history")
    func statusAt() throws {
        let d = try dossier(received: "04/05/2026 09:00", changes: [
            (.processing, "04/05/2026 10:00"), (.supplementRequested, "05/05/2026 10:00"),
            (.processing, "08/05/2026 10:00"), (.resolved, "11/05/2026 10:00"),
        ])
        #expect(d.status(at: at("04/05/2026 09:30")) == .received)
        #expect(d.status(at: at("06/05/2026 09:30")) == .supplementRequested)
        #expect(d.status(at: at("11/05/2026 10:00")) == .resolved)
        var bare = d
        bare.history = []
        #expect(bare.status(at: at("06/05/2026 09:30")) == .processing)
        #expect(bare.status(at: at("12/05/2026 09:30")) == .resolved)
    }

    @Test("Feedback moves received → processing → handled, and never back")
    func feedback() throws {
        var f = Feedback(key: DossierKey(source: "paknvpcp", code: "PA-1"), subject: "Thái độ phục vụ",
                         receivedAt: at("05/01/2026 09:00"), dueAt: at("19/01/2026 17:00"), status: .received)
        try f.validate()
        f = try f.moving(to: .processing, at: at("06/01/2026 09:00"))
        f = try f.moving(to: .handled, at: at("12/01/2026 09:00"))
        #expect(f.handledAt == at("12/01/2026 09:00"))
        try f.validate()
        #expect(throws: DomainError.invalidFeedbackTransition(feedback: f.key, from: .handled, to: .processing)) {
            try f.moving(to: .processing, at: at("13/01/2026 09:00"))
        }
        var broken = f
        broken.handledAt = nil
        #expect(throws: DomainError.self) { try broken.validate() }
        let fresh = Feedback(key: f.key, subject: "", receivedAt: at("05/01/2026 09:00"), dueAt: nil, status: .received)
        #expect(throws: DomainError.self) { try fresh.moving(to: .rejected, at: at("04/01/2026 09:00")) }
    }
}
