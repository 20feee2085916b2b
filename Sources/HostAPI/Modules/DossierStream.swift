import CLua
import CLuaShim
import Domain
import LuaBridge
import Store

/// The iterator of `dossiers.query`: pulls one dossier at a time from a ``Store/StoreCursor``,
/// so a loop over a million dossiers holds two small batches, never the whole result.
///
/// `for d in dossiers.query{...}` gets a fourth value, a to-be-closed object: leaving the loop
/// early (`break`, an error) closes the cursor at once and releases its read transaction.
final class DossierStream {
    private var cursor: StoreCursor<Dossier>?
    private let environment: HostEnvironment
    private let historyLoaded: Bool

    init(cursor: StoreCursor<Dossier>, environment: HostEnvironment, historyLoaded: Bool) {
        self.cursor = cursor
        self.environment = environment
        self.historyLoaded = historyLoaded
    }

    deinit { cursor?.close() }

    func close() {
        cursor?.close()
        cursor = nil
    }

    /// Pushes the iterator function, a nil state, a nil control value and the closing value.
    func pushForLoop(_ call: LuaCall) -> Int32 {
        let state = call.stack.state
        call.stack.reserve(6)
        call.stack.pushFunction(name: "dossiers.query iterator") { [self] inner in
            try self.next(inner)
        }
        lua_pushnil(state)
        lua_pushnil(state)
        // The closing value: a table whose metatable's __close closes the cursor.
        lua_createtable(state, 0, 0)
        lua_createtable(state, 0, 1)
        call.stack.pushFunction(name: "dossiers.query close") { [self] _ in
            self.close()
            return 0
        }
        lua_setfield(state, -2, "__close")
        lua_pushboolean(state, 0)
        lua_setfield(state, -2, "__metatable")
        lua_setmetatable(state, -2)
        return 4
    }

    private func next(_ call: LuaCall) throws -> Int32 {
        guard let cursor else { return 0 }
        let dossier: Dossier?
        do {
            dossier = try cursor.next()
        } catch {
            close()
            throw LuaRuntimeMessage("dossiers.query: \(error)")
        }
        guard let dossier else {
            close()
            return 0
        }
        call.push(userdata: DossierObject(dossier, environment: environment, historyLoaded: historyLoaded),
                  as: DossierObject.type)
        return 1
    }
}
