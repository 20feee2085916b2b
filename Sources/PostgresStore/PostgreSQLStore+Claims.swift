import Foundation
import PostgresNIO
import Store

extension PostgreSQLStore {
    /// The unique row does the work: of several concurrent inserts, one succeeds and the others
    /// wait for its commit, then find the row taken and read who took it.
    public func claimRun(job: String, slot: String, owner: String) throws -> RunClaim {
        let now = StoredInstant.milliseconds(clock())
        return try read("claiming \(job) for \(slot)") { connection in
            var binds = PostgresBindings()
            binds.append(job)
            binds.append(slot)
            binds.append(owner)
            binds.append(now)
            if try connection.run("""
                INSERT INTO run_claims (job, slot, owner, claimed_at) VALUES ($1, $2, $3, $4)
                ON CONFLICT (job, slot) DO NOTHING RETURNING 1
                """, binds, logger: logger).rows.first != nil {
                return RunClaim(job: job, slot: slot, owner: owner, claimedAt: StoredInstant.date(now), granted: true)
            }
            var lookup = PostgresBindings()
            lookup.append(job)
            lookup.append(slot)
            let (holder, at) = try connection.run("""
                SELECT owner, claimed_at FROM run_claims WHERE job = $1 AND slot = $2
                """, lookup, logger: logger).rows.first!.decode((String, Int64).self)
            return RunClaim(job: job, slot: slot, owner: holder, claimedAt: StoredInstant.date(at), granted: false)
        }
    }
}
