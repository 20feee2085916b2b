import CLua
import CLuaShim

/// A Swift function scripts can call, with the record that documents it.
///
/// The record (name, parameters, returns, one-line summary, version it appeared in) sits next
/// to the code, so the API reference and editor annotations generated from a ``HostRegistry``
/// cannot drift from what is installed.
///
/// The body reads its arguments from the ``LuaCall``, pushes its results and returns their
/// count (``LuaCall/returning(_:)`` does both). Any error it throws becomes a Lua error raised
/// at the script's line, after the body has returned: `lua_error` never crosses Swift frames.
public struct HostFunction {
    /// The body: read arguments, push results, return their count.
    public typealias Body = (LuaCall) throws -> Int32

    /// The name inside its module (`query`).
    public var name: String
    /// One line saying what it does.
    public var summary: String
    public var parameters: [HostParameter]
    public var returns: [HostReturn]
    /// The hostrun version that introduced it.
    public var since: String?
    public var body: Body

    public init(
        _ name: String, _ summary: String,
        parameters: [HostParameter] = [], returns: [HostReturn] = [], since: String? = nil,
        body: @escaping Body
    ) {
        self.name = name
        self.summary = summary
        self.parameters = parameters
        self.returns = returns
        self.since = since
        self.body = body
    }
}

/// What Lua holds for a host function: the body and the name used in messages.
@usableFromInline
final class HostFunctionBox {
    @usableFromInline let name: String
    @usableFromInline let isMethod: Bool
    @usableFromInline let body: HostFunction.Body

    init(name: String, isMethod: Bool, body: @escaping HostFunction.Body) {
        self.name = name
        self.isMethod = isMethod
        self.body = body
    }
}

/// The C callback behind every host function (see CLuaShim/trampoline.c).
func hostFunctionCallback(_ state: OpaquePointer?, _ context: UnsafeMutableRawPointer?) -> Int32 {
    Unmanaged<HostFunctionBox>.fromOpaque(context!)._withUnsafeGuaranteedRef { box in
        let stack = LuaStack(state!)
        do {
            return try box.body(LuaCall(stack: stack, function: box))
        } catch {
            pushError(error, on: stack)
            return HR_CALL_ERROR
        }
    }
}

func hostFunctionRelease(_ context: UnsafeMutableRawPointer?) {
    Unmanaged<HostFunctionBox>.fromOpaque(context!).release()
}

/// Pushes a Swift error as a Lua error value: its message, at the calling script line.
func pushError(_ error: any Error, on stack: LuaStack) {
    stack.reserve(3)
    if let error = error as? LuaError, error.kind == .runtime || error.kind == .syntax || error.kind == .errorHandler {
        error.message.push(onto: stack)  // from Lua: already located
        return
    }
    luaL_where(stack.state, 1)
    String(describing: error).push(onto: stack)
    lua_concat(stack.state, 2)
}

extension LuaStack {
    /// Pushes a Lua function that runs `body`. `name` is used in error messages.
    public func pushFunction(name: String, body: @escaping HostFunction.Body) {
        pushFunction(box: HostFunctionBox(name: name, isMethod: false, body: body))
    }

    func pushFunction(box: HostFunctionBox, extraUpvalues: Int32 = 0) {
        reserve(3)
        hr_push_host_function(
            state, hostFunctionCallback, Unmanaged.passRetained(box).toOpaque(), hostFunctionRelease, extraUpvalues)
    }
}
