/// The rule that picks the primary record of a link group (see ``DossierStore``): the lowest
/// priority number first, unranked sources after ranked ones, then source names in byte order.
/// The SQL relink in ``SQLiteStore/setSourcePriority(_:as:)`` orders the same way.
package enum LinkRule {
    package static func primary(among sources: [String], ranks: [String: Int]) -> String {
        sources.min { a, b in
            let (ra, rb) = (ranks[a] ?? Int.max, ranks[b] ?? Int.max)
            return ra != rb ? ra < rb : a.utf8.lexicographicallyPrecedes(b.utf8)
        }!
    }

    /// `ORDER BY` terms over `dossiers d2 LEFT JOIN sources s` that put the primary first.
    static let sqlOrder = "s.priority IS NULL, s.priority, d2.source"
}
