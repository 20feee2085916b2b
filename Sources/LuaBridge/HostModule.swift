import CLua
import CLuaShim

/// A table of host functions scripts reach by name, documented in one place.
///
/// ```swift
/// let greet = HostModule("greet", "Greetings.") {
///     HostFunction("hello", "Says hello.",
///                  parameters: [.init("name", .string, "who to greet")],
///                  returns: [.init(.string, "the greeting")]) { call in
///         call.returning("xin chào, " + (try call.string(1)))
///     }
/// }
/// state.register(greet)   // scripts call greet.hello("Lan")
/// ```
public struct HostModule {
    /// The global name and `require` name (`dossiers`).
    public var name: String
    /// One line saying what the module is for.
    public var summary: String
    /// The hostrun version that introduced it.
    public var since: String?
    public var functions: [HostFunction]
    /// Constant fields (`version = "1.0"`), documented by their value's type.
    public var constants: [(name: String, value: LuaValue, summary: String)]

    public init(
        _ name: String, _ summary: String, since: String? = nil,
        constants: [(name: String, value: LuaValue, summary: String)] = [],
        @HostFunctionsBuilder functions: () -> [HostFunction]
    ) {
        self.name = name
        self.summary = summary
        self.since = since
        self.constants = constants
        self.functions = functions()
    }

    /// The function named `name`, if the module has one.
    public func function(named name: String) -> HostFunction? {
        functions.first { $0.name == name }
    }
}

/// Collects a module's functions: one `HostFunction(...)` expression per line, `if`/`for` allowed.
@resultBuilder
public enum HostFunctionsBuilder {
    public static func buildExpression(_ function: HostFunction) -> [HostFunction] { [function] }
    public static func buildExpression(_ functions: [HostFunction]) -> [HostFunction] { functions }
    public static func buildBlock(_ parts: [HostFunction]...) -> [HostFunction] { parts.flatMap { $0 } }
    public static func buildOptional(_ part: [HostFunction]?) -> [HostFunction] { part ?? [] }
    public static func buildEither(first part: [HostFunction]) -> [HostFunction] { part }
    public static func buildEither(second part: [HostFunction]) -> [HostFunction] { part }
    public static func buildArray(_ parts: [[HostFunction]]) -> [HostFunction] { parts.flatMap { $0 } }
}

extension LuaStack {
    /// Pushes a new table holding the module's functions and constants.
    public func push(module: HostModule) {
        reserve(3)
        lua_createtable(state, 0, Int32(module.functions.count + module.constants.count))
        for function in module.functions {
            function.name.push(onto: self)
            pushFunction(box: HostFunctionBox(name: "\(module.name).\(function.name)", isMethod: false, body: function.body))
            lua_rawset(state, -3)
        }
        for constant in module.constants {
            constant.name.push(onto: self)
            constant.value.push(onto: self)
            lua_rawset(state, -3)
        }
    }
}

extension LuaState {
    /// Installs a module as a global table, and records it as loaded so tracebacks name its
    /// functions `module.function`. The `Sandbox` installs modules its own way (read-only).
    public func register(_ module: HostModule) {
        stack.push(module: module)
        lua_getfield(pointer, hr_registryindex(), LUA_LOADED_TABLE)
        if lua_type(pointer, -1) == LUA_TTABLE {
            lua_pushvalue(pointer, -2)
            lua_setfield(pointer, -2, module.name)
        }
        stack.pop()
        hr_pushglobaltable(pointer)
        lua_rotate(pointer, -2, 1)
        lua_setfield(pointer, -2, module.name)
        stack.pop()
    }
}
