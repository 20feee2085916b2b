import CLua
import CLuaShim
import LuaBridge

/// The whole sandbox policy, in one place to review: what a script can reach, and why.
///
/// In the spirit of Redis's `script_lua.c`: every list says why it is what it is. Anything not
/// listed here does not exist for scripts. After set-up every library table (and every host
/// module) is a read-only proxy, the string metatable is protected, reading an undefined global
/// is an error, and the state's own global table is replaced by the script's environment, so
/// nothing loaded later can reach the real one.
enum SandboxPolicy {
    // MARK: The lists

    /// Base functions kept as they are: they compute on values and reach nothing outside.
    /// (`getmetatable` honours `__metatable`, which every protected metatable sets to `false`.)
    static let baseKept = [
        "assert", "error", "getmetatable", "ipairs", "next", "pairs", "rawequal", "rawget", "rawlen",
        "select", "tonumber", "tostring", "type", "warn", "_VERSION",
    ]

    /// Base functions replaced by a guarded version, and why.
    static let baseGuarded: [(name: String, function: lua_CFunction, why: String)] = [
        ("pcall", hr_sb_pcall, "a limit breach must not be swallowed: re-raised when the call returns"),
        ("xpcall", hr_sb_xpcall, "same as pcall, and the message handler runs under the limits"),
        ("setmetatable", hr_sb_setmetatable, "__gc is refused: a finalizer could run forever after the limits"),
        ("rawset", hr_sb_rawset, "raw writes would bypass the read-only proxies of library tables"),
        ("collectgarbage", hr_sb_collectgarbage, "only \"count\": stopping or tuning the collector defeats the memory limit"),
        ("print", hr_sb_print, "writes to the captured output, counted against the output limit"),
    ]
    // `load` is guarded too (text chunks only, the sandbox environment by default); it needs the
    // environment as an upvalue, so it is installed in `install` below. `require` is the host's
    // ModuleLoader: host modules, then .lua files in the script's folder only.

    /// Base functions that do not exist in the sandbox, and why.
    static let baseRemoved = [
        "dofile": "reads any file, outside the capability system",
        "loadfile": "reads any file, outside the capability system",
        "loadstring": "Lua 5.1 name; not in 5.4",
    ]

    /// Libraries offered, each with the functions kept. Functions not listed are removed.
    static let libraries: [(name: String, open: lua_CFunction, kept: [String], why: String)] = [
        ("string", luaopen_string, ["byte", "char", "find", "format", "gmatch", "gsub", "len", "lower", "match",
                                    "pack", "packsize", "rep", "reverse", "sub", "unpack", "upper"],
         "pure text functions; `dump` is removed (it makes binary chunks); a pattern running past the time limit meets the last resort"),
        ("table", luaopen_table, ["concat", "insert", "move", "pack", "remove", "sort", "unpack"],
         "pure table functions; they honour metamethods, so read-only proxies stay read-only"),
        ("math", luaopen_math, ["abs", "ceil", "cos", "deg", "exp", "floor", "fmod", "huge", "log", "max",
                                "maxinteger", "min", "mininteger", "modf", "pi", "rad", "random", "randomseed",
                                "sin", "sqrt", "tan", "tointeger", "type", "ult", "acos", "asin", "atan"],
         "pure arithmetic"),
        ("utf8", luaopen_utf8, ["char", "charpattern", "codepoint", "codes", "len", "offset"],
         "pure UTF-8 functions"),
        ("coroutine", luaopen_coroutine, ["create", "isyieldable", "running", "status", "yield"],
         "resume, wrap and close are guarded below: they record the running thread for the limit timers and re-raise kills; new coroutines inherit an instruction limit's hook"),
        ("os", luaopen_os, ["clock", "date", "difftime", "time"],
         "time only: execute, exit, remove, rename, tmpname, setlocale touch the machine; getenv is guarded below"),
    ]

    /// Coroutine functions replaced by guarded versions, and why.
    static let coroutineGuarded: [(name: String, function: lua_CFunction, why: String)] = [
        ("resume", hr_sb_co_resume, "a limit breach inside the coroutine is re-raised in the resumer"),
        ("wrap", hr_sb_co_wrap, "same as resume"),
        ("close", hr_sb_co_close, "Lua 5.4.4 overflows the C stack when closes nest deeply: nesting is bounded"),
    ]

    /// Libraries that do not exist in the sandbox, and why.
    static let librariesRemoved = [
        "io": "files and processes (popen) outside the capability system; `fs` is the granted way",
        "package": "loadlib loads native code; searchers read any path; `require` is the host's",
        "debug": "reaches upvalues, registry and metatables, and can remove the limit hook",
    ]

    /// Warnings (`warn`) are on by default, so that a script's `warn("...")` is seen.
    static let warningsEnabled = true

    // MARK: Installation

    /// Installs the policy in a fresh state. `modules` become read-only globals and `require`-able;
    /// `extraOSFunctions` join `os` (the guarded `getenv`).
    static func install(in state: LuaState, modules: [HostModule], extraOSFunctions: [HostFunction], loader: ModuleLoader) {
        let L = state.pointer
        let stack = state.stack
        stack.reserve(16)

        // The real globals table, where luaopen_base puts the base functions.
        luaL_requiref(L, "_G", luaopen_base, 0)
        let real = lua_gettop(L)

        lua_createtable(L, 0, 64)  // the script's environment
        let env = lua_gettop(L)
        for name in baseKept {
            lua_getfield(L, real, name)
            lua_setfield(L, env, name)
        }
        for guarded in baseGuarded {
            hr_pushcfunction(L, guarded.function)
            lua_setfield(L, env, guarded.name)
        }
        lua_pushvalue(L, env)
        lua_pushcclosure(L, hr_sb_load, 1)
        lua_setfield(L, env, "load")
        lua_pushvalue(L, env)
        lua_setfield(L, env, "_G")

        // Loaded modules, for `require` and for naming functions in tracebacks.
        lua_createtable(L, 0, 16)
        let loaded = lua_gettop(L)
        lua_getfield(L, hr_registryindex(), LUA_LOADED_TABLE)
        let lualoaded = lua_gettop(L)

        for library in libraries {
            luaL_requiref(L, library.name, library.open, 0)
            let full = lua_gettop(L)
            lua_createtable(L, 0, Int32(library.kept.count))
            let kept = lua_gettop(L)
            for name in library.kept {
                lua_getfield(L, full, name)
                lua_setfield(L, kept, name)
            }
            if library.name == "coroutine" {
                for guarded in coroutineGuarded {
                    hr_pushcfunction(L, guarded.function)
                    lua_setfield(L, kept, guarded.name)
                }
            }
            if library.name == "os" {
                for function in extraOSFunctions {
                    stack.pushFunction(name: "os.\(function.name)", body: function.body)
                    lua_setfield(L, kept, function.name)
                }
            }
            if library.name == "string" {
                // Strings index this table through their metatable: it must hold only kept names.
                lua_pushnil(L)
                lua_setfield(L, full, "dump")
            }
            lua_pushvalue(L, kept)
            lua_setfield(L, lualoaded, library.name)
            installFrozen(L, table: kept, name: library.name, env: env, loaded: loaded)
            lua_settop(L, lualoaded)
        }
        for module in modules {
            stack.push(module: module)
            let table = lua_gettop(L)
            lua_pushvalue(L, table)
            lua_setfield(L, lualoaded, module.name)
            installFrozen(L, table: table, name: module.name, env: env, loaded: loaded)
            lua_settop(L, lualoaded)
        }

        stack.pushFunction(name: "require", body: loader.function.body)
        lua_setfield(L, env, "require")
        withUnsafePointer(to: &ModuleLoader.loadedKey) {
            lua_pushvalue(L, loaded)
            lua_rawsetp(L, hr_registryindex(), $0)
        }

        hr_sb_protect_string_metatable(L)
        hr_sb_install_warn(L, warningsEnabled ? 1 : 0)
        hr_sb_make_strict(L, env)
        // From now on every chunk loaded with the default environment gets the script's.
        lua_pushvalue(L, env)
        lua_rawseti(L, hr_registryindex(), lua_Integer(LUA_RIDX_GLOBALS))
        lua_settop(L, real - 1)
    }

    /// Sets `env[name]` and `loaded[name]` to a read-only proxy of the table at `table`.
    private static func installFrozen(_ L: OpaquePointer, table: Int32, name: String, env: Int32, loaded: Int32) {
        hr_sb_push_frozen(L, table)
        lua_pushvalue(L, -1)
        lua_setfield(L, env, name)
        lua_setfield(L, loaded, name)
    }
}
