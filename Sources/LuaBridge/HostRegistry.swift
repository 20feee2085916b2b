/// Every host module of an application, in one enumerable list.
///
/// The registry is what scripts can call and the single source for the generated API pages and
/// LuaLS `---@meta` files: install from it, document from it.
public struct HostRegistry {
    /// Modules in registration order.
    public private(set) var modules: [HostModule] = []

    public init(_ modules: [HostModule] = []) {
        for module in modules { add(module) }
    }

    /// Adds a module; a second module with the same name is a programming error.
    public mutating func add(_ module: HostModule) {
        precondition(self.module(named: module.name) == nil, "host module '\(module.name)' registered twice")
        modules.append(module)
    }

    /// The module named `name`.
    public func module(named name: String) -> HostModule? {
        modules.first { $0.name == name }
    }

    /// Installs every module into `state` as globals (see ``LuaState/register(_:)``).
    public func install(into state: LuaState) {
        for module in modules { state.register(module) }
    }
}
