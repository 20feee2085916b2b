import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// POSTs each batch as JSON to a URL the configuration grants:
/// `{"check": …, "at": …, "summary": …, "alerts": [ … ]}`.
///
/// Any answer outside 200–299, or no answer within `timeout`, is a failure; the
/// ``AlertDispatcher`` retries it with exponential back-off from the sink's own queue, so a dead
/// endpoint never delays the scheduler.
public struct WebhookSink: AlertSink {
    public let url: URL
    private let session: URLSession
    private let timeout: TimeInterval
    private let headers: [String: String]
    private let format: AlertFormat

    /// - Parameters:
    ///   - timeout: seconds to wait for the whole exchange.
    ///   - headers: extra request headers (an authorisation token, say).
    public init(url: URL, timeout: TimeInterval = 10, headers: [String: String] = [:],
                format: AlertFormat = AlertFormat()) {
        self.url = url
        self.timeout = timeout
        session = URLSession(configuration: HTTPClient.configuration(timeout: timeout))
        self.headers = headers
        self.format = format
    }

    public func deliver(_ batch: AlertBatch) async throws {
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        request.setValue("application/json; charset=utf-8", forHTTPHeaderField: "Content-Type")
        request.setValue(HTTPClient.userAgent, forHTTPHeaderField: "User-Agent")
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        request.httpBody = try format.jsonEncoder().encode(batch)
        let response: URLResponse
        do {
            (_, response) = try await session.data(for: request)
        } catch {
            throw SinkError.http(url: url.absoluteString, message: HTTPClient.describe(error, timeout: timeout))
        }
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        guard (200..<300).contains(status) else {
            throw SinkError.httpStatus(url: url.absoluteString, status: status)
        }
    }
}
