import Domain
import Foundation

/// A canonical dossier record read into a ``Domain/Dossier``, checked by the domain's rules.
enum CanonicalDossier {
    /// The dossier, or the first thing wrong with the record.
    static func make(_ record: inout RecordFields) throws(RecordRejection) -> Dossier {
        typealias F = DossierField
        func at(_ field: F) -> Int { index[field]! }
        let source = try record.requiredText(at(.source))
        let code = try record.requiredText(at(.code))
        record.key = DossierKey(source: source, code: code)
        let procedure = Procedure(code: try record.requiredText(at(.procedureCode)),
                                  name: try record.text(at(.procedureName)) ?? "",
                                  field: try record.text(at(.field)) ?? "")
        guard let receivedAt = try record.instant(at(.receivedAt)) else {
            throw record.reject(at(.receivedAt), "is missing")
        }
        let dossier = Dossier(
            key: DossierKey(source: source, code: code), procedure: procedure,
            department: try record.text(at(.department)) ?? "",
            applicant: Applicant(name: try record.text(at(.applicantName)),
                                 identityNumber: try record.text(at(.applicantID)),
                                 phone: try record.text(at(.applicantPhone))),
            channel: try record.word(at(.channel), as: Channel.self),
            fullyOnline: try record.flag(at(.fullyOnline)),
            receivedAt: receivedAt, dueAt: try record.instant(at(.dueAt)),
            status: try record.word(at(.status), as: DossierStatus.self),
            finishedAt: try record.instant(at(.finishedAt)),
            digitised: try record.flag(at(.digitised)), dataReused: try record.flag(at(.dataReused)),
            feePayable: try record.flag(at(.feePayable)), paidOnline: try record.flag(at(.paidOnline)))
        do {
            try dossier.validate()
        } catch {
            throw record.reject(error)
        }
        return dossier
    }

    /// Each field's position in ``RecordKind/fields``.
    private static let index: [DossierField: Int] = Dictionary(
        uniqueKeysWithValues: DossierField.allCases.enumerated().map { ($1, $0) })
}

/// A canonical feedback record read into a ``Domain/Feedback``, checked by the domain's rules.
enum CanonicalFeedback {
    static func make(_ record: inout RecordFields) throws(RecordRejection) -> Feedback {
        func at(_ field: FeedbackField) -> Int { index[field]! }
        let source = try record.requiredText(at(.source))
        let code = try record.requiredText(at(.code))
        record.key = DossierKey(source: source, code: code)
        guard let receivedAt = try record.instant(at(.receivedAt)) else {
            throw record.reject(at(.receivedAt), "is missing")
        }
        let feedback = Feedback(key: DossierKey(source: source, code: code),
                                subject: try record.text(at(.subject)) ?? "", receivedAt: receivedAt,
                                dueAt: try record.instant(at(.dueAt)),
                                status: try record.word(at(.status), as: FeedbackStatus.self),
                                handledAt: try record.instant(at(.handledAt)))
        do {
            try feedback.validate()
        } catch {
            throw record.reject(error)
        }
        return feedback
    }

    private static let index: [FeedbackField: Int] = Dictionary(
        uniqueKeysWithValues: FeedbackField.allCases.enumerated().map { ($1, $0) })
}
