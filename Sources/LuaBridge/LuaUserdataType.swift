import CLua
import CLuaShim

/// A Swift class exposed to scripts as typed userdata, with methods and properties.
///
/// A type is immutable and may be shared (a `static let`) by states running in parallel; its
/// method bodies then run on each state's thread with that state's objects.
///
/// The type's metatable is found by identity (a registry key unique to this object), never by
/// name, and is protected (`getmetatable` returns `false`), so scripts cannot forge, reach or
/// change it. Every method call checks that `self` is of this type and still alive; a userdata
/// whose object was released reads as closed, never as freed memory.
///
/// ```swift
/// let counterType = LuaUserdataType<Counter>("Counter", "A counter.",
///     methods: [LuaMethod("add", "Adds n.", parameters: [.init("n", .integer)]) { counter, call in
///         counter.value += Int(try call.integer(2)); return 0
///     }],
///     properties: [LuaProperty("value", .integer, "The current value.") { $0.value }])
/// call.push(userdata: Counter(), as: counterType)
/// ```
public final class LuaUserdataType<Object: AnyObject>: Sendable {
    public let name: String
    public let summary: String
    public let methods: [LuaMethod<Object>]
    public let properties: [LuaProperty<Object>]
    /// The bytes of host memory an object holds, which Lua's collector cannot see (nil: none
    /// worth telling). See ``init(_:_:methods:properties:cost:)``.
    public let cost: (@Sendable (Object) -> Int)?
    private let propertiesByName: [String: LuaProperty<Object>]

    /// - Parameter cost: the approximate bytes of host memory behind one object. A userdata
    ///   is a pointer-sized block to Lua; without this, a script that makes a million of them
    ///   holding kilobytes each runs the collector at the pace of the pointers and the host
    ///   memory piles up. With it, each push counts as that much allocation to the collector.
    public init(_ name: String, _ summary: String, methods: [LuaMethod<Object>] = [], properties: [LuaProperty<Object>] = [],
                cost: (@Sendable (Object) -> Int)? = nil) {
        self.name = name
        self.summary = summary
        self.methods = methods
        self.properties = properties
        self.cost = cost
        self.propertiesByName = Dictionary(properties.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The registry key: this object's address, unique while the state keeps the type alive.
    var key: UnsafeRawPointer { UnsafeRawPointer(Unmanaged.passUnretained(self).toOpaque()) }

    /// The object of the userdata at `index`, checked to be of this type and alive.
    public func object(at index: Int32, in call: LuaCall) throws(LuaArgumentError) -> Object {
        var closed: Int32 = 0
        guard let pointer = hr_check_host_userdata(call.stack.state, index, key, &closed) else {
            if closed != 0 { throw call.argumentError(index, "attempt to use a closed \(name)") }
            throw call.argumentError(index, "\(name) expected, got \(call.stack.typeDescription(at: index))")
        }
        return Unmanaged<Object>.fromOpaque(pointer).takeUnretainedValue()
    }

    /// Creates the metatable in `state` on first use.
    func install(in stack: LuaStack) {
        stack.reserve(6)
        guard hr_host_metatable(stack.state, key, userdataRelease) != 0 else {
            stack.pop()
            return
        }
        LuaState.owner(of: stack).userdataTypes[ObjectIdentifier(self)] = self
        let state = stack.state
        name.push(onto: stack)
        lua_setfield(state, -2, "__name")
        // Methods, each checking its self on every call.
        lua_createtable(state, 0, Int32(methods.count))
        for method in methods {
            method.name.push(onto: stack)
            let body = method.body
            stack.pushFunction(box: HostFunctionBox(name: "\(name):\(method.name)", isMethod: true) { [unowned self] call in
                try body(try self.object(at: 1, in: call), call)
            })
            lua_rawset(state, -3)
        }
        // Property names → their 1-based position in `properties`, so a field read is one
        // `lua_rawget` on an interned string: no Swift string is made on the hot path.
        lua_createtable(state, 0, Int32(properties.count))
        for (offset, property) in properties.enumerated() {
            property.name.push(onto: stack)
            lua_pushinteger(state, lua_Integer(offset + 1))
            lua_rawset(state, -3)
        }
        stack.pushFunction(box: HostFunctionBox(name: "\(name).__index", isMethod: false) { [unowned self] call in
            try self.index(call)
        }, extraUpvalues: 2)
        lua_setfield(state, -2, "__index")
        stack.pushFunction(box: HostFunctionBox(name: "\(name).__newindex", isMethod: false) { [unowned self] call in
            try self.newIndex(call)
        })
        lua_setfield(state, -2, "__newindex")
        stack.pop()
    }

    private func index(_ call: LuaCall) throws -> Int32 {
        let object = try self.object(at: 1, in: call)
        let state = call.stack.state
        lua_pushvalue(state, 2)
        if lua_rawget(state, hr_upvalueindex(2)) != LUA_TNIL { return 1 }
        call.stack.pop()
        lua_pushvalue(state, 2)
        let position = lua_rawget(state, hr_upvalueindex(3)) == LUA_TNUMBER ? Int(lua_tointegerx(state, -1, nil)) : 0
        call.stack.pop()
        guard position > 0 else {
            let key = (try? call.argument(2, as: String.self)) ?? call.stack.typeDescription(at: 2)
            throw LuaRuntimeMessage("\(name) has no field '\(key)'")
        }
        try properties[position - 1].getter(object, call.stack)
        return 1
    }

    private func newIndex(_ call: LuaCall) throws -> Int32 {
        let object = try self.object(at: 1, in: call)
        let key = try call.argument(2, as: String.self)
        guard let setter = propertiesByName[key]?.setter else {
            throw LuaRuntimeMessage("cannot set field '\(key)' of \(name)")
        }
        try setter(object, call)
        return 0
    }
}

/// A method of a ``LuaUserdataType``: `obj:name(...)`. Arguments start at 2 (1 is `self`).
public struct LuaMethod<Object: AnyObject>: Sendable {
    public var name: String
    public var summary: String
    public var parameters: [HostParameter]
    public var returns: [HostReturn]
    public var body: @Sendable (Object, LuaCall) throws -> Int32

    public init(
        _ name: String, _ summary: String, parameters: [HostParameter] = [], returns: [HostReturn] = [],
        body: @escaping @Sendable (Object, LuaCall) throws -> Int32
    ) {
        self.name = name
        self.summary = summary
        self.parameters = parameters
        self.returns = returns
        self.body = body
    }
}

/// A field of a ``LuaUserdataType``: `obj.name`, read-only unless it has a setter. Its getter
/// may throw (a field loaded lazily from a store, say): the error is raised at the script's line.
public struct LuaProperty<Object: AnyObject>: Sendable {
    public var name: String
    public var type: HostType
    public var summary: String
    let getter: @Sendable (Object, LuaStack) throws -> Void
    /// Reads the new value from argument 3 of the call.
    let setter: (@Sendable (Object, LuaCall) throws -> Void)?

    public init<Value: IntoLua & SendableMetatype>(
        _ name: String, _ type: HostType, _ summary: String,
        get: @escaping @Sendable (Object) throws -> Value, set: (@Sendable (Object, LuaCall) throws -> Void)? = nil
    ) {
        self.name = name
        self.type = type
        self.summary = summary
        self.getter = { object, stack in try get(object).push(onto: stack) }
        self.setter = set
    }

    /// Whether scripts may assign the field.
    public var isWritable: Bool { setter != nil }
}

/// An error message raised as is (with the script position) by a host function.
public struct LuaRuntimeMessage: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ message: String) { description = message }
}

private func userdataRelease(_ pointer: UnsafeMutableRawPointer?) {
    Unmanaged<AnyObject>.fromOpaque(pointer!).release()
}

extension LuaStack {
    /// Pushes `object` as a userdata of `type`; Lua keeps the object alive until collected.
    public func push<Object>(userdata object: Object, as type: LuaUserdataType<Object>) {
        type.install(in: self)
        reserve(2)
        let block = hr_new_host_userdata(state, type.key)!
        block.pointee = UnsafeMutableRawPointer(Unmanaged.passRetained(object).toOpaque())
        if let cost = type.cost { hr_add_gc_cost(state, cost(object)) }
    }
}

extension LuaCall {
    /// Pushes `object` as a userdata of `type`.
    public func push<Object>(userdata object: Object, as type: LuaUserdataType<Object>) {
        stack.push(userdata: object, as: type)
    }

    /// Argument `position` as an object of `type`.
    public func userdata<Object>(_ position: Int32, as type: LuaUserdataType<Object>) throws(LuaArgumentError) -> Object {
        try type.object(at: position, in: self)
    }
}
