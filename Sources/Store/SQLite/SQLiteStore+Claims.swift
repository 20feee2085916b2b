import Foundation
import GRDB

extension SQLiteStore {
    public func claimRun(job: String, slot: String, owner: String, lease: TimeInterval?) throws -> RunClaim {
        let now = clock()
        let at = StoredInstant.milliseconds(now)
        let expires = lease.map { StoredInstant.milliseconds(now.addingTimeInterval($0)) }
        do {
            return try pool.write { db in
                if try String.fetchOne(db, sql: RunClaimSQL.claim(.sqlite),
                                       arguments: [job, slot, owner, at, expires]) != nil {
                    return RunClaim(job: job, slot: slot, owner: owner, claimedAt: StoredInstant.date(at), granted: true)
                }
                let row = try Row.fetchOne(db, sql: RunClaimSQL.holder(.sqlite), arguments: [job, slot])!
                return RunClaim(job: job, slot: slot, owner: row[0],
                                claimedAt: StoredInstant.date(row[1]), granted: false)
            }
        } catch let error as DatabaseError {
            throw StoreError.database(operation: "claiming \(job) for \(slot)", reason: error.message ?? "\(error)")
        }
    }

    public func finishRun(job: String, slot: String, owner: String) throws {
        do {
            try pool.write { db in
                try db.execute(sql: RunClaimSQL.finish(.sqlite), arguments: [job, slot, owner])
            }
        } catch let error as DatabaseError {
            throw StoreError.database(operation: "finishing the claim of \(job) for \(slot)",
                                      reason: error.message ?? "\(error)")
        }
    }
}
