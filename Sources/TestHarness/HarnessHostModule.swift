import CLua
import LuaBridge

/// `hostrun_harness`, the host module of the harness's states: the sources of the harness's
/// own modules (for its `require`) and tracebacks (the sandbox has no `debug` library).
enum HarnessHostModule {
    static let name = "hostrun_harness"

    static func module(_ modules: HarnessModules) -> HostModule {
        HostModule(name, "The test harness's own modules and tracebacks (used by busted.host).", since: "0.1") {
            HostFunction("source", "The source of a harness module (busted, luassert, say), or nothing.",
                         parameters: [.init("name", .string, "a module name such as busted.core")],
                         returns: [.init(HostType.string.optional, "the module's source"),
                                   .init(HostType.string.optional, "its chunk name")], since: "0.1") { call in
                guard let module = modules.modules[try call.string(1)] else { return 0 }
                return call.returning(module.source, module.chunkName)
            }
            HostFunction("traceback", "The stack traceback of the calling code, like debug.traceback.",
                         parameters: [.init("message", HostType.string.optional, "text put before the traceback"),
                                      .init("level", HostType.integer.optional, "the level to start at (1: the caller)")],
                         returns: [.init(.string, "the traceback")], since: "0.1") { call in
                let message = call.argumentCount >= 1 && lua_type(call.stack.state, 1) == LUA_TSTRING
                    ? try call.string(1) : nil
                let level = call.argumentCount >= 2 ? try call.integer(2) : 1
                luaL_traceback(call.stack.state, call.stack.state, message, Int32(clamping: level))
                return 1
            }
        }
    }
}
