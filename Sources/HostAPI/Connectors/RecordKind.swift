/// What a connector yields: dossiers (the default) or citizens' feedback, as its entry module
/// says with `M.records = "feedback"`.
public enum RecordKind: String, Sendable, CaseIterable {
    case dossiers
    case feedback

    /// The fields a record of this kind may have: the columns of hostrun's canonical CSV
    /// (docs/canonical-csv.md), in their documented order.
    public var fields: [String] {
        switch self {
        case .dossiers: DossierField.allCases.map(\.rawValue)
        case .feedback: FeedbackField.allCases.map(\.rawValue)
        }
    }
}

/// A field of a canonical dossier record: a column of hostrun's canonical CSV.
public enum DossierField: String, CaseIterable, Sendable {
    case code, source
    case procedureCode = "procedure_code", procedureName = "procedure_name"
    case field, department, channel
    case fullyOnline = "fully_online"
    case receivedAt = "received_at", dueAt = "due_at"
    case status
    case finishedAt = "finished_at"
    case digitised
    case dataReused = "data_reused", feePayable = "fee_payable", paidOnline = "paid_online"
    case applicantName = "applicant_name", applicantID = "applicant_id", applicantPhone = "applicant_phone"
}

/// A field of a canonical feedback (PAKN) record.
public enum FeedbackField: String, CaseIterable, Sendable {
    case code, source, subject
    case receivedAt = "received_at", dueAt = "due_at"
    case status
    case handledAt = "handled_at"
}
