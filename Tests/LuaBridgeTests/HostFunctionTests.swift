import LuaBridge
import Testing

@Suite("Swift functions called from Lua")
struct HostFunctionTests {
    struct Failure: Error, CustomStringConvertible {
        var description: String { "dossier not found" }
    }

    static var demo: HostModule { HostModule("demo", "Functions for the tests.", since: "0.1") {
        HostFunction("add", "Adds two integers.",
                     parameters: [.init("a", .integer, "first"), .init("b", .integer, "second")],
                     returns: [.init(.integer, "the sum")]) { call in
            call.returning(try call.integer(1) &+ call.integer(2))
        }
        HostFunction("query", "Reads options.", parameters: [.init("opts", .table, "filters")],
                     returns: [.init(.string, "the status asked for")]) { call in
            let options = try call.tableView(1)
            try options.rejectUnknownFields(allowed: ["status", "limit"])
            let status = try options.field("status", as: String.self)
            let limit = try options.field("limit", as: Int?.self) ?? 10
            return call.returning(status, limit)
        }
        HostFunction("fail", "Always fails.") { _ in throw Failure() }
        HostFunction("apply", "Calls f(x).", parameters: [.init("f", .function), .init("x", .any)]) { call in
            let function = try call.function(1)
            let x = try call.argument(2, as: LuaValue.self)
            let results = try call.luaState.call(function, [x])
            for result in results { call.push(result) }
            return Int32(results.count)
        }
    } }

    func state() throws -> LuaState {
        let lua = try LuaState()
        lua.openStandardLibraries()
        lua.register(Self.demo)
        return lua
    }

    @Test func callsReturnResults() throws {
        let lua = try state()
        #expect(try lua.execute("return demo.add(40, 2)") == [.integer(42)])
        #expect(try lua.execute("return demo.query{status = 'late'}") == ["late", .integer(10)])
    }

    @Test func badArgumentsNameThePositionAndFunction() throws {
        let lua = try state()
        let error = #expect(throws: LuaError.self) { try lua.execute("demo.add(1, 'x')", name: "@job.lua") }
        #expect(error?.kind == .runtime)
        #expect(error?.message == "job.lua:1: bad argument #2 to 'demo.add' (number expected, got string)")
        #expect(error?.location == LuaError.Location(source: "job.lua", line: 1))
    }

    @Test func badFieldsNameTheField() throws {
        let lua = try state()
        let typeError = #expect(throws: LuaError.self) { try lua.execute("demo.query{status = 3}", name: "=q") }
        #expect(typeError?.message == "q:1: bad argument #1 to 'demo.query' (field 'status': string expected, got number)")
        let unknown = #expect(throws: LuaError.self) { try lua.execute("demo.query{status = 'a', colour = 1}", name: "=q") }
        #expect(unknown?.message == "q:1: bad argument #1 to 'demo.query' (unknown field 'colour')")
    }

    @Test func swiftErrorsBecomeCatchableLuaErrors() throws {
        let lua = try state()
        let results = try lua.execute("local ok, message = pcall(function() demo.fail() end) return ok, message", name: "=s")
        #expect(results == [false, "s:1: dossier not found"])
    }

    @Test func hostFunctionsCanCallBackIntoLua() throws {
        let lua = try state()
        #expect(try lua.execute("return demo.apply(function(x) return x * 2 end, 21)") == [.integer(42)])
        let error = #expect(throws: LuaError.self) {
            try lua.execute("demo.apply(function(x) error('inner ' .. x) end, 1)", name: "@cb.lua")
        }
        #expect(error?.message == "cb.lua:1: inner 1")
    }

    @Test func tracebacksShowScriptFramesOnly() throws {
        let lua = try state()
        let error = #expect(throws: LuaError.self) {
            try lua.execute("local function inner() error('boom') end\nlocal function outer() inner() end\nouter()", name: "@t.lua")
        }
        #expect(error?.location == LuaError.Location(source: "t.lua", line: 1))
        let traceback = error?.traceback ?? []
        #expect(traceback.contains { $0.hasPrefix("t.lua:1: in") })
        #expect(traceback.contains { $0.hasPrefix("t.lua:3: in main chunk") })
        #expect(!traceback.contains("[C]: in ?"))
    }

    @Test func syntaxErrorsHaveTheirKind() throws {
        let lua = try state()
        let error = #expect(throws: LuaError.self) { try lua.execute("x = = 1", name: "@bad.lua") }
        #expect(error?.kind == .syntax)
        #expect(error?.location == LuaError.Location(source: "bad.lua", line: 1))
    }

    @Test func theRegistryIsEnumerable() {
        let registry = HostRegistry([Self.demo])
        let module = registry.module(named: "demo")
        #expect(module?.functions.map(\.name) == ["add", "query", "fail", "apply"])
        #expect(module?.function(named: "add")?.parameters.map(\.name) == ["a", "b"])
        #expect(module?.function(named: "add")?.returns.first?.type == .integer)
    }

    @Test func closingTwiceIsHarmless() throws {
        let lua = try state()
        lua.close()
        lua.close()
        #expect(lua.isClosed)
    }
}
