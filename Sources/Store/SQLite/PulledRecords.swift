/// The records a batch pulls from a source that may fail: a sequence that ends at the first
/// error and keeps it, so that the batch can roll back once the writer has stopped.
final class PulledRecords<Record>: Sequence, IteratorProtocol {
    private let pull: () throws -> Record?
    private var failure: (any Error)?

    init(_ pull: @escaping () throws -> Record?) {
        self.pull = pull
    }

    func next() -> Record? {
        guard failure == nil else { return nil }
        do {
            return try pull()
        } catch {
            failure = error
            return nil
        }
    }

    /// Throws the error that ended the records, if one did.
    func rethrow() throws {
        if let failure { throw failure }
    }
}
