import CLua
import CLuaShim

/// A ``LuaUserdataType`` without its object type: what moving a host object between two
/// states needs.
protocol ErasedUserdataType: AnyObject {
    var key: UnsafeRawPointer { get }
    func install(in stack: LuaStack)
}

extension LuaUserdataType: ErasedUserdataType {}

extension LuaStack {
    /// Pushes the host object of the userdata at `index` of `source` (another state, used by the
    /// same thread) as a userdata of the same type here: both states then hold the one Swift
    /// object. The test harness passes a `Period` from a spec to the plugin it tests this way.
    ///
    /// - Returns: false, pushing nothing, when the value is not a live host userdata.
    public func pushShared(userdataAt index: Int32, of source: LuaStack) -> Bool {
        let owner = LuaState.owner(of: source)
        for case let type as any ErasedUserdataType in owner.userdataTypes.values {
            var closed: Int32 = 0
            guard let object = hr_check_host_userdata(source.state, index, type.key, &closed) else { continue }
            type.install(in: self)
            reserve(2)
            let block = hr_new_host_userdata(state, type.key)!
            _ = Unmanaged<AnyObject>.fromOpaque(object).retain()
            block.pointee = object
            return true
        }
        return false
    }
}
