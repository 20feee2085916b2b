import LuaBridge
import Scheduling

/// The scheduler's configuration file (`hostrun schedule --config schedule.lua`): Lua returning
/// a table, evaluated like a plugin manifest in an empty sandbox with tiny limits (it may
/// compute values and hold comments, but reaches nothing), then decoded and validated by
/// ``Scheduling/ScheduleConfig``.
public enum ScheduleConfigFile {
    /// Reads and checks the file at `path`.
    ///
    /// - Throws: ``PluginManifestError`` when the Lua does not run or return a table;
    ///   ``Scheduling/ConfigError`` naming the entry and field otherwise.
    public static func read(_ path: String) throws -> ScheduleConfig {
        let table = try LuaDataFile.evaluate(path, display: path)
        return try ScheduleConfig.decode(try ConfigValue(lua: .table(table), source: path, path: ""), source: path)
    }
}

extension ConfigValue {
    /// A plain Lua value as configuration: a table with keys 1…n is a list, any other a table
    /// with string keys.
    init(lua value: LuaValue, source: String, path: String) throws(ConfigError) {
        func fail(_ message: String) -> ConfigError { ConfigError(source: source, path: path, message: message) }
        switch value {
        case .boolean(let b): self = .boolean(b)
        case .integer(let i):
            guard let int = Int(exactly: i) else { throw fail("\(i) is too large") }
            self = .integer(int)
        case .number(let d): self = .number(d)
        case .string(let s):
            guard let text = s.utf8 else { throw fail("is not valid UTF-8") }
            self = .string(text)
        case .table(let table):
            if table.fields.isEmpty {
                var items: [ConfigValue] = []
                for (offset, element) in table.sequence.enumerated() {
                    items.append(try ConfigValue(lua: element, source: source, path: "\(path)[\(offset + 1)]"))
                }
                self = .list(items)
                return
            }
            guard table.sequence.isEmpty else { throw fail("mixes a list with named fields") }
            var fields: [String: ConfigValue] = [:]
            for (key, element) in table.fields {
                guard case .string(let name) = key, let text = name.utf8 else {
                    throw fail("key \(key.pathComponent) is not a name")
                }
                fields[text] = try ConfigValue(lua: element, source: source, path: path.isEmpty ? text : path + "." + text)
            }
            self = .table(fields)
        default:
            throw fail("a \(value.type.name) cannot be configuration (strings, numbers, booleans and tables of them)")
        }
    }
}
