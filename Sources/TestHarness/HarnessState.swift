import LuaBridge
import Sandbox

/// A sandbox with the harness loaded, whose `busted.host` functions Swift calls.
///
/// Used by one thread at a time, like every ``Sandbox``; `hostrun test` makes one per spec
/// file (so files share nothing), one to resolve options and one to render the report.
final class HarnessState {
    let sandbox: Sandbox
    /// What the state printed: a spec file's own output, or the rendered report.
    let output: CapturedOutput
    private let host: LuaTable

    /// - Parameter hostModules: modules besides the harness's own (a spec file's world).
    init(modules: HarnessModules, limits: Limits = .default, capabilities: Capabilities = .none,
         moduleFolder: String? = nil, output: CapturedOutput = CapturedOutput(),
         hostModules: [HostModule] = []) throws(LuaError) {
        self.output = output
        sandbox = try Sandbox(limits: limits, capabilities: capabilities, output: output,
                              modules: HostRegistry([HarnessHostModule.module(modules)] + hostModules),
                              moduleFolder: moduleFolder)
        try sandbox.run(source: Array(modules.loader.source.utf8), name: modules.loader.chunkName,
                        scriptName: "hostrun test")
        let loaded = try sandbox.state.execute("return require('busted.host')", name: "=hostrun test")
        guard let table = loaded.first?.tableValue else {
            throw LuaError(.runtime, "busted.host did not return its table")
        }
        host = table
    }

    /// Calls `busted.host.<name>` with `arguments`.
    func call(_ name: String, _ arguments: [LuaValue]) throws(LuaError) -> [LuaValue] {
        guard case .function(let function) = host[name] else {
            throw LuaError(.runtime, "busted.host.\(name) is not a function")
        }
        return try sandbox.state.call(function, arguments)
    }
}
