import CLua
import CLuaShim

/// A Lua value that lives in the state and cannot be copied into Swift: a function, a full
/// userdata or a coroutine. The value stays alive (anchored in the registry) while the reference
/// exists.
///
/// A reference keeps its ``LuaState`` alive and must be used, and released, on the thread that
/// uses the state. Once the state is closed the reference is inert.
public final class LuaReference {
    /// The state the value belongs to.
    public let state: LuaState
    /// The value's Lua type.
    public let type: LuaType
    @usableFromInline
    let slot: Int32

    /// Anchors the value at `index` of `stack`.
    init(stack: LuaStack, at index: Int32, state: LuaState) {
        self.state = state
        self.type = stack.type(at: index)
        lua_pushvalue(stack.state, index)
        self.slot = luaL_ref(stack.state, hr_registryindex())
    }

    deinit {
        if !state.isClosed {
            luaL_unref(state.pointer, hr_registryindex(), slot)
        }
    }

    /// Pushes the referenced value. The stack must belong to the same state.
    public func push(onto stack: LuaStack) {
        precondition(!state.isClosed, "LuaReference used after its state was closed")
        precondition(hr_main_thread(stack.state) == state.pointer, "LuaReference pushed onto another state")
        lua_rawgeti(stack.state, hr_registryindex(), lua_Integer(slot))
    }
}
