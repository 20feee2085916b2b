import CLua
import CLuaShim

extension LuaState {
    /// Compiles a text chunk without running it. Binary chunks are always refused.
    ///
    /// - Parameter name: the chunk name as Lua expects it: `@file.lua` for a file (messages show
    ///   `file.lua:3:`), `=name` for a literal name.
    public func load(_ source: some Collection<UInt8>, name: String) throws(LuaError) -> LuaReference {
        try ensureRunnable()
        let status = source.withContiguousStorageIfAvailable { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                hr_loadbuffer(pointer, chars.baseAddress, chars.count, name, "t")
            }
        } ?? Array(source).withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                hr_loadbuffer(pointer, chars.baseAddress, chars.count, name, "t")
            }
        }
        if status != LUA_OK {
            let error = errorFromStack(status: status, recorded: false)
            stack.pop()
            throw error
        }
        defer { stack.pop() }
        return LuaReference(stack: stack, at: -1, state: self)
    }

    /// Compiles a text chunk without running it.
    public func load(_ source: String, name: String) throws(LuaError) -> LuaReference {
        try load(Array(source.utf8), name: name)
    }

    /// Compiles and runs a chunk, returning its results.
    @discardableResult
    public func execute(_ source: String, name: String = "=(string)") throws(LuaError) -> [LuaValue] {
        try call(try load(source, name: name))
    }

    /// Calls a function with arguments in protected mode, limits enforced.
    @discardableResult
    public func call(_ function: LuaReference, _ arguments: [LuaValue] = []) throws(LuaError) -> [LuaValue] {
        try ensureRunnable()
        let base = stack.top
        stack.reserve(Int32(arguments.count) + 2)
        function.push(onto: stack)
        for argument in arguments { argument.push(onto: stack) }
        let count = try protectedCall(arguments: Int32(arguments.count), base: base)
        defer { lua_settop(pointer, base) }
        var results: [LuaValue] = []
        results.reserveCapacity(Int(count))
        for index in 0..<count {
            do throws(LuaConversionError) {
                results.append(try LuaValue.read(from: stack, at: base + 1 + index))
            } catch {
                throw LuaError(.conversion, "result #\(index + 1): \(error)")
            }
        }
        return results
    }

    /// Calls a function in protected mode, limits enforced, and drops its results.
    public func run(_ function: LuaReference, _ arguments: [LuaValue] = []) throws(LuaError) {
        try ensureRunnable()
        let base = stack.top
        stack.reserve(Int32(arguments.count) + 2)
        function.push(onto: stack)
        for argument in arguments { argument.push(onto: stack) }
        _ = try protectedCall(arguments: Int32(arguments.count), base: base)
        lua_settop(pointer, base)
    }

    /// Calls the global function `name`.
    @discardableResult
    public func call(global name: String, _ arguments: [LuaValue] = []) throws(LuaError) -> [LuaValue] {
        guard case .function(let function) = try global(name) else {
            throw LuaError(.runtime, "attempt to call a nil value (global '\(name)')")
        }
        return try call(function, arguments)
    }

    /// Sets a global variable (raw, in the state's global table).
    public func setGlobal(_ name: String, _ value: some IntoLua) {
        stack.reserve(3)
        hr_pushglobaltable(pointer)
        name.push(onto: stack)
        value.push(onto: stack)
        lua_rawset(pointer, -3)
        stack.pop()
    }

    /// Reads a global variable (raw, in the state's global table).
    public func global(_ name: String) throws(LuaError) -> LuaValue {
        stack.reserve(3)
        hr_pushglobaltable(pointer)
        name.push(onto: stack)
        lua_rawget(pointer, -2)
        defer { stack.pop(2) }
        do throws(LuaConversionError) {
            return try LuaValue.read(from: stack, at: -1)
        } catch {
            throw LuaError(.conversion, "global '\(name)': \(error)")
        }
    }

    // MARK: Protected calls and errors

    func ensureRunnable() throws(LuaError) {
        precondition(!isClosed, "LuaState used after close()")
        if let kind = killedBy { throw limitError(kind) }
    }

    /// Calls the function below `arguments` values; returns how many results sit above `base`.
    func protectedCall(arguments: Int32, base: Int32) throws(LuaError) -> Int32 {
        let status = hr_host_pcall(pointer, arguments, LUA_MULTRET)
        if let kind = killedBy {
            lua_settop(pointer, base)
            throw limitError(kind)
        }
        if status != LUA_OK {
            let error = errorFromStack(status: status)
            lua_settop(pointer, base)
            throw error
        }
        return lua_gettop(pointer) - base
    }

    /// The error of a failed call or load, from the message on top of the stack.
    func errorFromStack(status: Int32, recorded: Bool = true) -> LuaError {
        let message: String
        if let text = stack.withBytes(at: -1, { String(decoding: $0, as: UTF8.self) }) {
            message = text
        } else {
            message = "(error object is a \(stack.typeDescription(at: -1)) value)"
        }
        var error = LuaError(LuaError.Kind(status: status), message)
        error.location = (recorded ? recordedLocation() : nil) ?? Self.location(in: message)
        error.traceback = recorded ? recordedTraceback() : []
        return error
    }

    func limitError(_ kind: LuaError.Kind) -> LuaError {
        let what: String
        switch kind {
        case .memory: what = "memory limit exceeded" + (memoryLimit.map { " (\(ByteCount.format($0)))" } ?? "")
        case .instructions: what = "instruction limit exceeded" + (instructionLimit.map { " (\($0) instructions)" } ?? "")
        case .time: what = "time limit exceeded"
        case .cpuTime: what = "CPU time limit exceeded"
        case .output:
            let limit = Int(hr_output_limit(pointer))
            what = "output limit exceeded" + (limit > 0 ? " (\(ByteCount.format(limit)))" : "")
        default: what = "killed"
        }
        let location = recordedLocation()
        let message = location.map { "\($0): \(what)" } ?? what
        return LuaError(kind, message, location: location, traceback: recordedTraceback())
    }

    private func recordedLocation() -> LuaError.Location? {
        let line = hr_error_line(pointer)
        guard line > 0, let source = hr_error_source(pointer) else { return nil }
        return LuaError.Location(source: String(cString: source), line: Int(line))
    }

    private func recordedTraceback() -> [String] {
        guard let text = hr_error_traceback(pointer) else { return [] }
        return String(cString: text).split(separator: "\n").dropFirst().map {
            String($0.drop(while: { $0 == "\t" }))
        }
    }

    /// The `source:line:` prefix Lua puts on messages, if any.
    static func location(in message: String) -> LuaError.Location? {
        var rest = Substring(message)
        while let colon = rest.firstIndex(of: ":") {
            let afterColon = rest[rest.index(after: colon)...]
            let digits = afterColon.prefix(while: { $0.isASCII && $0.isNumber })
            if !digits.isEmpty, afterColon.dropFirst(digits.count).first == ":", let line = Int(digits) {
                return LuaError.Location(source: String(message[..<colon]), line: line)
            }
            rest = afterColon
        }
        return nil
    }
}
