import Foundation

extension Dossier {
    /// Checks every rule a single dossier must satisfy on its own, and names the first one broken.
    ///
    /// - identity: source and code are not empty; the procedure has a code and a positive limit;
    /// - dates: due, apology and finish dates are not before receipt; an apology's new
    ///   appointment is later than the due date it replaces;
    /// - status: finished exactly when `finishedAt` is set;
    /// - flags: paid online only when a fee is payable; fully online only for online dossiers;
    /// - history: entries in time order, none before receipt, each move allowed from the one
    ///   before it (starting from `received`), and the last one is the current status.
    public func validate() throws(DomainError) {
        func fail(_ field: String, _ reason: String) -> DomainError {
            .invalidField(dossier: key, field: field, reason: reason)
        }
        let time = CentreTime.vietnam
        if key.source.isEmpty { throw fail("source", "is empty") }
        if key.code.isEmpty { throw fail("code", "is empty") }
        if procedure.code.isEmpty { throw fail("procedure.code", "is empty") }
        switch procedure.timeLimit {
        case .workingDays(let n) where n <= 0, .workingHours(let n) where n <= 0:
            throw fail("procedure.timeLimit", "must be positive, got \(n)")
        default: break
        }
        if let dueAt, dueAt < receivedAt {
            throw fail("dueAt", "\(time.iso8601(dueAt)) is before receipt \(time.iso8601(receivedAt))")
        }
        if let apologyDueAt {
            guard let dueAt else {
                throw fail("apologyDueAt", "an apology's new appointment needs an original due date")
            }
            if apologyDueAt <= dueAt {
                throw fail("apologyDueAt", "new appointment \(time.iso8601(apologyDueAt)) is not later "
                               + "than the due date \(time.iso8601(dueAt)) it replaces")
            }
        }
        switch (status.isFinished, finishedAt) {
        case (true, nil):
            throw fail("finishedAt", "is missing although the status is \(status.rawValue)")
        case (false, let finishedAt?):
            throw fail("finishedAt", "is \(time.iso8601(finishedAt)) although the status "
                           + "\(status.rawValue) is not finished")
        case (true, let finishedAt?) where finishedAt < receivedAt:
            throw fail("finishedAt", "\(time.iso8601(finishedAt)) is before receipt "
                           + "\(time.iso8601(receivedAt))")
        default: break
        }
        if paidOnline && !feePayable { throw fail("paidOnline", "is set but no fee is payable") }
        if fullyOnline && channel != .online {
            throw fail("fullyOnline", "is set but the channel is \(channel.rawValue)")
        }
        var replay = Dossier(key: key, procedure: procedure, department: department,
                             channel: channel, receivedAt: receivedAt, dueAt: dueAt,
                             status: .received)
        for change in history { try replay.append(change) }
        if !history.isEmpty && replay.status != status {
            throw fail("status", "is \(status.rawValue) but the last history entry is "
                           + "\(replay.status.rawValue)")
        }
    }

    /// This dossier with one more status change, or the error that forbids it.
    ///
    /// The change must not be older than the last entry (nor than the receipt) and must be a move
    /// the lifecycle allows. An opening `received` entry is accepted on an empty history. Moving
    /// to a finished state sets `finishedAt` if it was not known.
    public func appending(_ change: StatusChange) throws(DomainError) -> Dossier {
        var copy = self
        try copy.append(change)
        return copy
    }

    /// Appends a status change in place; see ``appending(_:)``.
    public mutating func append(_ change: StatusChange) throws(DomainError) {
        let previous = history.last?.at ?? receivedAt
        if change.at < previous {
            throw .historyOutOfOrder(dossier: key, entry: history.count, at: change.at,
                                     previous: previous)
        }
        let opening = history.isEmpty && status == .received && change.status == .received
        if !opening && !status.canMove(to: change.status) {
            throw .invalidTransition(dossier: key, from: status, to: change.status,
                                     entry: history.count)
        }
        history.append(change)
        status = change.status
        if change.status.isFinished && finishedAt == nil { finishedAt = change.at }
    }

    /// This dossier with an apology letter and new appointment (phiếu xin lỗi và hẹn lại).
    ///
    /// The letter may be issued once, for an open dossier with a due date, and must move the
    /// appointment later. `dueAt` is left alone: the dossier is still judged late against it.
    public func apologising(newDueAt: Date) throws(DomainError) -> Dossier {
        let time = CentreTime.vietnam
        func fail(_ reason: String) -> DomainError {
            .invalidField(dossier: key, field: "apologyDueAt", reason: reason)
        }
        guard let dueAt else { throw fail("the dossier has no due date to apologise for") }
        if let apologyDueAt {
            throw fail("an apology already set the appointment to \(time.iso8601(apologyDueAt)); "
                           + "a second slip stays late against \(time.iso8601(dueAt))")
        }
        if status.isFinished { throw fail("the dossier is already \(status.rawValue)") }
        if newDueAt <= dueAt {
            throw fail("new appointment \(time.iso8601(newDueAt)) is not later than "
                           + "\(time.iso8601(dueAt))")
        }
        var copy = self
        copy.apologyDueAt = newDueAt
        return copy
    }

    /// The status the dossier was in at an instant, read from its history.
    ///
    /// Without history the current status is the only knowledge: it is returned if it is open,
    /// and `processing` if the dossier has since finished (its finish is not yet known then).
    public func status(at instant: Date) -> DossierStatus {
        guard !history.isEmpty else {
            if let finishedAt, finishedAt <= instant { return status }
            return status.isFinished ? .processing : status
        }
        var index = history.count - 1
        while index >= 0 && history[index].at > instant { index -= 1 }
        return index >= 0 ? history[index].status : .received
    }
}
