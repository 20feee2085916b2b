import CLua
import LuaBridge

/// `log`: messages to the host log (standard error), with the script's file and line.
struct LogModule {
    let environment: HostEnvironment

    init(_ environment: HostEnvironment) { self.environment = environment }

    static let guide = """
        `log.info("imported", n, "rows")` writes `[info] import.lua:12: imported 4266 rows` to \
        standard error, apart from what the script prints. Messages below the level set with \
        `hostrun --log-level` (default `info`) are dropped. Values are joined with spaces: \
        strings and numbers as they are, other values by their type. Never log personal data.
        """

    var module: HostModule {
        let log = environment.log
        return HostModule("log", "Messages to the host log, with the script's file and line.", since: "0.1") {
            for level in LogLevel.allCases {
                HostFunction(level.rawValue, "Writes a message at level \(level) (shown when --log-level is \(level) or lower).",
                             parameters: [.init("...", .any, "values joined with spaces")], since: "0.1") { call in
                    guard level >= log.level else { return 0 }
                    log.write(level, location: Self.location(call), message: Self.message(call))
                    return 0
                }
            }
        }
    }

    /// `file.lua:12:` of the calling line, from Lua's own `luaL_where`.
    private static func location(_ call: LuaCall) -> String {
        luaL_where(call.stack.state, 1)
        defer { call.stack.pop() }
        let text = call.stack.withBytes(at: -1) { String(decoding: $0, as: UTF8.self) } ?? ""
        return text.hasSuffix(" ") ? String(text.dropLast()) : text
    }

    /// The arguments joined with spaces, without running any script code (no `__tostring`).
    private static func message(_ call: LuaCall) -> String {
        var parts: [String] = []
        for position in Int32(1)...max(1, call.argumentCount) where position <= call.argumentCount {
            switch call.stack.type(at: position) {
            case .string, .number, .boolean:
                switch try? call.argument(position, as: LuaValue.self) {
                case .string(let s)?: parts.append(s.description)
                case .integer(let i)?: parts.append(String(i))
                case .number(let d)?: parts.append(String(d))
                case .boolean(let b)?: parts.append(String(b))
                default: parts.append("?")
                }
            case .nil, .none: parts.append("nil")
            default: parts.append(call.stack.typeDescription(at: position))
            }
        }
        return parts.joined(separator: " ")
    }
}
