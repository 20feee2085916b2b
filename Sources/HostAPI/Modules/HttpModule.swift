import CLua
import Foundation
import LuaBridge
import Scheduling

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

    /// The options `http.get` and `http.request` share: documented and accepted from this one list.
    static let optionFields: [HostParameter] = [
        .init("headers", "table<string, string>?", "request headers by name"),
        .init("query", "table<string, string|number|boolean>?", "query parameters, URL-encoded and sorted by name"),
        .init("timeout", HostType.number.optional, "seconds to wait for the whole answer (default 30, never beyond the script's time limit)"),
        .init("max_bytes", HostType.integer.optional, "largest body accepted (default and most 64 MiB)"),
    ]
    /// What `http.request` takes besides ``optionFields``.
    static let requestOnlyFields: [HostParameter] = [
        .init("method", HostType.string.optional, "GET (default), POST, PUT, ..."),
        .init("url", .string, "an http:// or https:// URL on a granted host"),
        .init("body", HostType.string.optional, "the request body"),
    ]
    static let getFields = Set(optionFields.map(\.name))
    static let requestFields = getFields.union(requestOnlyFields.map(\.name))

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
        DocumentedClass("HttpOptions", "Options of `http.get`; every field optional.", fields: optionFields),
        DocumentedClass("HttpRequest", "What `http.request` sends; `url` is required.", fields: requestOnlyFields + optionFields),
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
        let headers = try options.value("headers", as: [String: String].self) ?? [:]
        for (name, value) in headers {
            guard !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) else {
                throw options.error("headers", "'\(name)' is not a header name (letters, digits and -)")
            }
            // A line break would end the header and start another the script never named.
            guard !value.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" || $0 == "\0" }) else {
                throw options.error("headers", "the value of '\(name)' holds a line break")
            }
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

        let (timeout, timeoutReason) = try wait(options, environment, timeLeft: call.luaState.timeLeft, label: label)
        let cap = try cap(options, environment, sending: body?.count ?? 0, state: call.luaState, label: label)
        let exchange = HttpExchange(method: method, address: address, headers: headers.sorted { $0.key < $1.key },
                                    body: body, timeout: timeout, maxBytes: cap.bytes, capReason: cap.reason, grants: grants,
                                    usage: environment.httpUsage)
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
                throw LuaRuntimeMessage("\(label): \(HTTPClient.noAnswer(within: seconds, timeoutReason))")
            case .network(let reason):
                throw LuaRuntimeMessage("\(label): \(reason)")
            }
        }
        return push(response, method: method, call)
    }

    /// How long a request waits: its own timeout, cut to what the script's time limit leaves;
    /// and which of the two it is, for the error.
    private static func wait(_ options: OptionsTable, _ environment: HostEnvironment, timeLeft: Double?,
                             label: String) throws -> (seconds: Double, reason: String) {
        let timeout = try options.value("timeout", as: Double.self) ?? environment.httpLimits.timeout
        guard timeout > 0, timeout.isFinite else { throw options.error("timeout", "must be a positive number of seconds") }
        guard let left = timeLeft else { return (timeout, "timeout") }
        guard left > 0 else { throw LuaRuntimeMessage("\(label): the script's time limit has passed") }
        return left < timeout ? (left, "the script's time limit") : (timeout, "timeout")
    }

    /// The largest body a request accepts: the smallest of `max_bytes` (or one response's
    /// limit), what the run's network limit leaves and the memory the script has left; and
    /// which it is, for the error.
    private static func cap(_ options: OptionsTable, _ environment: HostEnvironment, sending: Int, state: LuaState,
                            label: String) throws -> (bytes: Int, reason: String) {
        let limits = environment.httpLimits
        var cap = (bytes: limits.responseBytes, reason: "one response's limit")
        if let asked = try options.integer("max_bytes") {
            guard asked > 0, asked <= limits.responseBytes else {
                throw options.error("max_bytes", "must be from 1 to \(limits.responseBytes)")
            }
            cap = (asked, "max_bytes")
        }
        let budget = limits.totalBytes - environment.httpUsage.total - sending
        guard budget > 0 else {
            throw LuaRuntimeMessage("\(label): the run's requests already carried \(ByteCount.format(limits.totalBytes)), its network limit")
        }
        if budget < cap.bytes { cap = (budget, "the run's network limit of \(ByteCount.format(limits.totalBytes))") }
        if let memory = state.memoryLimit, memory - state.memoryUsed < cap.bytes {
            cap = (max(0, memory - state.memoryUsed), "the memory the script has left")
        }
        return cap
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
            do throws(JSONDecoding.Failure) {
                try JSONDecoding.decode(stringAt: call.stack.top, on: call.stack)
            } catch {
                throw LuaRuntimeMessage("HttpResponse:json: \(label): not JSON: \(error)")
            }
            return 1
        }
        lua_setfield(stack.state, -2, "json")
        return 1
    }
}
