import Domain
import Foundation
import Store

/// `hostrun reconcile`'s findings, per source as text, and as JSON.
struct ReconcilePrinter {
    let findings: ReconcileFindings
    let store: String

    private let time = CentreTime.vietnam

    var text: String {
        var out = ""
        let sources = Set(findings.missing.map(\.key.source) + findings.vanished.map(\.key.source)).sorted()
        for source in sources {
            out += "\(source)\n"
            let missing = Dictionary(grouping: findings.missing.filter { $0.key.source == source }, by: \.expectation)
            for (expectation, dossiers) in missing.sorted(by: { $0.key.expectedIn < $1.key.expectedIn }) {
                out += "  not in \(expectation.expectedIn): \(dossiers.count) (\(expectation.name))\n"
                for dossier in dossiers {
                    out += "    \(dossier.key.code)  \(dossier.procedureCode) \(dossier.procedureName)  "
                        + "received \(day(dossier.receivedAt))  \(dossier.status.rawValue)\n"
                }
            }
            let vanished = findings.vanished.filter { $0.key.source == source }
            if let first = vanished.first {
                out += "  vanished from its latest listing (import \(first.latest.id), \(first.latest.connector), "
                    + "\(VietnameseFormat().dateTime(first.latest.startedAt, in: time))): \(vanished.count)\n"
                for dossier in vanished {
                    out += "    \(dossier.key.code)  received \(day(dossier.receivedAt))  \(dossier.status.rawValue)  "
                        + "last listed by import \(dossier.lastSeen.id)\n"
                }
            }
        }
        if !findings.conflicts.isEmpty {
            out += "conflicts: \(findings.conflicts.count)\n"
            for conflict in findings.conflicts {
                out += "  \(conflict.code)  \(conflict.field.rawValue): "
                    + conflict.values.map { "\($0.source) \($0.value)" }.joined(separator: ", ") + "\n"
            }
        }
        out += "\(store): \(findings.missing.count) missing, \(findings.vanished.count) vanished, "
            + "\(findings.conflicts.count) conflicting\n"
        return out
    }

    var json: String {
        let output = Output(
            store: store,
            missing: findings.missing.map {
                Missing(rule: $0.expectation.name, source: $0.key.source, expectedIn: $0.expectation.expectedIn,
                        code: $0.key.code, procedureCode: $0.procedureCode, procedureName: $0.procedureName,
                        receivedAt: time.iso8601($0.receivedAt), status: $0.status.rawValue)
            },
            vanished: findings.vanished.map {
                Vanished(source: $0.key.source, code: $0.key.code, receivedAt: time.iso8601($0.receivedAt),
                         status: $0.status.rawValue, lastSeenImport: $0.lastSeen.id, latestImport: $0.latest.id)
            },
            conflicts: findings.conflicts.map { conflict in
                Conflict(code: conflict.code, field: conflict.field.rawValue,
                         values: Dictionary(uniqueKeysWithValues: conflict.values.map { ($0.source, $0.value) }))
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(output)) ?? Data(), as: UTF8.self) + "\n"
    }

    private func day(_ instant: Date) -> String { time.localDate(instant).vietnamese }

    private struct Output: Encodable {
        var store: String
        var missing: [Missing]
        var vanished: [Vanished]
        var conflicts: [Conflict]
    }

    private struct Missing: Encodable {
        var rule, source, expectedIn, code, procedureCode, procedureName, receivedAt, status: String

        enum CodingKeys: String, CodingKey {
            case rule, source, code, status
            case expectedIn = "expected_in", procedureCode = "procedure_code", procedureName = "procedure_name"
            case receivedAt = "received_at"
        }
    }

    private struct Vanished: Encodable {
        var source, code, receivedAt, status: String
        var lastSeenImport, latestImport: Int64

        enum CodingKeys: String, CodingKey {
            case source, code, status
            case receivedAt = "received_at", lastSeenImport = "last_seen_import", latestImport = "latest_import"
        }
    }

    private struct Conflict: Encodable {
        var code, field: String
        var values: [String: String]
    }
}
