import Store

extension ConnectorItem {
    /// The item with `centre` given to a dossier that names none (an empty name is none): the
    /// store's configured centre, so that a ward's plain exports land under its name.
    func inCentre(_ centre: String?) -> ConnectorItem {
        guard let centre, case .record(var record) = self, (record.dossier.centre ?? "").isEmpty else { return self }
        record.dossier.centre = centre
        return .record(record)
    }
}
