import Foundation
import CLua
import Domain
import LuaBridge

/// A table of options passed to a host function (`dossiers.query{status = "processing"}`), read
/// field by field with errors that name the argument, the function and the field:
/// `bad argument #1 to 'dossiers.query' (field 'status': unknown status 'procesing')`.
///
/// Unknown fields are refused, so a misspelt option fails loudly instead of being ignored.
struct OptionsTable {
    private let call: LuaCall
    private let position: Int32
    private let view: LuaTableView?

    /// The options at argument `position`: a table, or absent/nil for none. Fields outside
    /// `allowed` are refused.
    init(_ call: LuaCall, _ position: Int32, allowed: Set<String>) throws(LuaArgumentError) {
        self.call = call
        self.position = position
        if call.stack.type(at: position) == .nil || call.stack.type(at: position) == .none {
            view = nil
            return
        }
        let view = try call.tableView(position)
        try view.rejectUnknownFields(allowed: allowed)
        self.view = view
    }

    /// An error about one field.
    func error(_ field: String, _ reason: String) -> LuaArgumentError {
        call.argumentError(position, "field '\(field)': \(reason)")
    }

    /// The field as `T`, or nil when absent.
    func value<T: FromLua>(_ field: String, as type: T.Type = T.self) throws(LuaArgumentError) -> T? {
        guard let view else { return nil }
        return try view.field(field, as: T?.self)
    }

    func string(_ field: String) throws(LuaArgumentError) -> String? { try value(field) }
    func boolean(_ field: String) throws(LuaArgumentError) -> Bool? { try value(field) }
    func integer(_ field: String) throws(LuaArgumentError) -> Int? { try value(field) }

    /// A string or an array of strings, as a set (`status = "processing"` or
    /// `status = {"processing", "received"}`).
    func strings(_ field: String) throws(LuaArgumentError) -> [String]? {
        guard let view else { return nil }
        if let one = try? view.field(field, as: String?.self) { return [one] }
        do {
            return try view.field(field, as: [String]?.self)
        } catch {
            throw self.error(field, "a string or an array of strings expected")
        }
    }

    /// A time (integer seconds or date text), or nil when absent.
    func time(_ field: String, in time: CentreTime) throws(LuaArgumentError) -> Date? {
        guard let argument = try value(field, as: TimeArgument.self) else { return nil }
        do {
            return try argument.instant(in: time)
        } catch {
            throw self.error(field, error.description)
        }
    }

    /// A date (the day of a time in the centre's zone), or nil when absent.
    func date(_ field: String, in time: CentreTime) throws(LuaArgumentError) -> LocalDate? {
        try self.time(field, in: time).map(time.localDate)
    }

    /// A userdata of `type` (a `Period`, say), or nil when absent.
    func userdata<Object>(_ field: String, as type: LuaUserdataType<Object>) throws(LuaArgumentError) -> Object? {
        guard view != nil else { return nil }
        let stack = call.stack
        stack.reserve(2)
        field.push(onto: stack)
        lua_rawget(stack.state, position)
        defer { stack.pop() }
        if stack.type(at: -1) == .nil { return nil }
        do {
            return try type.object(at: stack.top, in: call)
        } catch {
            throw self.error(field, "\(type.name) expected, got \(stack.typeDescription(at: -1))")
        }
    }

    /// One of the raw values of `E`, or nil when absent.
    func choice<E: RawRepresentable & CaseIterable>(_ field: String, as type: E.Type) throws(LuaArgumentError) -> E?
    where E.RawValue == String {
        guard let text = try string(field) else { return nil }
        guard let value = E(rawValue: text) else {
            throw error(field, "'\(text)' is not one of " + E.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", "))
        }
        return value
    }
}
