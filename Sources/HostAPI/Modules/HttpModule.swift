import CLua
import Foundation
import LuaBridge

/// `http`: requests to the hosts a script is granted (`hostrun --allow-net HOST`, or `hosts` in
/// a plugin's manifest). Installed only when some host is granted.
struct HttpModule {
    let environment: HostEnvironment

    init(_ environment: HostEnvironment) { self.environment = environment }

    static let guide = """
        Present only when hosts are granted (`hostrun --allow-net api.example.vn`, or `hosts` in \
        a plugin's manifest), and only for them: a URL's host (with its port, unless it is the \
        scheme's default) must be granted exactly, and a redirect to a host that is not is \
        refused, naming it. Only `http://` and `https://` URLs are reached.

        ```lua
        local token = os.getenv("DVCQG_TOKEN")            -- granted with env = {...}
        local res = http.get("https://api.example.vn/hoso", {
          query = { page = 2, size = 100 },              -- ?page=2&size=100, URL-encoded
          headers = { Authorization = "Bearer " .. token },
          timeout = 20,
        })
        if res.status ~= 200 then error("HTTP " .. res.status .. ": " .. res.body) end
        for _, item in ipairs(res:json().data) do ... end
        ```

        A response is a table: `status`, `ok` (2xx), `headers` (names in lower case), `body` and \
        `url`, with `res:json()` decoding the body as `json.decode` does. A status such as 404 or \
        500 is a value to look at; an unreachable host, a refused redirect, a timeout or a body \
        over the limit is an error naming the URL and the script's line. Limits: a request waits \
        at most its `timeout` (default 30 s) and never beyond the script's own time limit; a body \
        may not pass `max_bytes` (default and most 64 MiB, nor the memory left); a run's requests \
        and responses together may not pass 1 GiB. Tokens come from environment variables the \
        script is granted (`os.getenv`), never from its text.
        """

    static let requestFields: Set<String> = ["method", "url", "headers", "query", "body", "timeout", "max_bytes"]
    static let getFields: Set<String> = ["headers", "query", "timeout", "max_bytes"]

    var module: HostModule {
        let environment = self.environment
        return HostModule("http", "HTTP requests to the hosts the script is granted (present only when some are).", since: "0.1") {
            HostFunction("get", "Fetches a URL with GET.",
                         parameters: [.init("url", .string, "an http:// or https:// URL on a granted host"),
                                      .init("opts", "HttpOptions?", "{headers =, query =, timeout =, max_bytes =}")],
                         returns: [.init("HttpResponse", "the answer, whatever its status")], since: "0.1") { call in
                let url = try call.string(1)
                let options = try OptionsTable(call, 2, allowed: Self.getFields)
                return try Self.send(call, environment, method: "GET", url: url, options: options, urlPosition: 1)
            }
            HostFunction("request", "Sends a request with any method.",
                         parameters: [.init("request", "HttpRequest", "{method =, url =, headers =, query =, body =, timeout =, max_bytes =}")],
                         returns: [.init("HttpResponse", "the answer, whatever its status")], since: "0.1") { call in
                guard call.stack.type(at: 1) == .table else {
                    throw call.argumentError(1, "table expected, got \(call.stack.typeDescription(at: 1))")
                }
                let options = try OptionsTable(call, 1, allowed: Self.requestFields)
                guard let url = try options.string("url") else { throw options.error("url", "a URL is required") }
                let method = try options.string("method") ?? "GET"
                guard !method.isEmpty, method.allSatisfy({ $0.isASCII && $0.isUppercase }) else {
                    throw options.error("method", "'\(method)' is not a method such as GET or POST (upper case)")
                }
                return try Self.send(call, environment, method: method, url: url, options: options, urlPosition: nil)
            }
        }
    }

    static let classes = [
        DocumentedClass("HttpOptions", "Options of `http.get`; every field optional.", fields: [
            .init("headers", "table<string, string>?", "request headers by name"),
            .init("query", "table<string, string|number|boolean>?", "query parameters, URL-encoded and sorted by name"),
            .init("timeout", HostType.number.optional, "seconds to wait for the whole answer (default 30, never beyond the script's time limit)"),
            .init("max_bytes", HostType.integer.optional, "largest body accepted (default and most 64 MiB)"),
        ]),
        DocumentedClass("HttpRequest", "What `http.request` sends; `url` is required.", fields: [
            .init("method", HostType.string.optional, "GET (default), POST, PUT, ..."),
            .init("url", .string, "an http:// or https:// URL on a granted host"),
            .init("headers", "table<string, string>?", "request headers by name"),
            .init("query", "table<string, string|number|boolean>?", "query parameters, URL-encoded and sorted by name"),
            .init("body", HostType.string.optional, "the request body"),
            .init("timeout", HostType.number.optional, "seconds to wait for the whole answer (default 30)"),
            .init("max_bytes", HostType.integer.optional, "largest body accepted (default and most 64 MiB)"),
        ]),
        DocumentedClass("HttpResponse", "An HTTP answer; a status such as 404 is a value, not an error.", fields: [
            .init("status", .integer, "the status code (200, 404, ...)"),
            .init("ok", .boolean, "whether the status is 2xx"),
            .init("headers", "table<string, string>", "response headers, names in lower case"),
            .init("body", .string, "the body's bytes"),
            .init("url", .string, "the URL that answered (after redirects)"),
        ], methods: [
            .init("json", "Decodes the body as JSON (as json.decode); an error names the URL.",
                  returns: [.init(.any, "the decoded value")]),
        ]),
    ]

    // MARK: Sending

    private static func send(_ call: LuaCall, _ environment: HostEnvironment, method: String, url text: String,
                             options: OptionsTable, urlPosition: Int32?) throws -> Int32 {
        func urlError(_ reason: String) -> LuaArgumentError {
            urlPosition.map { call.argumentError($0, reason) } ?? options.error("url", reason)
        }
        let limits = environment.httpLimits
        let headers = try options.value("headers", as: [String: String].self) ?? [:]
        for name in headers.keys where name.isEmpty || !name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) {
            throw options.error("headers", "'\(name)' is not a header name (letters, digits and -)")
        }
        var full = text
        if let query = try options.value("query", as: [String: LuaValue].self), !query.isEmpty {
            full += (text.contains("?") ? "&" : "?") + (try HttpQuery.encode(query, options))
        }
        let address: HttpAddress
        do {
            address = try HttpAddress(full)
        } catch {
            throw urlError(error.description)
        }
        let grants = environment.capabilities.networkHosts
        guard address.isGranted(by: grants) else {
            throw LuaRuntimeMessage("\(call.functionName): host '\(address.hostKey)' is not granted "
                                    + "(granted: \(grants.sorted().joined(separator: ", ")); a plugin's manifest lists its hosts, "
                                    + "`hostrun --allow-net \(address.hostKey)` grants one to a script)")
        }
        let body = try options.value("body", as: LuaString.self)?.bytes
        let label = "\(call.functionName): \(method) \(address.url.absoluteString)"

        // The wait: the request's own, cut to what the script's time limit leaves.
        var timeout = try options.value("timeout", as: Double.self) ?? limits.timeout
        guard timeout > 0, timeout.isFinite else { throw options.error("timeout", "must be a positive number of seconds") }
        var timeoutReason = "timeout"
        if let deadline = environment.deadline {
            let left = deadline.timeIntervalSinceNow
            guard left > 0 else { throw LuaRuntimeMessage("\(label): the script's time limit has passed") }
            if left < timeout { (timeout, timeoutReason) = (left, "the script's time limit") }
        }

        // The cap: the smallest of max_bytes, the run's budget and the memory left.
        var cap = (limits.responseBytes, "one response's limit")
        if let asked = try options.integer("max_bytes") {
            guard asked > 0, asked <= limits.responseBytes else {
                throw options.error("max_bytes", "must be from 1 to \(limits.responseBytes)")
            }
            cap = (asked, "max_bytes")
        }
        let budget = limits.totalBytes - environment.httpUsage.total - (body?.count ?? 0)
        guard budget > 0 else {
            throw LuaRuntimeMessage("\(label): the run's requests already carried \(ByteCount.format(limits.totalBytes)), its network limit")
        }
        if budget < cap.0 { cap = (budget, "the run's network limit of \(ByteCount.format(limits.totalBytes))") }
        let state = call.luaState
        if let memory = state.memoryLimit {
            let left = max(0, memory - state.memoryUsed) / 2
            if left < cap.0 { cap = (left, "the memory the script has left") }
        }

        let exchange = HttpExchange(method: method, address: address, headers: headers.sorted { $0.key < $1.key },
                                    body: body, timeout: timeout, maxBytes: cap.0, capReason: cap.1, grants: grants)
        let response: HttpExchange.Response
        do {
            response = try exchange.perform()
        } catch {
            switch error {
            case .redirectRefused(let target, let host):
                throw LuaRuntimeMessage("\(label): redirected to \(target), but host '\(host)' is not granted")
            case .tooLarge(let limit, let reason):
                throw LuaRuntimeMessage("\(label): the response is larger than \(ByteCount.format(limit)) (\(reason))")
            case .timedOut(let seconds):
                throw LuaRuntimeMessage("\(label): no answer within \(Self.seconds(seconds)) (\(timeoutReason))")
            case .network(let reason):
                throw LuaRuntimeMessage("\(label): \(reason)")
            }
        }
        environment.httpUsage.add(sent: body?.count ?? 0, received: response.body.count)
        return push(response, method: method, call)
    }

    /// Pushes the response table, with its `json` method.
    private static func push(_ response: HttpExchange.Response, method: String, _ call: LuaCall) -> Int32 {
        var table = LuaTable()
        table["status"] = .integer(Int64(response.status))
        table["ok"] = .boolean((200..<300).contains(response.status))
        table["url"] = .string(LuaString(response.url))
        table["headers"] = .table(LuaTable(fields: Dictionary(uniqueKeysWithValues: response.headers.map {
            (LuaKey.string(LuaString($0.key)), LuaValue.string(LuaString($0.value)))
        })))
        table["body"] = .string(LuaString(bytes: [UInt8](response.body)))
        let stack = call.stack
        stack.push(table)
        let label = "\(method) \(response.url)"
        stack.pushFunction(name: "HttpResponse:json") { call in
            guard call.stack.type(at: 1) == .table else {
                throw call.argumentError(1, "call it as response:json(), got \(call.stack.typeDescription(at: 1))")
            }
            lua_getfield(call.stack.state, 1, "body")
            guard call.stack.type(at: -1) == .string else {
                throw LuaRuntimeMessage("HttpResponse:json: the response has no body text")
            }
            var failure: JSONDecoding.Failure?
            _ = call.stack.withBytes(at: -1) { bytes in
                do throws(JSONDecoding.Failure) {
                    try JSONDecoding.decode(bytes, onto: call.stack)
                } catch {
                    failure = error
                }
            }
            if let failure { throw LuaRuntimeMessage("HttpResponse:json: \(label): not JSON: \(failure)") }
            return 1
        }
        lua_setfield(stack.state, -2, "json")
        return 1
    }

    private static func seconds(_ value: Double) -> String {
        value >= 10 || value == value.rounded() ? "\(Int(value.rounded())) s" : String(format: "%.1f s", value)
    }
}

/// A query string from a table: names sorted, names and values percent-encoded (RFC 3986's
/// unreserved characters left as they are).
enum HttpQuery {
    static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    static func encode(_ query: [String: LuaValue], _ options: OptionsTable) throws(LuaArgumentError) -> String {
        var parts: [String] = []
        for name in query.keys.sorted() {
            let value: String
            switch query[name]! {
            case .string(let text):
                guard let utf8 = text.utf8 else { throw options.error("query", "the value of '\(name)' is not UTF-8 text") }
                value = utf8
            case .integer(let number): value = String(number)
            case .number(let number): value = number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)
            case .boolean(let flag): value = String(flag)
            default:
                throw options.error("query", "the value of '\(name)' must be a string, number or boolean")
            }
            parts.append(escape(name) + "=" + escape(value))
        }
        return parts.joined(separator: "&")
    }

    static func escape(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }
}
