import HostAPI
import LuaBridge

/// A plugin a spec loaded (`plugin.load()`): it runs in its own sandbox with the grants of its
/// manifest (``PluginHost/open(_:placeholders:)``), as under `hostrun import`, `report` or
/// `check`, and the spec calls it through copies of its exports.
///
/// Values cross between the two states on every call: numbers, strings and booleans as they
/// are; tables copied (without metatables, so a plugin never sees changes a spec makes later);
/// functions as proxies that call the original in its own state; host objects (a `Period`, a
/// `Document`, a `Dossier`) shared, the one Swift object seen from both states.
///
/// The proxies hold the bridge and each other's states; ``close()`` (at the end of the spec
/// file) closes the plugin's state, which releases them.
final class PluginBridge {
    let session: PluginSession
    /// The spec file's state; it outlives the bridge, whose proxies it owns.
    private unowned let spec: LuaState

    init(session: PluginSession, spec: LuaState) {
        self.session = session
        self.spec = spec
    }

    private var plugin: LuaState { session.sandbox.state }

    /// What the plugin's entry returned, as the spec sees it.
    func exports() throws -> LuaValue {
        try convert(.table(session.exports), from: plugin, to: spec)
    }

    /// Closes the plugin's state (its proxies of spec functions go with it).
    func close() {
        plugin.close()
    }

    private func convert(_ value: LuaValue, from source: LuaState, to target: LuaState) throws -> LuaValue {
        switch value {
        case .table(let table):
            var copy = LuaTable(sequence: try table.sequence.map { try convert($0, from: source, to: target) })
            for (key, field) in table.fields { copy.fields[key] = try convert(field, from: source, to: target) }
            return .table(copy)
        case .function(let function):
            return try proxy(function, from: source, to: target)
        case .userdata(let object):
            return try share(object, from: source, to: target)
        case .thread:
            throw LuaRuntimeMessage("a coroutine cannot pass between a spec and its plugin")
        case .lightUserdata:
            throw LuaRuntimeMessage("a light userdata cannot pass between a spec and its plugin")
        default:
            return value
        }
    }

    /// A function of `target` that calls `function` (of `source`) with its arguments converted,
    /// and returns its results converted back.
    private func proxy(_ function: LuaReference, from source: LuaState, to target: LuaState) throws -> LuaValue {
        let stack = target.stack
        stack.pushFunction(name: "plugin '\(session.plugin.manifest.name)' function") { call in
            var arguments: [LuaValue] = []
            for index in 0..<call.argumentCount {
                arguments.append(try self.convert(try LuaValue.read(from: call.stack, at: index + 1), from: target, to: source))
            }
            let results: [LuaValue]
            do throws(LuaError) {
                results = try source.call(function, arguments)
            } catch {
                // Already located ("init.lua:12: ..."): raised as it is.
                throw LuaError(.runtime, error.message)
            }
            return call.returning(contentsOf: try results.map { try self.convert($0, from: source, to: target) })
        }
        defer { stack.pop() }
        return try LuaValue.read(from: stack, at: -1)
    }

    private func share(_ object: LuaReference, from source: LuaState, to target: LuaState) throws -> LuaValue {
        let from = source.stack, to = target.stack
        from.reserve(1)
        object.push(onto: from)
        defer { from.pop() }
        guard to.pushShared(userdataAt: -1, of: from) else {
            throw LuaRuntimeMessage("a \(from.typeDescription(at: -1)) cannot pass between a spec and its plugin")
        }
        defer { to.pop() }
        return try LuaValue.read(from: to, at: -1)
    }
}
