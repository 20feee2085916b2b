import Foundation
import PostgresNIO
import Store

extension PostgreSQLStore {
    /// ``Store/RunClaimSQL`` does the work: of several concurrent inserts, one succeeds and the
    /// others wait for its commit, then find the row taken (or its lease run out) and read who
    /// holds it.
    public func claimRun(job: String, slot: String, owner: String, lease: TimeInterval?) throws -> RunClaim {
        let now = clock()
        let at = StoredInstant.milliseconds(now)
        return try read("claiming \(job) for \(slot)") { connection in
            var binds = PostgresBindings()
            binds.append(job)
            binds.append(slot)
            binds.append(owner)
            binds.append(at)
            binds.append(lease.map { StoredInstant.milliseconds(now.addingTimeInterval($0)) })
            if try connection.run(RunClaimSQL.claim(.postgres), binds, logger: logger).rows.first != nil {
                return RunClaim(job: job, slot: slot, owner: owner, claimedAt: StoredInstant.date(at), granted: true)
            }
            var lookup = PostgresBindings()
            lookup.append(job)
            lookup.append(slot)
            let (holder, claimedAt) = try connection.run(RunClaimSQL.holder(.postgres), lookup, logger: logger)
                .rows.first!.decode((String, Int64).self)
            return RunClaim(job: job, slot: slot, owner: holder, claimedAt: StoredInstant.date(claimedAt), granted: false)
        }
    }

    public func finishRun(job: String, slot: String, owner: String) throws {
        try read("finishing the claim of \(job) for \(slot)") { connection in
            var binds = PostgresBindings()
            binds.append(job)
            binds.append(slot)
            binds.append(owner)
            try connection.run(RunClaimSQL.finish(.postgres), binds, logger: logger)
        }
    }
}
