@testable import Store
import Testing

struct WrittenRowRunsTests {
    /// A batch into an empty table, one record refused and undone midway: the refused record's
    /// row id is taken again by the next record, and every row keeps the index that wrote it.
    @Test func consecutiveRowsAndARolledBackOne() {
        var rows = WrittenRowRuns()
        for index in 0..<5 { rows.note(Int64(100 + index), index: index) }
        rows.forget(104)
        rows.note(104, index: 5)
        rows.note(105, index: 6)
        #expect((100...105).map { rows.firstIndex(of: $0) } == [0, 1, 2, 3, 5, 6])
        #expect(rows.firstIndex(of: 99) == nil && rows.firstIndex(of: 106) == nil)
    }

    /// Rows out of order (an older row updated amid inserts) and a row forgotten inside a run.
    @Test func scatteredRowsAndAGapInARun() {
        var rows = WrittenRowRuns()
        rows.note(10, index: 0)
        rows.note(11, index: 1)
        rows.note(3, index: 2)
        rows.note(12, index: 3)
        rows.note(20, index: 4)
        rows.note(21, index: 5)
        rows.note(22, index: 6)
        rows.forget(21)
        rows.forget(3)
        #expect([3, 10, 11, 12, 20, 21, 22].map { rows.firstIndex(of: $0) } == [nil, 0, 1, 3, 4, nil, 6])
        rows.forget(20)
        rows.forget(10)
        #expect([10, 11, 12, 20, 22].map { rows.firstIndex(of: $0) } == [nil, 1, 3, nil, 6])
    }
}
