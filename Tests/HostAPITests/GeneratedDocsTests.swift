import Foundation
import HostAPI
import Testing

/// The generated reference, annotations and luacheck standard must match the registry, and the
/// registry must not change by accident.
@Suite struct GeneratedDocsTests {
    /// The repository's root, from this file's path.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    static let snapshot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots/globals.txt")

    @Test func generatedFilesAreUpToDate() {
        let stale = GeneratedDocs.repository().stale(under: Self.root)
        #expect(stale.isEmpty, "stale generated files (run `hostrun docs`): \(stale)")
    }

    /// Every module function, constant, type field and method with its signature. After an
    /// intended change, record anew: `RECORD_SNAPSHOTS=1 swift test --filter GeneratedDocsTests`.
    @Test func theGlobalsMatchTheirSnapshot() throws {
        let signatures = APIReference.hostrun.signatures
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] != nil {
            try Data(signatures.utf8).write(to: Self.snapshot)
        }
        let recorded = try String(contentsOf: Self.snapshot, encoding: .utf8)
        #expect(signatures == recorded, "the scripting API changed; if intended, record the snapshot anew")
    }

    @Test func everyFunctionAndParameterIsDocumented() {
        for entry in APIReference.hostrun.modules {
            #expect(!entry.module.summary.isEmpty, "\(entry.module.name) has no summary")
            #expect(!entry.guide.isEmpty, "\(entry.module.name) has no guide")
            for function in entry.module.functions {
                #expect(!function.summary.isEmpty && function.since != nil, "\(entry.module.name).\(function.name)")
                for parameter in function.parameters {
                    #expect(!parameter.description.isEmpty, "\(entry.module.name).\(function.name): \(parameter.name)")
                }
            }
        }
    }

    @Test func everyTypeNamedInASignatureIsDefined() {
        let reference = APIReference.hostrun
        let defined = Set(reference.classes.map(\.name)).union(["string", "integer", "number", "boolean", "table", "any", "nil", "function"])
        var named: [String] = []
        for entry in reference.modules {
            for function in entry.module.functions {
                named += function.parameters.map(\.type.name) + function.returns.map(\.type.name)
            }
        }
        for type in reference.classes {
            named += type.fields.map(\.type.name)
            for method in type.methods { named += method.parameters.map(\.type.name) + method.returns.map(\.type.name) }
        }
        for name in named where !name.hasPrefix("fun(") && !name.hasPrefix("table<") {
            for part in name.split(separator: "|") {
                let base = part.replacingOccurrences(of: "?", with: "").replacingOccurrences(of: "[]", with: "")
                #expect(defined.contains(base), "\(name): \(base) is not a defined type")
            }
        }
    }

    @Test func theMetaFileSaysItIsGenerated() {
        let meta = GeneratedDocs.repository().files.first { $0.path == GeneratedDocs.metaPath }!.contents
        #expect(meta.hasPrefix("---@meta _\n-- THIS FILE IS GENERATED"))
        #expect(meta.contains("error('Cannot require a meta file')"))
        #expect(meta.contains("---@param opts? QueryOptions filters, order and limit\n---@return fun(): Dossier? # the iterator of a generic for\nfunction dossiers.query(opts) end"))
        #expect(!meta.contains(" \n"))
    }
}
