#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LuaBridge

/// `os.getenv`, answering only for the names granted with `--allow-env`.
enum EnvironmentAccess {
    static func getenvFunction(granted: Set<String>) -> HostFunction {
        HostFunction("getenv", "Reads an environment variable granted with --allow-env.",
                     parameters: [.init("name", .string, "the variable's name")],
                     returns: [.init(HostType.string.optional, "its value, or nil when unset")], since: "0.1") { call in
            let name = try call.string(1)
            guard granted.contains(name) else {
                throw LuaRuntimeMessage("os.getenv: access to environment variable '\(name)' is not granted (use --allow-env \(name))")
            }
            return call.returning(getenv(name).map { String(cString: $0) })
        }
    }
}
