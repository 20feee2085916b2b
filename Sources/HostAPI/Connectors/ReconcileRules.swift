import Domain
import LuaBridge
import Store

/// What `hostrun reconcile` expects of the sources, as data: a Lua file returning a table, read
/// like a plugin's manifest (an empty sandbox, tiny limits, errors naming the field).
///
/// ```lua
/// return {
///   expectations = {
///     { name = "Household-business dossiers reach the centre",
///       source = "dkkd", expected_in = "motcua",
///       fields = { "Thành lập và hoạt động của hộ kinh doanh" },   -- optional
///       procedure_codes = { "2.000575" },                           -- optional
///       received_from = "01/07/2025" },                             -- optional
///   },
///   compare = { "procedure_code", "channel", "received_at", "status" },  -- default: all
/// }
/// ```
public struct ReconcileRules: Sendable, Equatable {
    /// Which source's dossiers another source must hold too.
    public var expectations: [Expectation]
    /// The fields sources must agree on for the same code.
    public var compared: [ComparedField]

    public init(expectations: [Expectation] = [], compared: [ComparedField] = ComparedField.allCases) {
        self.expectations = expectations
        self.compared = compared
    }

    /// Reads a rules file; `display` names it in errors.
    public init(file path: String, display: String) throws(PluginManifestError) {
        let top = DataTableReader(file: display, table: try LuaDataFile.evaluate(path, display: display), path: "")
        try top.onlyFields(["expectations", "compare"])
        self.init()
        if let list = try top.table("expectations") {
            let reader = top.child("expectations", list)
            if !list.fields.isEmpty { throw reader.error(nil, "expected an array of expectations") }
            expectations = try list.sequence.enumerated().map { (offset, entry) throws(PluginManifestError) in
                let key = "[\(offset + 1)]"
                guard case .table(let table) = entry else { throw reader.error(key, "expected a table, got \(entry.type.name)") }
                return try Self.expectation(DataTableReader(file: display, table: table, path: "expectations" + key))
            }
        }
        if top.table["compare"] != .nil {
            compared = try top.strings("compare") { name in
                ComparedField(rawValue: name) == nil
                    ? "'\(name)' is not one of " + ComparedField.allCases.map(\.rawValue).joined(separator: ", ") : nil
            }.map { ComparedField(rawValue: $0)! }
        }
    }

    private static func expectation(_ reader: DataTableReader) throws(PluginManifestError) -> Expectation {
        try reader.onlyFields(["name", "source", "expected_in", "fields", "procedure_codes", "received_from"])
        var from: LocalDate?
        if let text = try reader.string("received_from", required: false) {
            do { from = try LocalDate(parsing: text) } catch { throw reader.error("received_from", error.description) }
        }
        return Expectation(name: try reader.string("name", required: true)!,
                           source: try reader.string("source", required: true)!,
                           expectedIn: try reader.string("expected_in", required: true)!,
                           fields: try reader.strings("fields") { _ in nil }.map(VietnameseText.nfc),
                           procedureCodes: try reader.strings("procedure_codes") { _ in nil },
                           receivedFrom: from)
    }
}
