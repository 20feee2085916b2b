import CLua
import LuaBridge
import Testing

@Suite("Typed userdata: methods, properties, no spoofing")
struct UserdataTests {
    final class Counter {
        var value = 0
        let label: String
        init(label: String) { self.label = label }
    }

    static let counterType = LuaUserdataType<Counter>(
        "Counter", "A counter.",
        methods: [
            LuaMethod("add", "Adds n.", parameters: [.init("n", .integer)], returns: [.init(.integer, "the new value")]) { counter, call in
                counter.value += Int(try call.integer(2))
                return call.returning(counter.value)
            },
        ],
        properties: [
            LuaProperty("value", .integer, "The current value.", get: { $0.value }, set: { counter, call in
                counter.value = Int(try call.integer(3))
            }),
            LuaProperty("label", .string, "A read-only label.", get: { $0.label }),
        ])

    func state(with counter: Counter) throws -> LuaState {
        let lua = try LuaState()
        lua.openStandardLibraries()
        lua.stack.push(userdata: counter, as: Self.counterType)
        lua_setglobal(lua.pointer, "counter")
        lua.register(HostModule("counters", "Makes counters.") {
            HostFunction("new", "A new counter.", parameters: [.init("label", .string)], returns: [.init("Counter")]) { call in
                call.push(userdata: Counter(label: try call.string(1)), as: Self.counterType)
                return 1
            }
            HostFunction("read", "Reads a counter.", parameters: [.init("c", "Counter")], returns: [.init(.integer)]) { call in
                call.returning(try call.userdata(1, as: Self.counterType).value)
            }
        })
        return lua
    }

    @Test func methodsAndPropertiesWork() throws {
        let counter = Counter(label: "hồ sơ")
        let lua = try state(with: counter)
        let results = try lua.execute("counter:add(2) counter.value = counter.value + 10 return counter:add(1), counter.label, tostring(counter):match('^Counter: ') ~= nil")
        #expect(results == [.integer(13), "hồ sơ", true])
        #expect(counter.value == 13)
    }

    @Test func wrongSelfIsRejected() throws {
        let lua = try state(with: Counter(label: "a"))
        let spoof = #expect(throws: LuaError.self) {
            try lua.execute("local fake = {value = 1} counter.add(fake, 1)", name: "=u")
        }
        #expect(spoof?.message == "u:1: calling 'Counter:add' on bad self (Counter expected, got table)")
        let wrongArgument = #expect(throws: LuaError.self) { try lua.execute("counters.read(io.stdout)", name: "=u") }
        #expect(wrongArgument?.message == "u:1: bad argument #1 to 'counters.read' (Counter expected, got FILE*)")
    }

    @Test func unknownAndReadOnlyFieldsAreErrors() throws {
        let lua = try state(with: Counter(label: "a"))
        let unknown = #expect(throws: LuaError.self) { try lua.execute("return counter.nope", name: "=u") }
        #expect(unknown?.message == "u:1: Counter has no field 'nope'")
        let readOnly = #expect(throws: LuaError.self) { try lua.execute("counter.label = 'x'", name: "=u") }
        #expect(readOnly?.message == "u:1: cannot set field 'label' of Counter")
    }

    @Test func metatablesAreHiddenFromScripts() throws {
        let lua = try state(with: Counter(label: "a"))
        #expect(try lua.execute("return getmetatable(counter)") == [false])
    }

    @Test func objectsAreReleasedWhenCollectedOrClosed() throws {
        weak var collected: Counter?
        weak var kept: Counter?
        let lua = try state(with: Counter(label: "a"))
        do {
            let first = Counter(label: "temporary")
            let second = Counter(label: "kept")
            collected = first
            kept = second
            lua.stack.push(userdata: first, as: Self.counterType)
            lua.stack.pop()
            lua.stack.push(userdata: second, as: Self.counterType)
            lua_setglobal(lua.pointer, "kept")
        }
        try lua.execute("collectgarbage() collectgarbage()")
        #expect(collected == nil)
        #expect(kept != nil)
        lua.close()
        #expect(kept == nil)
    }

    @Test func typesCreatedByOneStateDoNotMatchAnother() throws {
        let otherType = LuaUserdataType<Counter>("Counter", "Same name, different type.")
        let lua = try state(with: Counter(label: "a"))
        lua.register(HostModule("other", "Reads the other type.") {
            HostFunction("read", "Reads.") { call in call.returning(try call.userdata(1, as: otherType).value) }
        })
        let error = #expect(throws: LuaError.self) { try lua.execute("return other.read(counter)", name: "=u") }
        #expect(error?.message == "u:1: bad argument #1 to 'other.read' (Counter expected, got Counter)")
    }
}
