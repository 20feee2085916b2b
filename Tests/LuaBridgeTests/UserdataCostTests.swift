import LuaBridge
import Synchronization
import Testing

@Suite("A userdata type's cost paces the collector to the host memory it holds")
struct UserdataCostTests {
    /// Counts its live instances; stands for a Swift object holding a lot of memory.
    final class Heavy: Sendable {
        static let live = Mutex(0)
        static let mostLive = Mutex(0)
        init() {
            let now = Self.live.withLock { $0 += 1; return $0 }
            Self.mostLive.withLock { $0 = max($0, now) }
        }
        deinit { Self.live.withLock { $0 -= 1 } }
    }

    /// Each object said to hold 1 MiB the collector cannot see.
    static let heavyType = LuaUserdataType<Heavy>("Heavy", "A heavy host object.", cost: { _ in 1 << 20 })

    @Test func objectsAreCollectedAtThePaceOfTheirCost() throws {
        let lua = try LuaState()
        lua.openStandardLibraries()
        lua.register(HostModule("heavy", "Makes heavy objects.") {
            HostFunction("new", "A new heavy object.", returns: [.init("Heavy")]) { call in
                call.push(userdata: Heavy(), as: Self.heavyType)
                return 1
            }
        })
        // 2 000 objects of 1 MiB each, dropped at once: 2 GiB if nothing were collected on
        // the way. Lua itself sees a few dozen bytes per object, far too little to start a
        // collection cycle without the cost.
        try lua.execute("for i = 1, 2000 do local h = heavy.new() end")
        #expect(Heavy.mostLive.withLock { $0 } < 200)
    }
}
