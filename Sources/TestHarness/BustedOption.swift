import LuaBridge

/// The value of one busted option given on the command line (`--tags=a,b`, `--shuffle`).
public enum BustedOption: Sendable, Equatable {
    case flag(Bool)
    case text(String)
    case list([String])
    case number(Int64)

    var luaValue: LuaValue {
        switch self {
        case .flag(let value): .boolean(value)
        case .text(let value): .string(LuaString(value))
        case .list(let values): .table(LuaTable(sequence: values.map { .string(LuaString($0)) }))
        case .number(let value): .integer(value)
        }
    }
}
