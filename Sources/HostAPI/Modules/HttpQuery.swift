import Foundation
import LuaBridge

/// A query string from a table: names sorted, names and values percent-encoded (RFC 3986's
/// unreserved characters left as they are).
enum HttpQuery {
    static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    static func encode(_ query: [String: LuaValue], _ options: OptionsTable) throws(LuaArgumentError) -> String {
        var parts: [String] = []
        for name in query.keys.sorted() {
            let value: String
            switch query[name]! {
            case .string(let text):
                guard let utf8 = text.utf8 else { throw options.error("query", "the value of '\(name)' is not UTF-8 text") }
                value = utf8
            case .integer(let number): value = String(number)
            case .number(let number): value = number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)
            case .boolean(let flag): value = String(flag)
            default:
                throw options.error("query", "the value of '\(name)' must be a string, number or boolean")
            }
            parts.append(escape(name) + "=" + escape(value))
        }
        return parts.joined(separator: "&")
    }

    static func escape(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }
}
