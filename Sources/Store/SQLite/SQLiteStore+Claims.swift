import Foundation
import GRDB

extension SQLiteStore {
    public func claimRun(job: String, slot: String, owner: String) throws -> RunClaim {
        let now = clock()
        do {
            return try pool.write { db in
                try db.execute(sql: """
                    INSERT INTO run_claims (job, slot, owner, claimed_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT (job, slot) DO NOTHING
                    """, arguments: [job, slot, owner, StoredInstant.milliseconds(now)])
                let granted = db.changesCount == 1
                let row = try Row.fetchOne(db, sql: """
                    SELECT owner, claimed_at FROM run_claims WHERE job = ? AND slot = ?
                    """, arguments: [job, slot])!
                return RunClaim(job: job, slot: slot, owner: row[0],
                                claimedAt: StoredInstant.date(row[1]), granted: granted)
            }
        } catch let error as DatabaseError {
            throw StoreError.database(operation: "claiming \(job) for \(slot)", reason: error.message ?? "\(error)")
        }
    }
}
