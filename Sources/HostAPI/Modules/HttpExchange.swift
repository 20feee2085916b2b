import Foundation
import Scheduling
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One HTTP request and its answer, run synchronously for a host function through
/// Foundation's `URLSession`, set up and worded as `WebhookSink` is (``HTTPClient``).
///
/// The session's delegate enforces what a script was granted while the exchange runs: a
/// redirect to a host outside the grants is refused before it is followed, and a body larger
/// than the cap is cut off as it arrives, never buffered whole.
struct HttpExchange {
    var method: String
    var address: HttpAddress
    var headers: [(String, String)]
    var body: [UInt8]?
    /// Seconds to wait for the whole answer.
    var timeout: Double
    /// Largest body accepted, in bytes.
    var maxBytes: Int
    /// What ``maxBytes`` is, for the error when a body passes it (`max_bytes`, say).
    var capReason: String
    /// Hosts a redirect may lead to.
    var grants: Set<String>
    /// Where the request's bytes are counted, whether or not an answer comes back: a body cut
    /// off at the cap or by a timeout still crossed the network.
    var usage: HttpUsage

    /// What came back.
    struct Response {
        var status: Int
        /// Names in lower case.
        var headers: [String: String]
        var body: Data
        /// The URL that answered (after redirects to granted hosts).
        var url: String
    }

    /// Why no response came back.
    enum Failure: Error {
        case redirectRefused(to: String, host: String)
        case tooLarge(limit: Int, reason: String)
        case timedOut(seconds: Double)
        case network(String)
    }

    /// Sends the request and waits for the answer, at most ``timeout`` seconds.
    func perform() throws(Failure) -> Response {
        var request = URLRequest(url: address.url)
        request.httpMethod = method
        request.timeoutInterval = timeout
        request.setValue(HTTPClient.userAgent, forHTTPHeaderField: "User-Agent")
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        if let body { request.httpBody = Data(body) }

        let configuration = HTTPClient.configuration(timeout: timeout)
        let delegate = Delegate(timeout: timeout, maxBytes: maxBytes, capReason: capReason, grants: grants)
        let session = URLSession(configuration: configuration, delegate: delegate, delegateQueue: nil)
        defer {
            session.invalidateAndCancel()
            usage.add(sent: body?.count ?? 0, received: delegate.receivedBytes)
        }
        let task = session.dataTask(with: request)
        task.resume()
        if delegate.done.wait(timeout: .now() + timeout) == .timedOut {
            task.cancel()
            throw .timedOut(seconds: timeout)
        }
        return try delegate.outcome()
    }

    /// Collects the answer and enforces the grants and the cap, on the session's queue.
    private final class Delegate: NSObject, URLSessionDataDelegate, @unchecked Sendable {
        let done = DispatchSemaphore(value: 0)
        let timeout: Double
        let maxBytes: Int
        let capReason: String
        let grants: Set<String>
        // The rest is guarded by `lock`: written on the session's queue, read after `done`.
        private let lock = NSLock()
        private var response: HTTPURLResponse?
        private var data = Data()
        private var failure: Failure?
        private var error: (any Error)?

        init(timeout: Double, maxBytes: Int, capReason: String, grants: Set<String>) {
            self.timeout = timeout
            self.maxBytes = maxBytes
            self.capReason = capReason
            self.grants = grants
        }

        /// The body bytes received so far, kept or not.
        var receivedBytes: Int { lock.withLock { data.count } }

        func outcome() throws(Failure) -> Response {
            lock.lock()
            defer { lock.unlock() }
            if let failure { throw failure }
            if let error, HTTPClient.isTimeout(error) { throw .timedOut(seconds: timeout) }
            if let error { throw .network(HTTPClient.describe(error, timeout: timeout)) }
            guard let response else { throw .network("no HTTP response") }
            var headers: [String: String] = [:]
            for (name, value) in response.allHeaderFields {
                headers[String(describing: name).lowercased()] = String(describing: value)
            }
            return Response(status: response.statusCode, headers: headers, body: data,
                             url: response.url?.absoluteString ?? "")
        }

        private func fail(_ reason: Failure) {
            lock.withLock { if failure == nil { failure = reason } }
        }

        func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                        completionHandler: @escaping (URLSession.ResponseDisposition) -> Void) {
            if response.expectedContentLength > Int64(maxBytes) {
                fail(.tooLarge(limit: maxBytes, reason: capReason))
                completionHandler(.cancel)
                return
            }
            lock.withLock { self.response = response as? HTTPURLResponse }
            completionHandler(.allow)
        }

        func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
            let over = lock.withLock { () -> Bool in
                self.data.append(data)
                return self.data.count > maxBytes
            }
            if over {
                fail(.tooLarge(limit: maxBytes, reason: capReason))
                dataTask.cancel()
            }
        }

        func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                        newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void) {
            let target = request.url?.absoluteString ?? "?"
            do {
                let address = try HttpAddress(target)
                if address.isGranted(by: grants) {
                    completionHandler(request)
                    return
                }
                fail(.redirectRefused(to: target, host: address.hostKey))
            } catch {
                fail(.redirectRefused(to: target, host: "\(error)"))
            }
            completionHandler(nil)
            task.cancel()
        }

        func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
            lock.withLock { self.error = error }
            done.signal()
        }
    }
}
