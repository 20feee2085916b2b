import CLua
import CLuaShim
import Domain
import Formats
import LuaBridge
import Store

/// Pulls a connector's records one at a time: for each source, its `read(source, options)`
/// gives an iterator function (called until it returns nil) or an array of records.
///
/// Each record is read straight off the Lua stack by a host function a small Lua step calls,
/// never copied into a Swift table first, and one call of the step reads up to
/// ``ConnectorReader/chunk`` records: reading a million rows is then bounded by the connector's
/// own work. A `read` that returns `csv.records(path)` (``CSVRecords``) costs no Lua at all per
/// record: the host reads each row of the file straight into a record.
final class ConnectorReader {
    /// What the connector yields (`M.records`).
    let records: ConnectorRecords
    private let session: PluginSession
    /// `(source, options) -> step`: starts a source; each call of `step` hands its next records
    /// (up to ``chunk``) to the accept function and says whether the source has more. A source
    /// whose `read` returned a ``CSVRecords`` is adopted by the host, and has no step (false).
    private let open: LuaReference
    private var sources: [String?]
    private let options: LuaTable
    private var step: LuaReference?
    /// What the accept function read of the records of the last step, and how far `next` is.
    private let pending = Pending()
    private var position = 0

    private final class Pending {
        var items: [ConnectorItem] = []
        /// The file the current source's `read` returned, read by the host.
        var file: CSVRecords?
    }
    private let decoder: RecordDecoder

    /// Records read per call of the step.
    static let chunk = 256

    private static let stepSource = """
        local read, accept, adopt = ...
        return function(source, options)
          local first, state, control = read(source, options)
          if first == nil then return function() return false end end
          if adopt(first) then return false end
          if type(first) == "table" then
            local i = 0
            return function()
              for _ = 1, \(chunk) do
                i = i + 1
                local record = first[i]
                if record == nil then return false end
                accept(record)
              end
              return true
            end
          end
          if type(first) ~= "function" then
            error("read must return an iterator function or an array of records, not a " .. type(first), 0)
          end
          return function()
            for _ = 1, \(chunk) do
              local record = first(state, control)
              if record == nil then return false end
              control = record
              accept(record)
            end
            return true
          end
        end
        """

    init(session: PluginSession, sources: [String], options: LuaTable, deadlines: DeadlineCalculator) throws {
        self.session = session
        self.sources = sources.isEmpty ? [nil] : sources.map(Optional.some)
        self.options = options
        let name = session.plugin.manifest.name
        switch session.exports["records"] {
        case .nil: records = .dossiers
        case .string(let s) where ConnectorRecords(rawValue: s.description) != nil:
            records = ConnectorRecords(rawValue: s.description)!
        case let other:
            throw PluginError.lua(plugin: name, LuaError(.runtime, "\(session.plugin.manifest.entry): records must be "
                                                             + "\"dossiers\" or \"feedback\", not \(other)"))
        }
        let read = try session.function("read")
        let state = session.sandbox.state
        let decoder = RecordDecoder(records: records, deadlines: deadlines, state: state)
        self.decoder = decoder
        let pending = self.pending
        state.stack.pushFunction(name: "accept") { call in
            pending.items.append(decoder.item(call))
            return 0
        }
        state.stack.pushFunction(name: "adopt") { call in
            pending.file = try? CSVRecords.type.object(at: 1, in: call)
            call.push(pending.file != nil)
            return 1
        }
        do {
            let adopt = try state.stack.read(LuaValue.self, at: -1)
            state.stack.pop()
            let accept = try state.stack.read(LuaValue.self, at: -1)
            state.stack.pop()
            let helper = try state.load(Self.stepSource, name: "=hostrun import")
            guard case .function(let open)? = try state.call(helper, [.function(read), accept, adopt]).first else {
                throw LuaError(.runtime, "the import's step did not load")
            }
            self.open = open
        } catch {
            throw PluginError.lua(plugin: name, error as? LuaError ?? LuaError(.conversion, "\(error)"))
        }
    }

    /// The next record, checked, or rejection; nil when every source is read.
    func next() throws -> ConnectorItem? {
        while true {
            if position < pending.items.count {
                defer { position += 1 }
                return pending.items[position]
            }
            pending.items.removeAll(keepingCapacity: true)
            position = 0
            if let file = pending.file {
                if let item = try record(from: file) { return item }
                pending.file = nil
                continue
            }
            if let step {
                if try call(step, []).first != .boolean(true) { self.step = nil }
                continue
            }
            guard !sources.isEmpty else {
                session.sandbox.output.flush()
                return nil
            }
            let source = sources.removeFirst()
            switch try call(open, [source.map { .string(LuaString($0)) } ?? .nil, .table(options)]).first {
            case .function(let started)?: step = started
            case .boolean(false)? where pending.file != nil: continue
            default: return nil
            }
        }
    }

    /// The next row of a file the host reads for the connector, as a record; nil at its end.
    private func record(from file: CSVRecords) throws -> ConnectorItem? {
        let row: CSVRow?
        do {
            row = try file.reader.nextRow()
        } catch {
            throw PluginError.lua(plugin: session.plugin.manifest.name, LuaError(.runtime, "csv.records: \(error)"))
        }
        guard let row else { return nil }
        return decoder.item(row, of: file)
    }

    private func call(_ function: LuaReference, _ arguments: [LuaValue]) throws -> [LuaValue] {
        do {
            return try session.sandbox.state.call(function, arguments)
        } catch {
            throw PluginError.lua(plugin: session.plugin.manifest.name, error)
        }
    }
}

/// Reads the record table at argument 1 of the accept function into a checked record or a
/// rejection.
private final class RecordDecoder {
    private let records: ConnectorRecords
    private let deadlines: DeadlineCalculator
    private let names: [String]
    /// Field positions by the address of the field name's Lua string. Lua keeps one copy of
    /// each short string, so a record's keys are found without hashing their text; the names
    /// are kept alive by a table in the registry.
    private let positions: [UnsafeRawPointer: Int]
    private let originPosition: Int
    private var yielded = 0

    init(records: ConnectorRecords, deadlines: DeadlineCalculator, state: LuaState) {
        self.records = records
        self.deadlines = deadlines
        names = records.fields
        let L = state.pointer
        state.stack.reserve(4)
        lua_createtable(L, Int32(names.count), 0)
        var positions: [UnsafeRawPointer: Int] = [:]
        for (position, name) in names.enumerated() {
            lua_pushstring(L, name)
            positions[lua_topointer(L, -1)!] = position
            lua_rawseti(L, -2, lua_Integer(position + 1))
        }
        _ = luaL_ref(L, hr_registryindex())
        self.positions = positions
        originPosition = names.firstIndex(of: "origin")!
    }

    func item(_ call: LuaCall) -> ConnectorItem {
        yielded += 1
        var record = RecordFields(names: names, origin: "record \(yielded)", time: deadlines.rules.time)
        if let problem = read(call, into: &record) { return .rejected(problem) }
        return checked(&record)
    }

    /// A row of a file read for the connector: the record `{column = value, ...}` with `origin =
    /// "file:row N"`, as the Lua path would have it from a table of the row.
    func item(_ row: CSVRow, of file: CSVRecords) -> ConnectorItem {
        yielded += 1
        var record = RecordFields(names: names, origin: file.source + ":row \(row.number)", time: deadlines.rules.time)
        let fields = self.fields(of: file)
        for (index, value) in row.fields.enumerated() where index < fields.count {
            switch fields[index] {
            case .field(let position): record.values[position] = .text(value)
            case .ignored: continue
            case .unknown(let name): return .rejected(record.reject(name, "unknown field (not a column of the canonical model)"))
            }
        }
        return checked(&record)
    }

    /// What each column of a file is among the record's fields.
    private enum Column {
        case field(Int)
        /// A column without a name, or one named `origin`: the origin is always the file's row.
        case ignored
        case unknown(String)
    }

    /// The columns of the file whose rows are being read, worked out at its first row.
    private var columns: (file: ObjectIdentifier, columns: [Column])?

    private func fields(of file: CSVRecords) -> [Column] {
        if let columns, columns.file == ObjectIdentifier(file) { return columns.columns }
        let mapped = (file.reader.header?.names ?? []).map { name -> Column in
            if name.isEmpty { return .ignored }
            guard let position = names.firstIndex(of: name) else { return .unknown(name) }
            return position == originPosition ? .ignored : .field(position)
        }
        columns = (ObjectIdentifier(file), mapped)
        return mapped
    }

    /// The checked record or feedback item of `record`, or the rejection saying why not.
    private func checked(_ record: inout RecordFields) -> ConnectorItem {
        do throws(ConnectorRejection) {
            switch records {
            case .dossiers: return .record(try CanonicalRecord.dossier(&record, deadlines: deadlines))
            case .feedback: return .feedback(try CanonicalRecord.feedback(&record))
            }
        } catch {
            return .rejected(error)
        }
    }

    /// Fills `record` from the table; a rejection when it is not a table of known fields.
    private func read(_ call: LuaCall, into record: inout RecordFields) -> ConnectorRejection? {
        let L = call.stack.state
        guard lua_type(L, 1) == LUA_TTABLE else {
            return record.reject(nil, "a connector must yield tables, got \(call.stack.typeDescription(at: 1))")
        }
        call.stack.reserve(4)
        var problem: ConnectorRejection?
        lua_pushnil(L)
        while lua_next(L, 1) != 0 {
            defer { lua_settop(L, -2) }
            guard lua_type(L, -2) == LUA_TSTRING, let position = positions[lua_topointer(L, -2)!] else {
                let key = call.stack.withBytes(at: -2) { String(decoding: $0, as: UTF8.self) }
                    ?? "[\(call.stack.typeDescription(at: -2)) key]"
                problem = problem ?? record.reject(key, "unknown field (not a column of the canonical model)")
                continue
            }
            let name = names[position]
            let value: FieldValue?
            switch lua_type(L, -1) {
            case LUA_TSTRING:
                value = call.stack.withBytes(at: -1) { bytes in
                    NormalizedText.string(fromUTF8: bytes.assumingMemoryBound(to: UInt8.self)).map(FieldValue.text)
                        ?? FieldValue.invalidText
                }
            case LUA_TBOOLEAN: value = .boolean(lua_toboolean(L, -1) != 0)
            case LUA_TNUMBER:
                value = lua_isinteger(L, -1) != 0 ? .integer(lua_tointegerx(L, -1, nil)) : .number(lua_tonumberx(L, -1, nil))
            case LUA_TTABLE:
                guard let table = try? call.stack.read(LuaTable.self, at: -1) else {
                    problem = problem ?? record.reject(name, "a table that cannot be read (cycles, functions inside)")
                    continue
                }
                value = .table(table)
            default:
                problem = problem ?? record.reject(name, "a \(call.stack.typeDescription(at: -1)) is not a value")
                continue
            }
            if position == originPosition, case .text(let origin)? = value {
                record.origin = origin
            } else {
                record.values[position] = value
            }
        }
        return problem
    }
}
