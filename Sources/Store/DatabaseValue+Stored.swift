import GRDB

extension DatabaseValue {
    /// The value as `T`, for the row readings both database stores share: a value of another
    /// type (a row not written by hostrun) is an error naming the column, not a crash.
    package func stored<T: DatabaseValueConvertible>(_ column: String) throws -> T {
        guard let value = T.fromDatabaseValue(self) else {
            throw StoreError.database(operation: "reading \(column)",
                                      reason: "\(column) holds \(self), which this hostrun does not expect")
        }
        return value
    }
}
