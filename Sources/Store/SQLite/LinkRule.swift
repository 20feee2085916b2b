/// The rule that picks the primary record of a link group (see ``DossierStore``): the lowest
/// priority number first, unranked sources after ranked ones, then source names in byte order.
/// ``flips`` orders the same way, for both database stores' `setSourcePriority(_:as:)`.
package enum LinkRule {
    package static func primary(among sources: [String], ranks: [String: Int]) -> String {
        sources.min { a, b in
            let (ra, rb) = (ranks[a] ?? Int.max, ranks[b] ?? Int.max)
            return ra != rb ? ra < rb : a.utf8.lexicographicallyPrecedes(b.utf8)
        }!
    }

    /// Selects `id, is_primary` of every record of a link group (a code held by several
    /// sources) whose primary flag must flip under the stored priorities: the new flag.
    package static let flips = """
        WITH linked AS (SELECT code FROM dossiers GROUP BY code HAVING COUNT(*) > 1),
        best AS (
            SELECT code, (SELECT d2.id FROM dossiers d2 LEFT JOIN sources s ON s.name = d2.source
                          WHERE d2.code = linked.code
                          ORDER BY s.priority IS NULL, s.priority, d2.source LIMIT 1) AS id
            FROM linked)
        SELECT d.id, d.id = best.id AS is_primary FROM dossiers d JOIN best ON best.code = d.code
        WHERE d.is_primary <> (d.id = best.id)
        """
}
