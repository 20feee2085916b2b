import LuaBridge

extension FileAccess {
    /// The canonical path named by argument `position` of a host function, readable under a
    /// granted folder; a refusal is the script's error, naming the function (`csv.rows:
    /// ../x.csv: ...`). Every module that opens a file itself reads its path argument so.
    public func readable(_ call: LuaCall, _ position: Int32) throws -> String {
        do {
            return try readable(try call.string(position), function: call.functionName)
        } catch let denied as Denied {
            throw LuaRuntimeMessage(denied.description)
        }
    }

    /// The path named by argument `position` of a host function, to create or replace under a
    /// folder granted for writing; a refusal is the script's error, naming the function.
    public func writable(_ call: LuaCall, _ position: Int32) throws -> String {
        do {
            return try writable(try call.string(position), function: call.functionName)
        } catch let denied as Denied {
            throw LuaRuntimeMessage(denied.description)
        }
    }
}
