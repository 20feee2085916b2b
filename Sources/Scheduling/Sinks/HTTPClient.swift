import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// What hostrun's two HTTP clients share: the ``WebhookSink`` here and the scripts' `http`
/// module (HostAPI's `HttpExchange`, which depends on this target). Both set up their session
/// and word a failure the same way, so an operator reads one wording whichever of them failed.
public enum HTTPClient {
    /// The `User-Agent` of every request.
    public static let userAgent = "hostrun"

    /// An ephemeral session's configuration that waits at most `timeout` seconds for a whole
    /// exchange and keeps no cookies or cache between requests.
    public static func configuration(timeout: TimeInterval) -> URLSessionConfiguration {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout
        configuration.httpShouldSetCookies = false
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        return configuration
    }

    /// Whether `error` is URLSession's own timeout.
    public static func isTimeout(_ error: any Error) -> Bool {
        (error as? URLError)?.code == .timedOut
    }

    /// `no answer within 0.5 s (timeout)`: `reason` says which limit ended the wait.
    public static func noAnswer(within seconds: TimeInterval, _ reason: String = "timeout") -> String {
        let text = seconds >= 10 || seconds == seconds.rounded() ? "\(Int(seconds.rounded()))" : String(format: "%.1f", seconds)
        return "no answer within \(text) s (\(reason))"
    }

    /// A failed exchange in words: a timeout as ``noAnswer(within:_:)`` (Foundation on Linux
    /// says only "NSURLErrorDomain error -1001"), anything else as Foundation describes it.
    public static func describe(_ error: any Error, timeout: TimeInterval) -> String {
        if isTimeout(error) { return noAnswer(within: timeout) }
        let error = error as NSError
        return error.localizedDescription.isEmpty ? "\(error)" : error.localizedDescription
    }
}
