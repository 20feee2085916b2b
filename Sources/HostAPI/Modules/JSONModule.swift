import CLua
import LuaBridge

/// `json`: JSON text to Lua values and back.
struct JSONModule {
    static let guide = """
        `json.decode` turns objects into tables with string keys, arrays into sequences, and \
        `null` into the sentinel `json.null` (so a key whose value is null is still there: \
        `if v == json.null then`). Numbers written without a fraction are integers. \
        `json.encode` writes a table with keys 1..n as an array and any other as an object with \
        its keys sorted, so the output is the same on every run; an empty table is `[]`. \
        Errors say where: `json.decode: line 3, column 5: expected ',' or '}' in an object`, \
        `json.encode: at items[2].due: cannot encode a function`.
        """

    var module: HostModule {
        HostModule("json", "JSON text to Lua values and back, with null as json.null.", since: "0.1",
                   constants: [("null", .lightUserdata(nil), "the value JSON's null decodes to, and encodes from")]) {
            HostFunction("decode", "Parses JSON text.",
                         parameters: [.init("text", .string, "UTF-8 JSON text")],
                         returns: [.init(.any, "the value: table, string, number, boolean or json.null")], since: "0.1") { call in
                _ = try call.string(1)
                do throws(JSONDecoding.Failure) {
                    try JSONDecoding.decode(stringAt: 1, on: call.stack)
                } catch {
                    throw LuaRuntimeMessage("json.decode: \(error)")
                }
                return 1
            }
            HostFunction("encode", "Writes a value as JSON text.",
                         parameters: [.init("value", .any, "a table, string, number, boolean, nil or json.null"),
                                      .init("opts", "JSONEncodeOptions?", "{indent = true or a number of spaces}")],
                         returns: [.init(.string, "the JSON text")], since: "0.1") { call in
                let options = try OptionsTable(call, 2, allowed: ["indent"])
                var indent: Int?
                if call.stack.type(at: 2) == .table {
                    if let flag = try? options.boolean("indent") {
                        indent = flag == true ? 2 : nil
                    } else if let spaces = try options.integer("indent") {
                        guard (0...8).contains(spaces) else { throw options.error("indent", "must be between 0 and 8") }
                        indent = spaces
                    }
                }
                if call.argumentCount < 1 { throw call.argumentError(1, "value expected") }
                do {
                    return call.returning(LuaString(bytes: try JSONEncoding.encode(call.stack, at: 1, indent: indent)))
                } catch {
                    throw LuaRuntimeMessage("json.encode: \(error)")
                }
            }
        }
    }

    static let classes = [
        DocumentedClass("JSONEncodeOptions", "Options of `json.encode`.", fields: [
            .init("indent", "boolean|integer?", "pretty-print with 2 spaces (true) or this many"),
        ]),
    ]
}
