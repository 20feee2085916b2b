import LuaBridge

/// A type scripts meet that is not a module: a userdata (`Dossier`, `Period`), the shape of a
/// table a function returns (`Figures`), or of an options table it takes (`QueryOptions`).
/// Rendered as a `---@class` in the LuaLS meta file and a section of `docs/api/types.md`.
public struct DocumentedClass: Sendable {
    /// A method (`d:classify(period)`).
    public struct Method: Sendable {
        public var name: String
        public var summary: String
        public var parameters: [HostParameter]
        public var returns: [HostReturn]

        public init(_ name: String, _ summary: String, parameters: [HostParameter] = [], returns: [HostReturn] = []) {
            self.name = name
            self.summary = summary
            self.parameters = parameters
            self.returns = returns
        }
    }

    public var name: String
    public var summary: String
    /// Fields, each with its LuaLS type (`string?` for one that may be nil).
    public var fields: [HostParameter]
    public var methods: [Method]

    public init(_ name: String, _ summary: String, fields: [HostParameter] = [], methods: [Method] = []) {
        self.name = name
        self.summary = summary
        self.fields = fields
        self.methods = methods
    }

    /// The documentation of a userdata type, from its own records.
    public init<Object>(userdata type: LuaUserdataType<Object>) {
        self.init(type.name, type.summary,
                  fields: type.properties.map { HostParameter($0.name, $0.type, $0.summary) },
                  methods: type.methods.map { Method($0.name, $0.summary, parameters: $0.parameters, returns: $0.returns) })
    }
}
