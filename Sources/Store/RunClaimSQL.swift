/// The one statement both database stores claim a scheduled run with (see
/// ``DossierStore/claimRun(job:slot:owner:lease:)``).
///
/// The row's primary key (job, slot) does the work: of several concurrent inserts one wins and
/// the others wait for its commit. A loser takes the row over only when the holder's lease has
/// run out (`expires_at` before now) without the run being finished (`expires_at` NULL means
/// finished, or claimed without a lease). The statement returns a row only to the caller that
/// inserted or took over the claim.
public enum RunClaimSQL {
    /// Parameters: job, slot, owner, claimed_at (ms), expires_at (ms or NULL).
    public static func claim(_ dialect: SQLDialect) -> String {
        let p = dialect.parameter
        return """
            INSERT INTO run_claims (job, slot, owner, claimed_at, expires_at)
            VALUES (\(p(1)), \(p(2)), \(p(3)), \(p(4)), \(p(5)))
            ON CONFLICT (job, slot) DO UPDATE SET owner = excluded.owner, claimed_at = excluded.claimed_at,
                expires_at = excluded.expires_at
            WHERE run_claims.expires_at < excluded.claimed_at
            RETURNING owner
            """
    }

    /// Parameters: job, slot. The holder of a claim this caller did not get.
    public static func holder(_ dialect: SQLDialect) -> String {
        "SELECT owner, claimed_at FROM run_claims WHERE job = \(dialect.parameter(1)) AND slot = \(dialect.parameter(2))"
    }

    /// Parameters: job, slot, owner. Marks the holder's claim finished: it never expires.
    public static func finish(_ dialect: SQLDialect) -> String {
        let p = dialect.parameter
        return "UPDATE run_claims SET expires_at = NULL WHERE job = \(p(1)) AND slot = \(p(2)) AND owner = \(p(3))"
    }
}
