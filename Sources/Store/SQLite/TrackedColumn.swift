import Domain
import GRDB

/// A column that holds what a source reported: compared on upsert and audited when it changes.
package struct TrackedColumn: Sendable {
    /// How the audit trail writes the column's values.
    package enum Rendering: Sendable {
        case text, integer, flag, instant, minuteOfDay
        /// Personal data: the audit trail records that it changed, never the values.
        case personal
    }

    package let name: String
    package let rendering: Rendering

    package init(_ name: String, _ rendering: Rendering = .text) {
        self.name = name
        self.rendering = rendering
    }

    /// The fields that differ between a stored row and an incoming one.
    package static func changes(_ columns: [TrackedColumn], old: [DatabaseValue], new: [DatabaseValue],
                        centreTime: CentreTime) -> [FieldChange] {
        var changes: [FieldChange] = []
        for (i, column) in columns.enumerated() where old[i] != new[i] {
            changes.append(column.change(from: old[i], to: new[i], centreTime: centreTime))
        }
        return changes
    }

    package func change(from old: DatabaseValue, to new: DatabaseValue,
                centreTime: CentreTime) -> FieldChange {
        if rendering == .personal { return FieldChange(field: name, old: nil, new: nil, isPersonal: true) }
        return FieldChange(field: name, old: render(old, centreTime), new: render(new, centreTime))
    }

    private func render(_ value: DatabaseValue, _ centreTime: CentreTime) -> String? {
        switch (rendering, value.storage) {
        case (_, .null): nil
        case (.flag, .int64(let v)): v == 0 ? "false" : "true"
        case (.instant, .int64(let v)): StoredInstant.text(v, centreTime)
        case (.minuteOfDay, .int64(let v)): LocalTime(minuteOfDay: Int(v)).description
        case (_, .int64(let v)): String(v)
        case (_, .string(let s)): s
        case (_, .double(let v)): String(v)
        case (_, .blob): "(binary)"
        }
    }
}
