/// The origins of the records a batch handed to the store, by their index in the batch, kept
/// compactly (one buffer of UTF-8) so that a rejection can name the earlier record a conflicting
/// duplicate repeats, even in a batch of millions.
struct OriginLog {
    private var bytes: [UInt8] = []
    private var ends: [Int] = []

    mutating func append(_ origin: String) {
        bytes.append(contentsOf: origin.utf8)
        ends.append(bytes.count)
    }

    subscript(index: Int) -> String? {
        guard ends.indices.contains(index) else { return nil }
        let start = index == 0 ? 0 : ends[index - 1]
        return String(decoding: bytes[start..<ends[index]], as: UTF8.self)
    }
}
