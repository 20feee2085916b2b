/// The rows a batch has written or confirmed so far, each with the batch index of the record
/// that first did: what tells a key repeated later in the batch (a
/// ``StoreError/conflictingDuplicate(_:firstIndex:)`` when its values differ) from its first
/// record.
///
/// Kept as runs where it can: into a table that had no row of the batch's codes each insert
/// takes the next row id, and importing an export again confirms or updates its rows in the
/// order they were inserted, so consecutive records note consecutive rows. Such a run costs
/// the same for a million rows as for one; the rows that extend no run are kept one by one. A
/// dictionary of every row cost a bulk import about 32 bytes a row.
struct WrittenRowRuns {
    /// Rows `firstID ..< firstID + count`, written by records `firstIndex ..< firstIndex + count`.
    private struct Run {
        var firstID: Int64
        var firstIndex: Int
        var count: Int

        var endID: Int64 { firstID + Int64(count) }
    }

    /// Disjoint, in increasing row order: a run is only started above the last one.
    private var runs: [Run] = []
    private var scattered: [Int64: Int] = [:]

    /// The batch index of the record that first wrote or confirmed row `id`, nil if none has.
    func firstIndex(of id: Int64) -> Int? {
        if let run = run(containing: id) { return runs[run].firstIndex + Int(id - runs[run].firstID) }
        return scattered[id]
    }

    /// Notes that the record at batch index `index` wrote or confirmed row `id`, which no
    /// record of the batch had.
    mutating func note(_ id: Int64, index: Int) {
        if let last = runs.last, id == last.endID, index == last.firstIndex + last.count {
            runs[runs.count - 1].count += 1
        } else if runs.last.map({ id >= $0.endID }) ?? true {
            runs.append(Run(firstID: id, firstIndex: index, count: 1))
        } else {
            scattered[id] = index
        }
    }

    /// Forgets row `id`, whose writes were rolled back: the last row noted, in practice.
    mutating func forget(_ id: Int64) {
        guard let position = run(containing: id) else {
            scattered[id] = nil
            return
        }
        let run = runs[position]
        let offset = Int(id - run.firstID)
        let after = Run(firstID: id + 1, firstIndex: run.firstIndex + offset + 1, count: run.count - offset - 1)
        runs[position].count = offset
        if after.count > 0 { runs.insert(after, at: position + 1) }
        if offset == 0 { runs.remove(at: position) }
    }

    /// The position of the run holding `id`.
    private func run(containing id: Int64) -> Int? {
        var low = 0, high = runs.count
        while low < high {
            let middle = (low + high) / 2
            if runs[middle].endID <= id { low = middle + 1 } else { high = middle }
        }
        return low < runs.count && runs[low].firstID <= id ? low : nil
    }
}
