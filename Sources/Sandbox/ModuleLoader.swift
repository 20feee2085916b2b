import CLua
import CLuaShim
import LuaBridge

/// `require` in the sandbox: host modules first, then `.lua` files inside one folder.
///
/// A module name is dotted words (`reports.monthly` → `reports/monthly.lua`); `..`, slashes,
/// absolute paths and anything that resolves (through symlinks) outside the folder are refused.
/// Files load in text mode into the sandbox's globals, once; their result is cached.
struct ModuleLoader {
    /// The canonical folder scripts may require files from.
    let root: String?
    /// Put before a file's path relative to `root` in chunk names and messages (`dvcqg/`).
    let namePrefix: String

    /// Registry key of the table of loaded modules (name → value).
    nonisolated(unsafe) static var loadedKey: UInt8 = 0
    /// Marks a module being loaded, to report require cycles.
    nonisolated(unsafe) static var loadingMarker: UInt8 = 0

    static func isValidName(_ name: String) -> Bool {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        return !parts.isEmpty && parts.allSatisfy { part in
            !part.isEmpty && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }
        }
    }

    var function: HostFunction {
        HostFunction("require", "Loads a host module, or a .lua file from the script's folder.",
                     parameters: [.init("name", .string, "a host module's name, or dotted path of a .lua file")],
                     returns: [.init(.any, "the module")], since: "0.1") { call in
            let name = try call.string(1)
            let state = call.stack.state
            call.stack.reserve(6)
            withUnsafePointer(to: &Self.loadedKey) { _ = lua_rawgetp(state, hr_registryindex(), $0) }
            let loaded = lua_gettop(state)
            name.push(onto: call.stack)
            lua_rawget(state, loaded)
            if lua_type(state, -1) == LUA_TLIGHTUSERDATA {
                throw LuaRuntimeMessage("module '\(name)' requires itself (a require cycle)")
            }
            if lua_type(state, -1) != LUA_TNIL { return 1 }
            call.stack.pop()
            let path = try locate(name)
            let source: [UInt8]
            do {
                source = try HostFiles.read(path)
            } catch {
                throw LuaRuntimeMessage("require: \(error)")
            }
            let chunkName = "@" + displayPath(path)
            let status = source.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) {
                    hr_loadbuffer(state, $0.baseAddress, $0.count, chunkName, "t")
                }
            }
            if status != LUA_OK { return HR_CALL_ERROR }
            setLoaded(state, loaded, name) { withUnsafeMutablePointer(to: &Self.loadingMarker) { lua_pushlightuserdata(state, $0) } }
            name.push(onto: call.stack)
            displayPath(path).push(onto: call.stack)
            if hr_host_pcall(state, 2, 1) != LUA_OK {
                setLoaded(state, loaded, name) { lua_pushnil(state) }
                return HR_CALL_ERROR
            }
            if lua_type(state, -1) == LUA_TNIL {
                call.stack.pop()
                lua_pushboolean(state, 1)
            }
            let result = lua_gettop(state)
            setLoaded(state, loaded, name) { lua_pushvalue(state, result) }
            return 1
        }
    }

    private func setLoaded(_ state: OpaquePointer, _ loaded: Int32, _ name: String, value: () -> Void) {
        name.push(onto: LuaStack(state))
        value()
        lua_rawset(state, loaded)
    }

    private func locate(_ name: String) throws -> String {
        guard Self.isValidName(name) else {
            throw LuaRuntimeMessage("require: module name '\(name)' is not allowed (dotted names of .lua files in the script's folder only)")
        }
        guard let root else {
            throw LuaRuntimeMessage("require: module '\(name)' not found (no host module of that name, and no folder to load files from)")
        }
        let candidate = root + "/" + name.split(separator: ".").joined(separator: "/") + ".lua"
        guard let resolved = HostFiles.realPath(candidate) else {
            throw LuaRuntimeMessage("require: module '\(name)' not found (no host module of that name, and no file \(displayPath(candidate)))")
        }
        guard HostFiles.isInside(resolved, root: root) else {
            throw LuaRuntimeMessage("require: module '\(name)' resolves outside the script's folder")
        }
        return resolved
    }

    /// The path relative to the root after the name prefix, as messages and tracebacks show it.
    private func displayPath(_ path: String) -> String {
        guard let root, path.hasPrefix(root + "/") else { return path }
        return namePrefix + String(path.dropFirst(root.count + 1))
    }
}
