import Domain

/// Another writer inserted a dossier this batch believed new, between this batch's read and
/// its write: the batch's decisions (outcome, link group, history) rest on a stale read, so
/// the batch is run again.
struct WriteConflict: Error, CustomStringConvertible {
    let key: DossierKey
    var description: String { "\(key) was written by another process at the same time" }
}
