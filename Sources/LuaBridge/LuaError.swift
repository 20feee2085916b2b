import CLua

/// An error from Lua or from the bridge, with where it happened in the script.
///
/// The ``Kind`` names the Lua status code (`LUA_ERRRUN`, `LUA_ERRSYNTAX`, ...) or the host-side
/// reason. Limit breaches have their own kinds so a caller can tell "the script is wrong" from
/// "the script used too much".
///
/// ## Topics
/// ### Inspecting
/// - ``kind``
/// - ``message``
/// - ``location``
/// - ``traceback``
public struct LuaError: Error, Equatable, CustomStringConvertible, Sendable {
    /// Why the error happened.
    public enum Kind: String, Sendable, CaseIterable {
        /// A runtime error, aka `LUA_ERRRUN`: `error(...)`, a bad argument, indexing nil, ...
        case runtime
        /// A syntax error while compiling a chunk, aka `LUA_ERRSYNTAX`.
        case syntax
        /// The memory limit was reached, aka `LUA_ERRMEM`.
        case memory
        /// The message handler itself failed, aka `LUA_ERRERR`.
        case errorHandler
        /// The instruction limit was reached (host kill).
        case instructions
        /// The CPU-time limit was reached (host kill).
        case cpuTime
        /// The wall-clock deadline passed (host kill).
        case time
        /// The output limit of `print`/`warn` was reached (host kill).
        case output
        /// A value could not be converted between Lua and Swift (host side).
        case conversion
        /// A script file could not be read (host side).
        case io
    }

    /// A position in a script.
    public struct Location: Equatable, Sendable, CustomStringConvertible {
        /// The chunk's short name, e.g. `report.lua`.
        public var source: String
        /// The 1-based line.
        public var line: Int

        public init(source: String, line: Int) {
            self.source = source
            self.line = line
        }

        public var description: String { "\(source):\(line)" }
    }

    public var kind: Kind
    /// The message as Lua reports it, usually prefixed by `file:line:`.
    public var message: String
    /// Where the error happened in script code, when known.
    public var location: Location?
    /// Traceback lines (`file:line: in function 'name'`), host frames removed.
    public var traceback: [String]

    public init(_ kind: Kind, _ message: String, location: Location? = nil, traceback: [String] = []) {
        self.kind = kind
        self.message = message
        self.location = location
        self.traceback = traceback
    }

    /// Whether this error is a limit breach (memory, instructions, CPU time, time, output).
    public var isLimitBreach: Bool {
        switch kind {
        case .memory, .instructions, .cpuTime, .time, .output: true
        default: false
        }
    }

    /// The message followed by the traceback, the way `lua5.4` prints an error.
    public var description: String {
        traceback.isEmpty ? message : message + "\nstack traceback:\n\t" + traceback.joined(separator: "\n\t")
    }
}

extension LuaError.Kind {
    init(status: Int32) {
        switch status {
        case LUA_ERRSYNTAX: self = .syntax
        case LUA_ERRMEM: self = .memory
        case LUA_ERRERR: self = .errorHandler
        default: self = .runtime
        }
    }
}
