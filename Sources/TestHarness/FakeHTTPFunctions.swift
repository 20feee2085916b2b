import LuaBridge

/// The `hostrun_test` functions under `hostrun.fake_http`: start a ``FakeHTTPServer`` for the
/// spec file, set its routes, read what it received, stop it. Servers are named by a number;
/// the spec file's world stops those still running when the file ends.
enum FakeHTTPFunctions {
    /// Seconds a server lives unless told otherwise.
    static let defaultLifetime = 60.0

    static func functions(_ world: SpecWorld) -> [HostFunction] {
        [
            HostFunction("http_start", "Starts a fake HTTP server on 127.0.0.1 (a random port).",
                         parameters: [.init("routes", .table, "responses by route: {[\"/path?query\"] = {{status =, body =, headers =, delay =}, ...}}"),
                                      .init("lifetime", HostType.number.optional, "seconds before it stops by itself (default 60)")],
                         returns: [.init(.integer, "the server's number"), .init(.string, "its URL, http://127.0.0.1:PORT")],
                         since: "0.1") { call in
                let routes = try Self.routes(try call.table(1), call)
                let lifetime = try call.optional(2, as: Double.self) ?? defaultLifetime
                guard lifetime > 0 && lifetime <= 3600 else { throw call.argumentError(2, "from 0 to 3600 seconds") }
                do {
                    let (number, server) = try world.startServer(routes: routes, lifetime: lifetime)
                    return call.returning(number, server.url)
                } catch {
                    throw LuaRuntimeMessage("fake_http.start: \(error)")
                }
            },
            HostFunction("http_route", "Adds or replaces a route of a fake HTTP server.",
                         parameters: [.init("server", .integer, "the server's number"),
                                      .init("route", .string, "\"/path?query\", \"/path\", or either after a method"),
                                      .init("responses", .table, "its responses, given in turn (the last repeats)")],
                         since: "0.1") { call in
                let server = try Self.server(world, call)
                let route = try call.string(2)
                server.setRoute(route, try Self.responses(try call.table(3), route: route, call))
                return 0
            },
            HostFunction("http_requests", "The requests a fake HTTP server received, oldest first.",
                         parameters: [.init("server", .integer, "the server's number")],
                         returns: [.init("FakeRequest[]", "{method, target, path, query, headers, body}")], since: "0.1") { call in
                let requests = try Self.server(world, call).requests
                return call.returning(LuaValue.table(LuaTable(sequence: requests.map { .table(Self.table($0)) })))
            },
            HostFunction("http_stop", "Stops a fake HTTP server.",
                         parameters: [.init("server", .integer, "the server's number")], since: "0.1") { call in
                try Self.server(world, call).stop()
                return 0
            }
        ]
    }

    private static func server(_ world: SpecWorld, _ call: LuaCall) throws -> FakeHTTPServer {
        let number = try call.integer(1)
        guard let server = world.server(Int(number)) else { throw call.argumentError(1, "no fake HTTP server \(number)") }
        return server
    }

    private static func routes(_ table: LuaTable, _ call: LuaCall) throws -> [String: [FakeHTTPServer.Response]] {
        guard table.sequence.isEmpty else { throw call.argumentError(1, "routes are keyed by path, not a list") }
        var routes: [String: [FakeHTTPServer.Response]] = [:]
        for (key, value) in table.fields {
            guard case .string(let route) = key.value, let name = route.utf8 else {
                throw call.argumentError(1, "a route must be a string such as \"/api/hoso?page=1\"")
            }
            guard case .table(let list) = value else { throw call.argumentError(1, "route '\(name)': a list of responses expected") }
            routes[name] = try responses(list, route: name, call)
        }
        return routes
    }

    private static func responses(_ list: LuaTable, route: String, _ call: LuaCall) throws -> [FakeHTTPServer.Response] {
        guard !list.sequence.isEmpty, list.fields.isEmpty else {
            throw LuaRuntimeMessage("route '\(route)': a list of responses expected")
        }
        return try list.sequence.enumerated().map { index, value in
            let place = "route '\(route)', response \(index + 1)"
            guard case .table(let response) = value else { throw LuaRuntimeMessage("\(place): a table expected") }
            for key in response.fields.keys where !["status", "body", "headers", "delay"].contains(key.value.stringValue ?? "") {
                throw LuaRuntimeMessage("\(place): unknown field \(key.pathComponent)")
            }
            let status = response["status"] == .nil ? 200 : response["status"].integerValue
            guard let status, (100...599).contains(status) else { throw LuaRuntimeMessage("\(place): status must be an integer from 100 to 599") }
            var body: [UInt8] = []
            switch response["body"] {
            case .nil: break
            case .string(let text): body = text.bytes
            default: throw LuaRuntimeMessage("\(place): body must be a string")
            }
            var headers: [(String, String)] = []
            switch response["headers"] {
            case .nil: break
            case .table(let table):
                for (name, value) in table.fields.sorted(by: { $0.key.pathComponent < $1.key.pathComponent }) {
                    guard let field = name.value.stringValue, let text = value.stringValue else {
                        throw LuaRuntimeMessage("\(place): headers must map names to strings")
                    }
                    headers.append((field, text))
                }
            default: throw LuaRuntimeMessage("\(place): headers must be a table")
            }
            let delay = response["delay"] == .nil ? 0 : response["delay"].numberValue
            guard let delay, (0...FakeHTTPServer.maximumDelay).contains(delay) else {
                throw LuaRuntimeMessage("\(place): delay must be a number of seconds from 0 to \(Int(FakeHTTPServer.maximumDelay))")
            }
            return FakeHTTPServer.Response(status: Int(status), headers: headers, body: body, delay: delay)
        }
    }

    private static func table(_ request: FakeHTTPServer.Request) -> LuaTable {
        var table = LuaTable()
        table["method"] = .string(LuaString(request.method))
        table["target"] = .string(LuaString(request.target))
        table["path"] = .string(LuaString(request.path))
        if let query = request.query { table["query"] = .string(LuaString(query)) }
        var headers = LuaTable()
        for (name, value) in request.headers { headers[name] = .string(LuaString(value)) }
        table["headers"] = .table(headers)
        table["body"] = .string(LuaString(bytes: request.body))
        return table
    }
}
