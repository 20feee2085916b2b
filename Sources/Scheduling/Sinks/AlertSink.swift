/// A destination for alerts: a log, a file, a webhook, a mail server.
///
/// A sink makes one attempt per call and throws when it fails; retrying, back-off and
/// buffering belong to the ``AlertDispatcher`` so that every sink gets them alike.
public protocol AlertSink: Sendable {
    func deliver(_ batch: AlertBatch) async throws
}
